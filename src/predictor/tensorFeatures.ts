// The learner's inputs computed by TF.js ops from state tensors, so that a gradient can flow through
// a rollout (the rollout loss, rolloutLoss.ts): the same features as buildFeatures (features.ts,
// featureRows.ts) to float32 rounding, with each receiver's senders fixed at the start frame.
import * as tf from '@tensorflow/tfjs';
import type { Observation } from './observation';
import { BodyTable, MAX_SENDERS, nearestSenders } from './featureRows';
import { OBJECT_FEATURES, PAIR_FEATURES } from './features';

/** Columns of a body the pair features read from its sender: x, y, vx, vy, ex, ey. */
const SENDER_COLUMNS = 6;

/** A batch of start frames laid out for tensors. Receivers (the moving objects, in frame order, as
 * buildFeatures orders them) take slots 0…r−1 of each frame, static bodies slots r…r+s−1; padding
 * slots are zero. Plain arrays, so the layout can be checked without TF.js. */
export interface FrameLayout {
  frames: number;
  /** Receivers, static bodies and senders (pair slots) per frame after padding. */
  r: number; s: number; n: number;
  /** The receivers' start state, [frames·r]: x, y, vx, vy, angle, spin. */
  start: Float32Array[];
  /** The receivers' constants, [frames·r]: width, height, ball, car, box, and 1 for a real receiver. */
  width: Float32Array; height: Float32Array; ball: Float32Array; car: Float32Array; box: Float32Array; valid: Float32Array;
  /** Static bodies, [frames·s·SENDER_COLUMNS]. */
  statics: Float32Array;
  /** One-hot: which slot (of r + s) each pair's sender is, [frames·r·n·(r+s)]; a row of zeros for no pair. */
  select: Float32Array;
  /** [frames·r·n]: 1 for a pair, and its sender's static and ball flags. */
  pairMask: Float32Array; senderStatic: Float32Array; senderBall: Float32Array;
  /** Index in its frame of each receiver, −1 for padding, [frames·r]. */
  receiverIndex: Int32Array;
}

const table = new BodyTable();

/** Lays out the frames as buildFeatures would see them: the same receivers, the same senders in the
 * same pair slots (the nearest MAX_SENDERS in a crowd), the same padding r and n. */
export function layoutFrames(frames: readonly Observation[]): FrameLayout {
  const M = frames.length;
  let r = 1, s = 1, n = 1, widest = 1;
  for (const f of frames) {
    widest = Math.max(widest, f.length);
    n = Math.max(n, Math.min(f.length, MAX_SENDERS + 1));
    let d = 0;
    for (const o of f) if (!o.isStatic) d++;
    r = Math.max(r, d);
    s = Math.max(s, f.length - d);
  }
  const N = r + s;
  const start = Array.from({ length: 6 }, () => new Float32Array(M * r));
  const perReceiver = (): Float32Array => new Float32Array(M * r);
  const width = perReceiver(), height = perReceiver(), ball = perReceiver(), car = perReceiver(), box = perReceiver(), valid = perReceiver();
  const statics = new Float32Array(M * s * SENDER_COLUMNS);
  const select = new Float32Array(M * r * n * N);
  const pairMask = new Float32Array(M * r * n);
  const senderStatic = new Float32Array(M * r * n);
  const senderBall = new Float32Array(M * r * n);
  const receiverIndex = new Int32Array(M * r).fill(-1);
  const slot = new Int32Array(widest);
  table.reserve(widest);
  for (let b = 0; b < M; b++) {
    const frame = frames[b]!;
    const m = frame.length;
    let d = 0, st = 0;
    for (let j = 0; j < m; j++) {
      const o = frame[j]!;
      table.load(j, o);
      table.setGeometry(j);
      if (o.isStatic) {
        slot[j] = r + st;
        const at = (b * s + st++) * SENDER_COLUMNS;
        statics.set([o.x, o.y, o.vx, o.vy, table.ex[j]!, table.ey[j]!], at);
      } else {
        slot[j] = d;
        const q = b * r + d++;
        receiverIndex[q] = j;
        [o.x, o.y, o.vx, o.vy, o.angle, o.angularVelocity].forEach((v, c) => { start[c]![q] = v; });
        width[q] = o.width; height[q] = o.height; valid[q] = 1;
        ball[q] = o.kind === 'ball' ? 1 : 0; car[q] = o.kind === 'car' ? 1 : 0; box[q] = o.kind === 'box' ? 1 : 0;
      }
    }
    for (let i = 0; i < m; i++) {
      if (frame[i]!.isStatic) continue;
      const q = b * r + slot[i]!;
      const senders = m - 1 <= MAX_SENDERS ? null : nearestSenders(table, 0, m, i);
      for (let p = 0, j = 0; j < m; j++) {
        if (i === j || (senders && senders[j] === 0)) continue;
        const pm = q * n + p++;
        pairMask[pm] = 1;
        select[pm * N + slot[j]!] = 1;
        senderStatic[pm] = frame[j]!.isStatic ? 1 : 0;
        senderBall[pm] = frame[j]!.kind === 'ball' ? 1 : 0;
      }
    }
  }
  return { frames: M, r, s, n, start, width, height, ball, car, box, valid, statics, select, pairMask, senderStatic, senderBall, receiverIndex };
}

/** The layout's constants as tensors (kept for a whole rollout; dispose with disposeLayoutTensors). */
export interface LayoutTensors {
  frames: number; r: number; s: number; n: number;
  width: tf.Tensor; height: tf.Tensor; ball: tf.Tensor; car: tf.Tensor; box: tf.Tensor; valid: tf.Tensor;
  statics: tf.Tensor; select: tf.Tensor; pairMask: tf.Tensor; senderStatic: tf.Tensor; senderBall: tf.Tensor;
}

export function layoutTensors(l: FrameLayout): LayoutTensors {
  const { frames: M, r, s, n } = l;
  const perReceiver = (a: Float32Array): tf.Tensor => tf.tensor(a, [M, r]);
  const perPair = (a: Float32Array): tf.Tensor => tf.tensor(a, [M, r, n]);
  return {
    frames: M, r, s, n,
    width: perReceiver(l.width), height: perReceiver(l.height), ball: perReceiver(l.ball), car: perReceiver(l.car), box: perReceiver(l.box), valid: perReceiver(l.valid),
    statics: tf.tensor(l.statics, [M, s, SENDER_COLUMNS]), select: tf.tensor(l.select, [M, r * n, r + s]),
    pairMask: perPair(l.pairMask), senderStatic: perPair(l.senderStatic), senderBall: perPair(l.senderBall),
  };
}

export function disposeLayoutTensors(t: LayoutTensors): void {
  for (const x of [t.width, t.height, t.ball, t.car, t.box, t.valid, t.statics, t.select, t.pairMask, t.senderStatic, t.senderBall]) x.dispose();
}

/** The receivers' state, each [frames, r]. */
export interface ReceiverState { x: tf.Tensor; y: tf.Tensor; vx: tf.Tensor; vy: tf.Tensor; angle: tf.Tensor; spin: tf.Tensor }

/** The receivers' and pairs' inputs ([frames, r, OBJECT_FEATURES], [frames, r, n, PAIR_FEATURES])
 * of this state: writeReceiverRow's and writePairRow's arithmetic in ops; padding rows and absent
 * pairs are 0, as buildFeatures leaves them. Call inside tf.tidy. */
export function tensorFeatures(l: LayoutTensors, st: ReceiverState, contact: boolean): { objects: tf.Tensor; pairs: tf.Tensor } {
  const { frames: M, r, n } = l;
  const clip = (t: tf.Tensor, lo: number, hi: number): tf.Tensor => tf.clipByValue(t, lo, hi);
  const notBall = tf.sub(1, l.ball);
  const sa = tf.sin(st.angle);
  const ca = tf.cos(st.angle);
  // A ball's box ignores its angle (featureRows.ts setGeometry).
  const halfW = tf.div(l.width, 2);
  const halfH = tf.div(l.height, 2);
  const ex = tf.add(tf.mul(l.ball, halfW), tf.mul(notBall, tf.add(tf.mul(halfW, tf.abs(ca)), tf.mul(halfH, tf.abs(sa)))));
  const ey = tf.add(tf.mul(l.ball, halfH), tf.mul(notBall, tf.add(tf.mul(halfW, tf.abs(sa)), tf.mul(halfH, tf.abs(ca)))));
  const objects = tf.mul(tf.stack([
    clip(tf.div(st.vx, 2), -5, 5), clip(tf.div(st.vy, 2), -5, 5), clip(tf.div(st.spin, 5), -5, 5),
    tf.mul(notBall, sa), tf.add(tf.mul(notBall, ca), l.ball),
    clip(tf.mul(ex, 2), 0, 5), clip(tf.mul(ey, 2), 0, 5), tf.zerosLike(ex), l.ball, l.car, l.box,
  ], 2), tf.expandDims(l.valid, 2));
  // Every sender's columns by one product with the pairs' one-hot rows (TF.js's gather has no
  // gradient on the wasm backend: it needs UnsortedSegmentSum).
  const bodies = tf.concat([tf.stack([st.x, st.y, st.vx, st.vy, ex, ey], 2), l.statics], 1);
  const sender = tf.reshape(tf.matMul(l.select, bodies), [M, r, n, SENDER_COLUMNS]);
  const col = (c: number): tf.Tensor => tf.squeeze(tf.slice(sender, [0, 0, 0, c], [M, r, n, 1]), [3]);
  const own = (t: tf.Tensor): tf.Tensor => tf.expandDims(t, 2);
  const dx = tf.sub(col(0), own(st.x));
  const dy = tf.sub(col(1), own(st.y));
  const exj = col(4), eyj = col(5), exi = own(ex), eyi = own(ey);
  const columns = [
    clip(tf.div(dx, 2), -2.5, 2.5), clip(tf.div(dy, 2), -2.5, 2.5),
    clip(tf.div(tf.sub(col(2), own(st.vx)), 2), -5, 5), clip(tf.div(tf.sub(col(3), own(st.vy)), 2), -5, 5),
    clip(tf.mul(exj, 2), 0, 5), clip(tf.mul(eyj, 2), 0, 5), l.senderStatic, l.senderBall,
    clip(tf.mul(exi, 2), 0, 5), clip(tf.mul(eyi, 2), 0, 5), own(l.ball),
  ];
  if (contact) {
    const adx = tf.abs(dx);
    columns.push(
      clip(tf.mul(tf.sub(tf.add(exi, exj), adx), 4), -2, 2), clip(tf.mul(tf.sub(tf.sub(tf.abs(dy), eyi), eyj), 4), -1, 2),
      clip(tf.mul(tf.sub(exj, adx), 4), -2, 2), tf.sub(tf.mul(2, tf.cast(tf.less(dy, 0), 'float32')), 1),
    );
  } else {
    const zero = tf.zerosLike(dx);
    columns.push(zero, zero, zero, zero);
  }
  // Each column as [M, r, n] (a receiver's own ones broadcast), masked: absent pairs are 0.
  const pairs = tf.stack(columns.map((c) => tf.mul(c, l.pairMask)), 3);
  return { objects: tf.reshape(objects, [M, r, OBJECT_FEATURES]), pairs: tf.reshape(pairs, [M, r, n, PAIR_FEATURES]) };
}
