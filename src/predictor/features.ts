// Turns observed frames into the learner's inputs: per-object and per-pair features, padded.
import type { Observation } from './observation';
import { STEP_S } from '../sim/units';
import { cos, sin } from '../sim/portableTrig';

/** Scale of velocity changes the learner predicts: one step of free fall at 9.81 m/s². */
export const DV_SCALE = 9.81 * STEP_S;
/** Scale of spin changes (rad/s per step). */
export const DW_SCALE = 1;

export const OBJECT_FEATURES = 11;
export const PAIR_FEATURES = 15;
export const OUTPUTS = 3;

/** Each receiver hears at most this many senders: the nearest ones (by the gap between their
 * bounding boxes). Training worlds hold at most 6 objects, so there every object hears every other;
 * in a crowded scene this keeps the cost per object constant instead of growing with the crowd. */
export const MAX_SENDERS = 8;

/** A learner's core-knowledge switches (src/predictor/coreKnowledge.ts, docs/predictor.md). */
export interface FeatureOptions {
  /** Pairwise contact geometry (overlap, gap, centre-over-sender). See docs/predictor.md. */
  contactFeatures: boolean;
  /** Object files: identity through occlusion, the cost of a missing or appearing object, the
   * size/kind term of surprise. Absent means on (checkpoints from before the switch). */
  objectFiles?: boolean;
  /** The position integrator: the head predicts the change of velocity and x += v·dt; off, the
   * head predicts the next velocity itself. Absent means on. */
  integrator?: boolean;
}

/** Only dynamic objects receive a prediction (receivers, R per frame after padding); every
 * observed object, static or not, acts on them (senders, N per frame after padding). */
export interface FeatureBatch {
  batch: number;
  /** Receivers per frame after padding. */
  r: number;
  /** Senders (all observed objects) per frame after padding. */
  n: number;
  objects: Float32Array; // [B, R, OBJECT_FEATURES] receiver features
  pairs: Float32Array; // [B, R, N, PAIR_FEATURES]
  pairMask: Float32Array; // [B, R, N]
  /** Index in the observation of each receiver, -1 for padding. */
  receiverIndex: Int32Array; // [B, R]
}

const clip = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export function buildFeatures(frames: readonly Observation[], options: FeatureOptions): FeatureBatch {
  const B = frames.length;
  let n = 1;
  let r = 1;
  let widest = 1;
  for (const f of frames) {
    widest = Math.max(widest, f.length);
    n = Math.max(n, Math.min(f.length, MAX_SENDERS + 1));
    let d = 0;
    for (const o of f) if (!o.isStatic) d++;
    r = Math.max(r, d);
  }
  const objects = new Float32Array(B * r * OBJECT_FEATURES);
  const pairs = new Float32Array(B * r * n * PAIR_FEATURES);
  const pairMask = new Float32Array(B * r * n);
  const receiverIndex = new Int32Array(B * r).fill(-1);
  const ex = new Float64Array(widest);
  const ey = new Float64Array(widest);
  const sinA = new Float64Array(widest);
  const cosA = new Float64Array(widest);
  for (let b = 0; b < B; b++) {
    const frame = frames[b]!;
    const m = frame.length;
    for (let j = 0; j < m; j++) {
      // Each angle's sine and cosine once: for the bounding box (halfExtents' formula) and the
      // receiver's own features. sin(±0) = ±0 and cos(±0) = 1 exactly, so angle 0 skips the trig.
      const o = frame[j]!;
      const a = o.angle;
      const sa = a === 0 ? a : sin(a);
      const ca = a === 0 ? 1 : cos(a);
      sinA[j] = sa;
      cosA[j] = ca;
      if (o.kind === 'ball') {
        ex[j] = o.width / 2;
        ey[j] = o.height / 2;
      } else {
        const c = Math.abs(ca);
        const sn = Math.abs(sa);
        ex[j] = (o.width / 2) * c + (o.height / 2) * sn;
        ey[j] = (o.width / 2) * sn + (o.height / 2) * c;
      }
    }
    let slot = 0;
    for (let i = 0; i < m; i++) {
      const o = frame[i]!;
      if (o.isStatic) continue;
      const rIndex = b * r + slot++;
      receiverIndex[rIndex] = i;
      const base = rIndex * OBJECT_FEATURES;
      const round = o.kind === 'ball';
      objects[base] = clip(o.vx / 2, -5, 5);
      objects[base + 1] = clip(o.vy / 2, -5, 5);
      objects[base + 2] = clip(o.angularVelocity / 5, -5, 5);
      objects[base + 3] = round ? 0 : sinA[i]!;
      objects[base + 4] = round ? 1 : cosA[i]!;
      objects[base + 5] = clip(ex[i]! * 2, 0, 5);
      objects[base + 6] = clip(ey[i]! * 2, 0, 5);
      objects[base + 7] = 0;
      objects[base + 8] = round ? 1 : 0;
      objects[base + 9] = o.kind === 'car' ? 1 : 0;
      objects[base + 10] = o.kind === 'box' ? 1 : 0;
      const senders = m - 1 <= MAX_SENDERS ? null : nearestSenders(frame, i, ex, ey);
      for (let slot = 0, j = 0; j < m; j++) {
        if (i === j || (senders && senders[j] === 0)) continue;
        const s = frame[j]!;
        const pm = rIndex * n + slot++;
        pairMask[pm] = 1;
        const pb = pm * PAIR_FEATURES;
        const dx = s.x - o.x;
        const dy = s.y - o.y;
        pairs[pb] = clip(dx / 2, -2.5, 2.5);
        pairs[pb + 1] = clip(dy / 2, -2.5, 2.5);
        pairs[pb + 2] = clip((s.vx - o.vx) / 2, -5, 5);
        pairs[pb + 3] = clip((s.vy - o.vy) / 2, -5, 5);
        pairs[pb + 4] = clip(ex[j]! * 2, 0, 5);
        pairs[pb + 5] = clip(ey[j]! * 2, 0, 5);
        pairs[pb + 6] = s.isStatic ? 1 : 0;
        pairs[pb + 7] = s.kind === 'ball' ? 1 : 0;
        pairs[pb + 8] = clip(ex[i]! * 2, 0, 5);
        pairs[pb + 9] = clip(ey[i]! * 2, 0, 5);
        pairs[pb + 10] = round ? 1 : 0;
        if (options.contactFeatures) {
          const adx = Math.abs(dx);
          const ady = Math.abs(dy);
          // Signed distances in metres ×4, clipped to the range where contact matters.
          pairs[pb + 11] = clip((ex[i]! + ex[j]! - adx) * 4, -2, 2); // horizontal overlap of the two boxes
          pairs[pb + 12] = clip((ady - ey[i]! - ey[j]!) * 4, -1, 2); // vertical gap between them
          pairs[pb + 13] = clip((ex[j]! - adx) * 4, -2, 2); // my centre lies over the other's extent
          pairs[pb + 14] = dy < 0 ? 1 : -1; // the other is below me
        }
      }
    }
  }
  return { batch: B, r, n, objects, pairs, pairMask, receiverIndex };
}

/** Which objects are among the MAX_SENDERS nearest to object i (gap between bounding boxes; ties
 * by index), as 1s in a mask over the frame. Kept in order as the frame is scanned (no sort, no
 * allocation: this runs for every receiver of a crowded frame). */
function nearestSenders(frame: Observation, i: number, ex: Float64Array, ey: Float64Array): Uint8Array {
  const o = frame[i]!;
  const m = frame.length;
  if (senderMask.length < m) senderMask = new Uint8Array(m * 2);
  senderMask.fill(0, 0, m);
  let kept = 0;
  for (let j = 0; j < m; j++) {
    if (j === i) continue;
    const s = frame[j]!;
    const gx = Math.abs(s.x - o.x) - ex[i]! - ex[j]!;
    const gy = Math.abs(s.y - o.y) - ey[i]! - ey[j]!;
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
    nearestIndex[at] = j;
  }
  for (let k = 0; k < kept; k++) senderMask[nearestIndex[k]!] = 1;
  return senderMask;
}
const nearestGap = new Float64Array(MAX_SENDERS);
const nearestIndex = new Int32Array(MAX_SENDERS);
let senderMask = new Uint8Array(64);
