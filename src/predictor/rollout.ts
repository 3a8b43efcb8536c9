// Rolls an observer's predictions forward: feed its own predicted states back, step by step.
import type { Observation, ObjectState } from './observation';
import type { StepPredictor } from './predictor';
import { OUTPUTS } from './features';
import { STEP_S } from '../sim/units';
import { POSITION_NOISE_M } from './constants';

/** One rollout in flight: the predicted state and its accumulated uncertainty. */
export interface RolloutState {
  state: Observation;
  /** Per object: accumulated velocity variance (x, y), m²/s². */
  velocityVariance: Float64Array;
  /** Per object: accumulated position variance (x, y), m². */
  positionVariance: Float64Array;
}

export const startRollout = (obs: Observation): RolloutState => ({
  state: obs.map((o) => ({ ...o })),
  velocityVariance: new Float64Array(obs.length * 2),
  positionVariance: new Float64Array(obs.length * 2),
});

/** Advances every rollout by one 1/60 s step with one batched prediction. Static objects stay put. */
export function advanceRollouts(predictor: StepPredictor, rollouts: RolloutState[]): void {
  if (rollouts.length === 0) return;
  const p = predictor.predict(rollouts.map((r) => r.state));
  rollouts.forEach((r, b) => {
    const next: ObjectState[] = [];
    r.state.forEach((o, i) => {
      if (o.isStatic) { next.push(o); return; }
      const k = (b * p.n + i) * OUTPUTS;
      const vx = o.vx + p.mean[k]!;
      const vy = o.vy + p.mean[k + 1]!;
      const w = o.angularVelocity + p.mean[k + 2]!;
      next.push({ ...o, vx, vy, angularVelocity: w, x: o.x + vx * STEP_S, y: o.y + vy * STEP_S, angle: o.angle + w * STEP_S });
      const vv = r.velocityVariance;
      const pv = r.positionVariance;
      vv[i * 2] = vv[i * 2]! + p.variance[k]!;
      vv[i * 2 + 1] = vv[i * 2 + 1]! + p.variance[k + 1]!;
      pv[i * 2] = pv[i * 2]! + vv[i * 2]! * STEP_S * STEP_S;
      pv[i * 2 + 1] = pv[i * 2 + 1]! + vv[i * 2 + 1]! * STEP_S * STEP_S;
    });
    r.state = next;
  });
}

/** Surprise of a finished rollout against the observation: per moving object ½·z² (see docs/surprise.md). */
export function rolloutSurprise(r: RolloutState, observed: Observation): Map<string, number> {
  const floor = POSITION_NOISE_M * POSITION_NOISE_M;
  const byId = new Map<string, ObjectState>();
  for (const o of observed) if (!o.isStatic) byId.set(o.id, o);
  const out = new Map<string, number>();
  r.state.forEach((pred, i) => {
    if (pred.isStatic) return;
    const obs = byId.get(pred.id);
    if (!obs) return;
    const vx = r.positionVariance[i * 2]! + floor;
    const vy = r.positionVariance[i * 2 + 1]! + floor;
    out.set(pred.id, 0.5 * ((obs.x - pred.x) ** 2 / vx + (obs.y - pred.y) ** 2 / vy));
  });
  return out;
}

/** Rolls every start frame forward `steps` steps (one batched prediction per step). */
export function rollout(predictor: StepPredictor, starts: readonly Observation[], steps: number): RolloutState[] {
  const rollouts = starts.map(startRollout);
  for (let s = 0; s < steps; s++) advanceRollouts(predictor, rollouts);
  return rollouts;
}
