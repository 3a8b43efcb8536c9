// Finished rollouts remembered by their start: two starts that are the same to the bit (an object at
// rest frame after frame, the frames a matched pair shares before the onset) roll out to the same
// states, so each is rolled out once and the copy is only scored.
import type { Observation } from './observation';
import type { StepPredictor } from './predictor';
import type { RolloutState } from './rollout';
import type { EarlierPrediction } from './fastRollout';

/** A start and its rollout, once computed (computeSurprise fills it in after the batch it joins). */
export interface MemoEntry {
  readonly start: Observation | RolloutState;
  rollout?: RolloutState;
  /** With a start stride k (computeSurprise): the rollout 1, …, k − 1 steps further on. */
  onward?: RolloutState[];
}

/** Rollouts of one observer over one horizon, found by their start (the same to the bit: sameStart).
 * Hand the same memo to computeSurprise for trials whose starts may coincide, e.g. both trials of a
 * matched pair. */
export class RolloutMemo {
  /** Entries by startHash; a bucket's starts are told apart by sameStart. */
  private readonly buckets = new Map<number, MemoEntry[]>();

  /** The one-step prediction of the last trial scored with this memo: the next trial's frames the
   * same as its first ones take their rows from it (StepPredictor.predictReusing). */
  oneStep: EarlierPrediction | undefined;

  constructor(readonly predictor: StepPredictor, readonly horizon: number) {}

  /** The entry of a start the same as this one, if any. */
  find(start: Observation | RolloutState): MemoEntry | undefined {
    const bucket = this.buckets.get(startHash(start));
    if (bucket) for (const e of bucket) if (sameStart(e.start, start)) return e;
    return undefined;
  }

  /** The entry of a start the same as this one, or a new one for it, remembered (find, then add,
   * hashing the start once). */
  findOrAdd(start: Observation | RolloutState): MemoEntry {
    const h = startHash(start);
    const bucket = this.buckets.get(h);
    if (bucket) for (const e of bucket) if (sameStart(e.start, start)) return e;
    const entry: MemoEntry = { start };
    if (bucket) bucket.push(entry);
    else this.buckets.set(h, [entry]);
    return entry;
  }

  /** Remembers the entry (its rollout, once set, is shared by every start the same as its own: it must not be changed). */
  add(entry: MemoEntry): void {
    const h = startHash(entry.start);
    const bucket = this.buckets.get(h);
    if (bucket) bucket.push(entry);
    else this.buckets.set(h, [entry]);
  }

  /** Refuses a memo made for another observer or horizon (its rollouts would be wrong here). */
  check(predictor: StepPredictor, horizon: number): void {
    if (predictor !== this.predictor || horizon !== this.horizon) {
      throw new Error(`RolloutMemo: made for ${this.predictor.name} over ${this.horizon} steps, used for ${predictor.name} over ${horizon}`);
    }
  }
}

const hashBits = new Float64Array(1);
const hashWords = new Int32Array(hashBits.buffer);
let hash = 0;
/** FNV-1a over a number's two 32-bit words. */
function mix(v: number): void {
  hashBits[0] = v;
  hash = Math.imul(hash ^ hashWords[0]!, 0x01000193);
  hash = Math.imul(hash ^ hashWords[1]!, 0x01000193);
}

/** A 32-bit hash of a start's numbers, bit for bit (its state's, and the belief's variances, zero
 * for an observation: the same start as a belief that carries nothing hidden). Equal starts hash
 * alike; ids and kinds are left to sameStart. */
export function startHash(start: Observation | RolloutState): number {
  const state = Array.isArray(start) ? start : (start as RolloutState).state;
  const belief = Array.isArray(start) ? null : (start as RolloutState);
  hash = 0x811c9dc5 ^ state.length;
  for (let i = 0; i < state.length; i++) {
    const o = state[i]!;
    mix(o.x); mix(o.y); mix(o.vx); mix(o.vy); mix(o.angle); mix(o.angularVelocity); mix(o.width); mix(o.height);
    for (let c = 0; c < 2; c++) {
      mix(belief ? belief.velocityVariance[i * 2 + c]! : 0);
      mix(belief ? belief.positionVariance[i * 2 + c]! : 0);
    }
  }
  return hash;
}

/** Whether two starts are the same, field by field (Object.is: −0 is not 0): ids, kinds, whether
 * static, every number of the state and the belief's variances (zero for an observation). */
export function sameStart(a: Observation | RolloutState, b: Observation | RolloutState): boolean {
  const sa = Array.isArray(a) ? a : (a as RolloutState).state;
  const sb = Array.isArray(b) ? b : (b as RolloutState).state;
  if (sa.length !== sb.length) return false;
  for (let i = 0; i < sa.length; i++) {
    const p = sa[i]!;
    const q = sb[i]!;
    if (!Object.is(p.x, q.x) || !Object.is(p.y, q.y) || !Object.is(p.vx, q.vx) || !Object.is(p.vy, q.vy)
      || !Object.is(p.angle, q.angle) || !Object.is(p.angularVelocity, q.angularVelocity)
      || !Object.is(p.width, q.width) || !Object.is(p.height, q.height)
      || p.id !== q.id || p.kind !== q.kind || p.isStatic !== q.isStatic) return false;
  }
  const va = Array.isArray(a) ? null : (a as RolloutState);
  const vb = Array.isArray(b) ? null : (b as RolloutState);
  for (let k = 0; k < sa.length * 2; k++) {
    if (!Object.is(va ? va.velocityVariance[k]! : 0, vb ? vb.velocityVariance[k]! : 0)) return false;
    if (!Object.is(va ? va.positionVariance[k]! : 0, vb ? vb.positionVariance[k]! : 0)) return false;
  }
  return true;
}
