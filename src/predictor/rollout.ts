// Rolls an observer's predictions forward: feed its own predicted states back for H steps.
import type { Observation, ObjectState } from './observation';
import type { StepPredictor } from './predictor';
import { OUTPUTS } from './features';
import { STEP_S } from '../sim/units';

export interface RolloutResult {
  /** Predicted states after each step: [step][frame][object]. */
  states: Observation[][];
  /** Accumulated positional variance (m²) per step, frame, object: x then y. */
  positionVariance: Float64Array[][];
}

/** Rolls every start frame forward `steps` steps in one batch per step. Static objects stay put. */
export function rollout(predictor: StepPredictor, starts: readonly Observation[], steps: number): RolloutResult {
  let current: Observation[] = starts.map((f) => f.map((o) => ({ ...o })));
  const velVar = starts.map((f) => new Float64Array(f.length * 2));
  const posVar = starts.map((f) => new Float64Array(f.length * 2));
  const states: Observation[][] = [];
  const positionVariance: Float64Array[][] = [];
  for (let s = 0; s < steps; s++) {
    const p = predictor.predict(current);
    const next: Observation[] = [];
    for (let b = 0; b < current.length; b++) {
      const frame = current[b]!;
      const out: ObjectState[] = [];
      for (let i = 0; i < frame.length; i++) {
        const o = frame[i]!;
        if (o.isStatic) { out.push(o); continue; }
        const k = (b * p.n + i) * OUTPUTS;
        const vx = o.vx + p.mean[k]!;
        const vy = o.vy + p.mean[k + 1]!;
        const w = o.angularVelocity + p.mean[k + 2]!;
        out.push({ ...o, vx, vy, angularVelocity: w, x: o.x + vx * STEP_S, y: o.y + vy * STEP_S, angle: o.angle + w * STEP_S });
        const vv = velVar[b]!;
        const pv = posVar[b]!;
        vv[i * 2] = vv[i * 2]! + p.variance[k]!;
        vv[i * 2 + 1] = vv[i * 2 + 1]! + p.variance[k + 1]!;
        pv[i * 2] = pv[i * 2]! + vv[i * 2]! * STEP_S * STEP_S;
        pv[i * 2 + 1] = pv[i * 2 + 1]! + vv[i * 2 + 1]! * STEP_S * STEP_S;
      }
      next.push(out);
    }
    current = next;
    states.push(next);
    positionVariance.push(posVar.map((v) => Float64Array.from(v)));
  }
  return { states, positionVariance };
}
