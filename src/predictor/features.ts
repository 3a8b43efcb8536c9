// Turns observed frames into the learner's inputs: per-object and per-pair features, padded.
import type { Observation } from './observation';
import { STEP_S } from '../sim/units';
import { BodyTable, MAX_SENDERS, nearestSenders, writePairRow, writeReceiverRow } from './featureRows';

/** Scale of velocity changes the learner predicts: one step of free fall at 9.81 m/s². */
export const DV_SCALE = 9.81 * STEP_S;
/** Scale of spin changes (rad/s per step). */
export const DW_SCALE = 1;

export const OBJECT_FEATURES = 11;
export const PAIR_FEATURES = 15;
export const OUTPUTS = 3;

/** Each receiver hears at most MAX_SENDERS senders, the nearest ones (featureRows.ts). */
export { MAX_SENDERS };

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

/** Scratch for one frame's bodies at a time. */
const table = new BodyTable();

/** A batch's padding: receivers per frame r (its most moving objects), pair slots per receiver n
 * (its most objects, at most MAX_SENDERS + 1), its widest frame, and its most static objects. */
export function batchPadding(frames: readonly Observation[]): { r: number; n: number; widest: number; statics: number } {
  let r = 1, n = 1, widest = 1, statics = 1;
  for (const f of frames) {
    widest = Math.max(widest, f.length);
    n = Math.max(n, Math.min(f.length, MAX_SENDERS + 1));
    let d = 0;
    for (const o of f) if (!o.isStatic) d++;
    r = Math.max(r, d);
    statics = Math.max(statics, f.length - d);
  }
  return { r, n, widest, statics };
}

export function buildFeatures(frames: readonly Observation[], options: FeatureOptions): FeatureBatch {
  const B = frames.length;
  const { r, n, widest } = batchPadding(frames);
  const objects = new Float32Array(B * r * OBJECT_FEATURES);
  const pairs = new Float32Array(B * r * n * PAIR_FEATURES);
  const pairMask = new Float32Array(B * r * n);
  const receiverIndex = new Int32Array(B * r).fill(-1);
  table.reserve(widest);
  const contact = options.contactFeatures;
  for (let b = 0; b < B; b++) {
    const frame = frames[b]!;
    const m = frame.length;
    for (let j = 0; j < m; j++) {
      table.load(j, frame[j]!);
      table.setGeometry(j);
    }
    let slot = 0;
    for (let i = 0; i < m; i++) {
      if (table.isStatic[i]) continue;
      const rIndex = b * r + slot++;
      receiverIndex[rIndex] = i;
      writeReceiverRow(table, i, objects, rIndex * OBJECT_FEATURES);
      const senders = m - 1 <= MAX_SENDERS ? null : nearestSenders(table, 0, m, i);
      for (let slot = 0, j = 0; j < m; j++) {
        if (i === j || (senders && senders[j] === 0)) continue;
        const pm = rIndex * n + slot++;
        pairMask[pm] = 1;
        writePairRow(table, i, j, contact, pairs, pm * PAIR_FEATURES);
      }
    }
  }
  return { batch: B, r, n, objects, pairs, pairMask, receiverIndex };
}
