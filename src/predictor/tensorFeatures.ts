// The learner's inputs computed by TF.js ops from state tensors, so that a gradient can flow through
// a rollout (the rollout loss, rolloutLoss.ts): the same features as buildFeatures (features.ts,
// featureRows.ts) to float32 rounding, with each receiver's senders fixed at the start frame. Few,
// larger ops (about 30 a step): on the wasm backend an op's overhead outweighs its arithmetic here.
import * as tf from '@tensorflow/tfjs';
import { OBJECT_FEATURES, PAIR_FEATURES } from './features';
import { byConstant, constantTensor, type FrameLayout } from './frameLayout';

export { layoutFrames, type FrameLayout } from './frameLayout';

/** The receivers' state, each [frames·r, 3]: position (x, y, angle) and velocity (vx, vy, spin). */
export interface ReceiverState { position: tf.Tensor2D; velocity: tf.Tensor2D }

/** The layout's constants as tensors, kept for a whole rollout (disposeLayoutTensors). */
export interface LayoutTensors {
  frames: number; r: number; s: number; n: number;
  pairMask: tf.Tensor;
  /** [frames·r, 2]: half width, half height; and the same swapped. */
  halfSize: tf.Tensor; halfSizeSwapped: tf.Tensor;
  ball: tf.Tensor; notBall: tf.Tensor; valid: tf.Tensor;
  statics: tf.Tensor;
  /** Pair rows from body columns: the one-hot [sender | receiver] matrix and its transpose. */
  select: tf.Tensor2D; selectT: tf.Tensor2D;
  objectMask: tf.Tensor; objectConst: tf.Tensor; pairConst: tf.Tensor;
}

/** Per body column (x, y, vx, vy, ex, ey), its share of each pair input, as sender and as receiver:
 * dx/2, dy/2, dvx/2, dvy/2, 2·ex_j, 2·ey_j, (flags), 2·ex_i, 2·ey_i (writePairRow's arithmetic). */
const SENDER_MAP = linearMap(6, PAIR_FEATURES, [[0, 0, 0.5], [1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5], [4, 4, 2], [5, 5, 2]]);
const RECEIVER_MAP = linearMap(6, PAIR_FEATURES, [[0, 0, -0.5], [1, 1, -0.5], [2, 2, -0.5], [3, 3, -0.5], [4, 8, 2], [5, 9, 2]]);
/** The receiver's vx, vy, spin, sin, cos, ex, ey to its OBJECT_FEATURES inputs (writeReceiverRow). */
const OBJECT_MAP = linearMap(7, OBJECT_FEATURES, [[0, 0, 0.5], [1, 1, 0.5], [2, 2, 0.2], [3, 3, 1], [4, 4, 1], [5, 5, 2], [6, 6, 2]]);
const BIG = 3e38;
const PAIR_LOW = [-2.5, -2.5, -5, -5, 0, 0, -BIG, -BIG, 0, 0, -BIG, -2, -1, -2, -BIG];
const PAIR_HIGH = [2.5, 2.5, 5, 5, 5, 5, BIG, BIG, 5, 5, BIG, 2, 2, 2, BIG];
const OBJECT_LOW = [-5, -5, -5, -BIG, -BIG, 0, 0, -BIG, -BIG, -BIG, -BIG];
const OBJECT_HIGH = [5, 5, 5, BIG, BIG, 5, 5, BIG, BIG, BIG, BIG];

function linearMap(rows: number, cols: number, entries: [number, number, number][]): Float32Array {
  const m = new Float32Array(rows * cols);
  for (const [i, j, v] of entries) m[i * cols + j] = v;
  return m;
}

export function layoutTensors(l: FrameLayout): LayoutTensors {
  const { frames: M, r, s, n } = l;
  const rows = M * r;
  const halfSize = new Float32Array(rows * 2), swapped = new Float32Array(rows * 2);
  const objectMask = new Float32Array(rows * 7).fill(1), objectConst = new Float32Array(rows * OBJECT_FEATURES);
  for (let q = 0; q < rows; q++) {
    halfSize[q * 2] = swapped[q * 2 + 1] = l.width[q]! / 2;
    halfSize[q * 2 + 1] = swapped[q * 2] = l.height[q]! / 2;
    // A ball's inputs show no angle (sin 0, cos 1).
    objectMask[q * 7 + 3] = objectMask[q * 7 + 4] = 1 - l.ball[q]!;
    objectConst[q * OBJECT_FEATURES + 4] = l.ball[q]!;
    objectConst[q * OBJECT_FEATURES + 8] = l.ball[q]!;
    objectConst[q * OBJECT_FEATURES + 9] = l.car[q]!;
    objectConst[q * OBJECT_FEATURES + 10] = l.box[q]!;
  }
  const pairs = rows * n;
  const pairConst = new Float32Array(pairs * PAIR_FEATURES);
  for (let p = 0; p < pairs; p++) {
    pairConst[p * PAIR_FEATURES + 6] = l.senderStatic[p]!;
    pairConst[p * PAIR_FEATURES + 7] = l.senderBall[p]!;
    pairConst[p * PAIR_FEATURES + 10] = l.ball[Math.floor(p / n)]!;
  }
  const select = tf.tensor2d(l.select, [pairs, l.bodies + rows]);
  return {
    frames: M, r, s, n, pairMask: tf.tensor(l.pairMask, [M, r, n]),
    halfSize: tf.tensor2d(halfSize, [rows, 2]), halfSizeSwapped: tf.tensor2d(swapped, [rows, 2]),
    ball: tf.tensor2d(l.ball, [rows, 1]), notBall: tf.tensor2d(l.ball.map((b) => 1 - b), [rows, 1]), valid: tf.tensor2d(l.valid, [rows, 1]),
    statics: tf.tensor2d(l.statics, [M * s, 6]), select, selectT: tf.transpose(select),
    objectMask: tf.tensor2d(objectMask, [rows, 7]), objectConst: tf.tensor2d(objectConst, [rows, OBJECT_FEATURES]), pairConst: tf.tensor2d(pairConst, [pairs, PAIR_FEATURES]),
  };
}

export function disposeLayoutTensors(t: LayoutTensors): void {
  for (const x of [t.pairMask, t.halfSize, t.halfSizeSwapped, t.ball, t.notBall, t.valid, t.statics, t.select, t.selectT, t.objectMask, t.objectConst, t.pairConst]) x.dispose();
}

const clip = (x: tf.Tensor, low: number[], high: number[]): tf.Tensor => tf.minimum(tf.maximum(x, constantTensor(low, [low.length])), constantTensor(high, [high.length]));

/** The receivers' and pairs' inputs ([frames, r, OBJECT_FEATURES], [frames, r, n, PAIR_FEATURES])
 * of this state: writeReceiverRow's and writePairRow's arithmetic in ops; padding rows and absent
 * pairs are 0, as buildFeatures leaves them. Call inside tf.tidy. */
export function tensorFeatures(l: LayoutTensors, st: ReceiverState, contact: boolean): { objects: tf.Tensor; pairs: tf.Tensor } {
  const { frames: M, r, n } = l;
  const rows = M * r;
  const angle = tf.slice(st.position, [0, 2], [rows, 1]);
  const sa = tf.sin(angle);
  const ca = tf.cos(angle);
  // Half extents of the box around the body at its angle; a ball's ignores its angle (setGeometry).
  const turned = tf.add(tf.mul(tf.abs(ca), l.halfSize), tf.mul(tf.abs(sa), l.halfSizeSwapped));
  const extents = tf.add(tf.mul(turned, l.notBall), tf.mul(l.halfSize, l.ball));
  const own = tf.mul(tf.concat([st.velocity, sa, ca, extents], 1), l.objectMask);
  const objects = tf.mul(clip(tf.add(byConstant(own, OBJECT_MAP, OBJECT_FEATURES), l.objectConst), OBJECT_LOW, OBJECT_HIGH), l.valid);
  const bodies = tf.concat([tf.slice(st.position, [0, 0], [rows, 2]), tf.slice(st.velocity, [0, 0], [rows, 2]), extents], 1);
  // Each pair's row is its sender's share plus its receiver's: one product with the one-hot rows.
  const shares = tf.concat([byConstant(tf.concat([bodies, l.statics], 0), SENDER_MAP, PAIR_FEATURES), byConstant(bodies, RECEIVER_MAP, PAIR_FEATURES)], 0);
  let linear = tf.add(selectRows(l.select, l.selectT, shares), l.pairConst);
  if (contact) linear = withContact(linear);
  const pairs = tf.mul(clip(linear, PAIR_LOW, PAIR_HIGH), tf.reshape(l.pairMask, [rows * n, 1]));
  return { objects: tf.reshape(objects, [M, r, OBJECT_FEATURES]), pairs: tf.reshape(pairs, [M, r, n, PAIR_FEATURES]) };
}

/** The four contact inputs (writePairRow) from the pair row's dx/2, dy/2 and sizes, in columns 11–14. */
function withContact(linear: tf.Tensor): tf.Tensor {
  const rows = linear.shape[0]!;
  const col = (c: number): tf.Tensor => tf.slice(linear, [0, c], [rows, 1]);
  const adx = tf.abs(tf.mul(col(0), 2)), dy = tf.mul(col(1), 2);
  const exj = tf.mul(col(4), 0.5), eyj = tf.mul(col(5), 0.5), exi = tf.mul(col(8), 0.5), eyi = tf.mul(col(9), 0.5);
  const contact = tf.concat([
    tf.mul(tf.sub(tf.add(exi, exj), adx), 4), tf.mul(tf.sub(tf.sub(tf.abs(dy), eyi), eyj), 4),
    tf.mul(tf.sub(exj, adx), 4), tf.sub(tf.mul(2, tf.cast(tf.less(dy, 0), 'float32')), 1),
  ], 1);
  return tf.concat([tf.slice(linear, [0, 0], [rows, 11]), contact], 1);
}

/** rows = select · x for a constant one-hot `select`, with the gradient select^T · dy from the given
 * transpose (TF.js's own would multiply by a transposed flag: its slow path on wasm; and its gather
 * has no gradient there, lacking UnsortedSegmentSum). */
const selectRows = (select: tf.Tensor2D, selectT: tf.Tensor2D, x: tf.Tensor): tf.Tensor =>
  (tf.customGrad(((v: tf.Tensor2D) => ({ value: tf.matMul(select, v), gradFunc: (dy: tf.Tensor2D) => [tf.matMul(selectT, dy)] })) as unknown as Parameters<typeof tf.customGrad>[0]))(x);
