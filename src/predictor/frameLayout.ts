// Start frames laid out for the rollout loss's tensors (tensorFeatures.ts): receivers, static
// bodies, and which body each pair slot hears, as plain typed arrays built once per batch; and a
// product by a constant matrix with a cheap gradient, for the features' linear parts.
import * as tf from '@tensorflow/tfjs';
import type { Observation } from './observation';
import { BodyTable, MAX_SENDERS, nearestSenders } from './featureRows';
import { batchPadding } from './features';

/** Receivers (the moving objects, in frame order, as buildFeatures orders them) are rows b·r + d,
 * padding rows zero; body columns are the receivers (0…frames·r−1), then each frame's static bodies
 * (s slots a frame). A pair slot (b·r + d)·n + p reads its sender's column and its receiver's row. */
export interface FrameLayout {
  frames: number;
  /** Receivers, static bodies and senders (pair slots) per frame after padding. */
  r: number; s: number; n: number;
  /** Body columns: frames·(r + s). */
  bodies: number;
  /** The receivers' start, [frames·r·3]: x, y, angle; vx, vy, spin. */
  position: Float32Array; velocity: Float32Array;
  /** The receivers' constants, [frames·r]: width, height, ball, car, box, and 1 for a real receiver. */
  width: Float32Array; height: Float32Array; ball: Float32Array; car: Float32Array; box: Float32Array; valid: Float32Array;
  /** Static bodies, [frames·s·6]: x, y, vx, vy, ex, ey. */
  statics: Float32Array;
  /** [pair slots, bodies + frames·r]: 1 at the sender's body column and at bodies + the receiver's row. */
  select: Float32Array;
  /** [frames·r·n]: 1 for a pair, and its sender's static and ball flags. */
  pairMask: Float32Array; senderStatic: Float32Array; senderBall: Float32Array;
  /** Index in its frame of each receiver, −1 for padding, [frames·r]. */
  receiverIndex: Int32Array;
}

const table = new BodyTable();

/** The frames as buildFeatures sees them: the same receivers, the same senders in the same pair
 * slots (the nearest MAX_SENDERS in a crowd, chosen here once), the same padding r and n. */
export function layoutFrames(frames: readonly Observation[]): FrameLayout {
  const M = frames.length;
  const { r, n, widest, statics: s } = batchPadding(frames);
  const rows = M * r;
  const bodies = rows + M * s;
  const perRow = (): Float32Array => new Float32Array(rows);
  const width = perRow(), height = perRow(), ball = perRow(), car = perRow(), box = perRow(), valid = perRow();
  const position = new Float32Array(rows * 3), velocity = new Float32Array(rows * 3);
  const statics = new Float32Array(M * s * 6);
  const select = new Float32Array(rows * n * (bodies + rows));
  const pairMask = new Float32Array(rows * n), senderStatic = new Float32Array(rows * n), senderBall = new Float32Array(rows * n);
  const receiverIndex = new Int32Array(rows).fill(-1);
  const column = new Int32Array(widest);
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
        column[j] = rows + b * s + st;
        statics.set([o.x, o.y, o.vx, o.vy, table.ex[j]!, table.ey[j]!], (b * s + st++) * 6);
        continue;
      }
      const q = b * r + d++;
      column[j] = q;
      receiverIndex[q] = j;
      position.set([o.x, o.y, o.angle], q * 3);
      velocity.set([o.vx, o.vy, o.angularVelocity], q * 3);
      width[q] = o.width; height[q] = o.height; valid[q] = 1;
      ball[q] = o.kind === 'ball' ? 1 : 0; car[q] = o.kind === 'car' ? 1 : 0; box[q] = o.kind === 'box' ? 1 : 0;
    }
    for (let i = 0; i < m; i++) {
      if (frame[i]!.isStatic) continue;
      const q = column[i]!;
      const senders = m - 1 <= MAX_SENDERS ? null : nearestSenders(table, 0, m, i);
      for (let p = 0, j = 0; j < m; j++) {
        if (i === j || (senders && senders[j] === 0)) continue;
        const slot = q * n + p++;
        pairMask[slot] = 1;
        select[slot * (bodies + rows) + column[j]!] = 1;
        select[slot * (bodies + rows) + bodies + q] = 1;
        senderStatic[slot] = frame[j]!.isStatic ? 1 : 0;
        senderBall[slot] = frame[j]!.kind === 'ball' ? 1 : 0;
      }
    }
  }
  return { frames: M, r, s, n, bodies, position, velocity, width, height, ball, car, box, valid, statics, select, pairMask, senderStatic, senderBall, receiverIndex };
}

/** Constant tensors made once per array (kept out of every tidy; a worker thread has its own). */
const constants = new Map<Float32Array | number[], tf.Tensor>();
export function constantTensor(values: Float32Array | number[], shape: number[]): tf.Tensor {
  let t = constants.get(values);
  if (!t) {
    t = tf.keep(tf.tensor(values, shape));
    constants.set(values, t);
  }
  return t;
}
const transposes = new Map<Float32Array, tf.Tensor2D>();

/** x · A for a constant [rows, cols] matrix A given row-major, with the gradient dy · Aᵀ from a
 * transpose made once (no transposed product: TF.js's slow path on wasm). */
export function byConstant(x: tf.Tensor, a: Float32Array, cols: number): tf.Tensor {
  const m = constantTensor(a, [a.length / cols, cols]) as tf.Tensor2D;
  let mt = transposes.get(a);
  if (!mt) {
    mt = tf.keep(tf.transpose(m));
    transposes.set(a, mt);
  }
  const product = tf.customGrad(((v: tf.Tensor2D) => ({ value: tf.matMul(v, m), gradFunc: (dy: tf.Tensor2D) => [tf.matMul(dy, mt!)] })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return product(x);
}
