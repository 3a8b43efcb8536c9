// Finished rollouts remembered by their start: two starts that are the same to the bit (an object at
// rest frame after frame, the frames a matched pair shares before the onset) roll out to the same
// states, so each is rolled out once and the copy is only scored.
import type { Observation } from './observation';
import type { StepPredictor } from './predictor';
import type { RolloutState } from './rollout';

/** Rollouts of one observer over one horizon, keyed by their start (startKey). Hand the same memo
 * to computeSurprise for trials whose starts may coincide, e.g. both trials of a matched pair. */
export class RolloutMemo {
  private readonly done = new Map<string, RolloutState>();

  constructor(readonly predictor: StepPredictor, readonly horizon: number) {}

  get(key: string): RolloutState | undefined {
    return this.done.get(key);
  }

  /** The finished rollout is shared by every start with this key: it must not be changed. */
  set(key: string, finished: RolloutState): void {
    this.done.set(key, finished);
  }

  /** Refuses a memo made for another observer or horizon (its rollouts would be wrong here). */
  check(predictor: StepPredictor, horizon: number): void {
    if (predictor !== this.predictor || horizon !== this.horizon) {
      throw new Error(`RolloutMemo: made for ${this.predictor.name} over ${this.horizon} steps, used for ${predictor.name} over ${horizon}`);
    }
  }
}

let numbers = new Float64Array(256);

/** Everything a rollout depends on, exactly: each object's id, kind and whether it is static, its
 * state's numbers bit for bit (−0 is not 0), and the belief's accumulated variances (zero for an
 * observation: starting from it is starting from a belief that carries nothing hidden). */
export function startKey(start: Observation | RolloutState): string {
  const state = Array.isArray(start) ? start : (start as RolloutState).state;
  const belief = Array.isArray(start) ? null : (start as RolloutState);
  const count = state.length * 12;
  if (numbers.length < count) numbers = new Float64Array(count * 2);
  let labels = '';
  let k = 0;
  state.forEach((o, i) => {
    labels += `${o.id}\u0000${o.kind}\u0000${o.isStatic ? 1 : 0}\u0000`;
    numbers[k++] = o.x; numbers[k++] = o.y; numbers[k++] = o.vx; numbers[k++] = o.vy;
    numbers[k++] = o.angle; numbers[k++] = o.angularVelocity; numbers[k++] = o.width; numbers[k++] = o.height;
    for (let c = 0; c < 2; c++) numbers[k++] = belief ? belief.velocityVariance[i * 2 + c]! : 0;
    for (let c = 0; c < 2; c++) numbers[k++] = belief ? belief.positionVariance[i * 2 + c]! : 0;
  });
  // The numbers' bits as UTF-16 code units, a few thousand at a time (apply's argument limit).
  const units = new Uint16Array(numbers.buffer, 0, k * 4);
  let bits = '';
  for (let from = 0; from < units.length; from += 4096) {
    bits += String.fromCharCode.apply(null, units.subarray(from, from + 4096) as unknown as number[]);
  }
  return `${labels}\u0001${bits}`;
}

/** Whether two starts are the same, field by field (Object.is: −0 is not 0), as startKey tells
 * them apart, without building the keys: the test for a start that repeats the one before. */
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
