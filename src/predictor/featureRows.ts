// The learner's input rows written from a table of bodies in typed arrays: the one place the
// receiver and pair features are computed, for buildFeatures (observed frames) and for rollouts
// advanced in typed arrays (fastRollout.ts), so both give the same float32 bits.
import type { ObjectState } from './observation';
import { cos, sin } from '../sim/portableTrig';

/** Each receiver hears at most this many senders: the nearest ones (by the gap between their
 * bounding boxes). Training worlds hold at most 6 objects, so there every object hears every other;
 * in a crowded scene this keeps the cost per object constant instead of growing with the crowd. */
export const MAX_SENDERS = 8;

/** What the features need of a body's kind. */
const KIND_OTHER = 0;
const KIND_BALL = 1;
const KIND_CAR = 2;
const KIND_BOX = 3;
const kindCode = (kind: ObjectState['kind']): number =>
  (kind === 'ball' ? KIND_BALL : kind === 'car' ? KIND_CAR : kind === 'box' ? KIND_BOX : KIND_OTHER);

/** Bodies as columns (index = body): their state, and the bounding-box geometry at their angle
 * (setGeometry). Grows on demand; a caller owns one and refills it. */
export class BodyTable {
  capacity = 0;
  x = new Float64Array(0);
  y = new Float64Array(0);
  vx = new Float64Array(0);
  vy = new Float64Array(0);
  angle = new Float64Array(0);
  angularVelocity = new Float64Array(0);
  width = new Float64Array(0);
  height = new Float64Array(0);
  kind = new Uint8Array(0);
  isStatic = new Uint8Array(0);
  /** sin and cos of the angle, and the half extents of the axis-aligned box around the body. */
  sin = new Float64Array(0);
  cos = new Float64Array(0);
  ex = new Float64Array(0);
  ey = new Float64Array(0);

  /** Room for `count` bodies (contents are kept only when no growth is needed). */
  reserve(count: number): void {
    if (count <= this.capacity) return;
    const c = Math.max(count, this.capacity * 2, 16);
    this.capacity = c;
    this.x = new Float64Array(c); this.y = new Float64Array(c); this.vx = new Float64Array(c); this.vy = new Float64Array(c);
    this.angle = new Float64Array(c); this.angularVelocity = new Float64Array(c);
    this.width = new Float64Array(c); this.height = new Float64Array(c);
    this.kind = new Uint8Array(c); this.isStatic = new Uint8Array(c);
    this.sin = new Float64Array(c); this.cos = new Float64Array(c); this.ex = new Float64Array(c); this.ey = new Float64Array(c);
  }

  /** Body `at` takes the object's state (geometry not yet computed). */
  load(at: number, o: ObjectState): void {
    this.x[at] = o.x; this.y[at] = o.y; this.vx[at] = o.vx; this.vy[at] = o.vy;
    this.angle[at] = o.angle; this.angularVelocity[at] = o.angularVelocity;
    this.width[at] = o.width; this.height[at] = o.height;
    this.kind[at] = kindCode(o.kind); this.isStatic[at] = o.isStatic ? 1 : 0;
  }

  /** Body `at`'s sine and cosine (once: for the bounding box, halfExtents' formula, and the
   * receiver's own features) and half extents. sin(±0) = ±0 and cos(±0) = 1 exactly, so angle 0
   * skips the trig. */
  setGeometry(at: number): void {
    const a = this.angle[at]!;
    const sa = a === 0 ? a : sin(a);
    const ca = a === 0 ? 1 : cos(a);
    this.sin[at] = sa;
    this.cos[at] = ca;
    const w = this.width[at]!;
    const h = this.height[at]!;
    if (this.kind[at] === KIND_BALL) {
      this.ex[at] = w / 2;
      this.ey[at] = h / 2;
    } else {
      const c = Math.abs(ca);
      const sn = Math.abs(sa);
      this.ex[at] = (w / 2) * c + (h / 2) * sn;
      this.ey[at] = (w / 2) * sn + (h / 2) * c;
    }
  }
}

const clip = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** Receiver i's OBJECT_FEATURES (11) inputs into out[at…]. */
export function writeReceiverRow(t: BodyTable, i: number, out: Float32Array, at: number): void {
  const round = t.kind[i] === KIND_BALL;
  out[at] = clip(t.vx[i]! / 2, -5, 5);
  out[at + 1] = clip(t.vy[i]! / 2, -5, 5);
  out[at + 2] = clip(t.angularVelocity[i]! / 5, -5, 5);
  out[at + 3] = round ? 0 : t.sin[i]!;
  out[at + 4] = round ? 1 : t.cos[i]!;
  out[at + 5] = clip(t.ex[i]! * 2, 0, 5);
  out[at + 6] = clip(t.ey[i]! * 2, 0, 5);
  out[at + 7] = 0;
  out[at + 8] = round ? 1 : 0;
  out[at + 9] = t.kind[i] === KIND_CAR ? 1 : 0;
  out[at + 10] = t.kind[i] === KIND_BOX ? 1 : 0;
}

/** The PAIR_FEATURES (15) inputs of sender j acting on receiver i into out[at…]; without contact
 * features the last four are 0. */
export function writePairRow(t: BodyTable, i: number, j: number, contact: boolean, out: Float32Array, at: number): void {
  const dx = t.x[j]! - t.x[i]!;
  const dy = t.y[j]! - t.y[i]!;
  const exi = t.ex[i]!, eyi = t.ey[i]!, exj = t.ex[j]!, eyj = t.ey[j]!;
  out[at] = clip(dx / 2, -2.5, 2.5);
  out[at + 1] = clip(dy / 2, -2.5, 2.5);
  out[at + 2] = clip((t.vx[j]! - t.vx[i]!) / 2, -5, 5);
  out[at + 3] = clip((t.vy[j]! - t.vy[i]!) / 2, -5, 5);
  out[at + 4] = clip(exj * 2, 0, 5);
  out[at + 5] = clip(eyj * 2, 0, 5);
  out[at + 6] = t.isStatic[j] ? 1 : 0;
  out[at + 7] = t.kind[j] === KIND_BALL ? 1 : 0;
  out[at + 8] = clip(exi * 2, 0, 5);
  out[at + 9] = clip(eyi * 2, 0, 5);
  out[at + 10] = t.kind[i] === KIND_BALL ? 1 : 0;
  if (contact) {
    const adx = Math.abs(dx);
    const ady = Math.abs(dy);
    // Signed distances in metres ×4, clipped to the range where contact matters.
    out[at + 11] = clip((exi + exj - adx) * 4, -2, 2); // horizontal overlap of the two boxes
    out[at + 12] = clip((ady - eyi - eyj) * 4, -1, 2); // vertical gap between them
    out[at + 13] = clip((exj - adx) * 4, -2, 2); // my centre lies over the other's extent
    out[at + 14] = dy < 0 ? 1 : -1; // the other is below me
  } else {
    out[at + 11] = 0; out[at + 12] = 0; out[at + 13] = 0; out[at + 14] = 0;
  }
}

/** Which of the frame's bodies (table rows from, …, from + m − 1) are among the MAX_SENDERS nearest
 * to body i (gap between bounding boxes; ties by index), as 1s in a mask indexed from 0. Kept in order
 * as the frame is scanned (no sort, no allocation: this runs for every receiver of a crowded frame).
 * The mask is shared scratch, valid until the next call. */
export function nearestSenders(t: BodyTable, from: number, m: number, i: number): Uint8Array {
  if (senderMask.length < m) senderMask = new Uint8Array(m * 2);
  senderMask.fill(0, 0, m);
  let kept = 0;
  for (let k = 0; k < m; k++) {
    const j = from + k;
    if (j === i) continue;
    const gx = Math.abs(t.x[j]! - t.x[i]!) - t.ex[i]! - t.ex[j]!;
    const gy = Math.abs(t.y[j]! - t.y[i]!) - t.ey[i]! - t.ey[j]!;
    const gap = Math.max(gx, gy, 0);
    // Insert after every kept one with a gap no larger (an equal gap at a lower index goes first).
    if (kept === MAX_SENDERS && !(gap < nearestGap[kept - 1]!)) continue;
    let at = kept < MAX_SENDERS ? kept++ : kept - 1;
    while (at > 0 && gap < nearestGap[at - 1]!) {
      nearestGap[at] = nearestGap[at - 1]!;
      nearestIndex[at] = nearestIndex[at - 1]!;
      at--;
    }
    nearestGap[at] = gap;
    nearestIndex[at] = k;
  }
  for (let k = 0; k < kept; k++) senderMask[nearestIndex[k]!] = 1;
  return senderMask;
}
const nearestGap = new Float64Array(MAX_SENDERS);
const nearestIndex = new Int32Array(MAX_SENDERS);
let senderMask = new Uint8Array(64);
