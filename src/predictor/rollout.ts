// Rolls an observer's predictions forward: feed its own predicted states back, step by step.
import { movingById, type Observation, type ObjectState } from './observation';
import type { StepPrediction, StepPredictor } from './predictor';
import { OUTPUTS } from './features';
import { STEP_S } from '../sim/units';
import { log } from '../sim/portableMath';
import { MISSING_SURPRISE, POSITION_NOISE_M } from './constants';
import { probabilityHidden, type ViewFrame } from './view';
import type { FirstStep } from './fastRollout';

/** One rollout in flight: the predicted state and its accumulated uncertainty. */
export interface RolloutState {
  state: Observation;
  /** Per object: accumulated velocity variance (x, y), m²/s². */
  velocityVariance: Float64Array;
  /** Per object: accumulated position variance (x, y), m². */
  positionVariance: Float64Array;
}

/** A copy of an object state, built with the same literal as applyPrediction's states, so the
 * predictor's reads of rollout states meet one hidden class, not two. */
const copyState = (o: ObjectState): ObjectState => ({
  id: o.id, kind: o.kind, x: o.x, y: o.y, vx: o.vx, vy: o.vy, angle: o.angle,
  angularVelocity: o.angularVelocity, width: o.width, height: o.height, isStatic: o.isStatic,
});

export const startRollout = (obs: Observation): RolloutState => ({
  state: obs.map(copyState),
  velocityVariance: new Float64Array(obs.length * 2),
  positionVariance: new Float64Array(obs.length * 2),
});

export const cloneRollout = (r: RolloutState): RolloutState => ({
  state: r.state.map(copyState),
  velocityVariance: Float64Array.from(r.velocityVariance),
  positionVariance: Float64Array.from(r.positionVariance),
});

/** Advances every rollout by one 1/60 s step with one batched prediction. Static objects stay put. */
export function advanceRollouts(predictor: StepPredictor, rollouts: RolloutState[]): void {
  if (rollouts.length === 0) return;
  const p = predictor.predict(rollouts.map((r) => r.state));
  for (let b = 0; b < rollouts.length; b++) applyPrediction(rollouts[b]!, p, b);
}

/** Advances one rollout by one step with row `b` of a prediction made on its state (on its own or
 * in any batch: a frame's prediction does not depend on the others in the batch). */
export function applyPrediction(r: RolloutState, p: StepPrediction, b: number): void {
  // Plain loops and a fixed object shape: this runs 20 times per frame for every observer.
  const vv = r.velocityVariance;
  const pv = r.positionVariance;
  const next: ObjectState[] = new Array<ObjectState>(r.state.length);
  for (let i = 0; i < r.state.length; i++) {
    const o = r.state[i]!;
    if (o.isStatic) { next[i] = o; continue; }
    const k = (b * p.n + i) * OUTPUTS;
    const vx = o.vx + p.mean[k]!;
    const vy = o.vy + p.mean[k + 1]!;
    const w = o.angularVelocity + p.mean[k + 2]!;
    next[i] = {
      id: o.id, kind: o.kind, x: o.x + vx * STEP_S, y: o.y + vy * STEP_S, vx, vy, angle: o.angle + w * STEP_S,
      angularVelocity: w, width: o.width, height: o.height, isStatic: o.isStatic,
    };
    vv[i * 2] = vv[i * 2]! + p.variance[k]!;
    vv[i * 2 + 1] = vv[i * 2 + 1]! + p.variance[k + 1]!;
    pv[i * 2] = pv[i * 2]! + vv[i * 2]! * STEP_S * STEP_S;
    pv[i * 2 + 1] = pv[i * 2 + 1]! + vv[i * 2 + 1]! * STEP_S * STEP_S;
  }
  r.state = next;
}

/** Surprise of a finished rollout against the observation: per moving object ½·z² (see docs/surprise.md).
 * Given the view, an object the rollout carries that is not observed costs −ln P(hidden), the chance
 * under the rollout's own Gaussian that its centre is behind a screen or out of the window, capped at
 * MISSING_SURPRISE. Without a view, unobserved objects are skipped. `arrived` holds the appearance
 * costs of the objects observed now (ArrivalTracker): an observed object the rollout does not carry
 * costs its appearance; without it, such objects are skipped. */
export function rolloutSurprise(r: RolloutState, observed: Observation, view?: ViewFrame, arrived?: ReadonlyMap<string, number>): Map<string, number> {
  const floor = POSITION_NOISE_M * POSITION_NOISE_M;
  const out = new Map<string, number>();
  r.state.forEach((pred, i) => {
    if (pred.isStatic) return;
    const obs = movingById(observed, i, pred.id);
    if (!obs) {
      if (!view) return;
      const hidden = probabilityHidden(view, pred.x, pred.y, r.positionVariance[i * 2]! + floor, r.positionVariance[i * 2 + 1]! + floor);
      const s = Math.min(MISSING_SURPRISE, -log(hidden));
      if (s > 0) out.set(pred.id, s);
      return;
    }
    out.set(pred.id, positionSurprise(r, i, obs) + shapeSurprise(pred, obs));
  });
  if (arrived && arrived.size > 0) {
    const carried = new Set(r.state.map((o) => o.id));
    for (const [id, s] of arrived) if (!carried.has(id)) out.set(id, s);
  }
  return out;
}

/** ½·z² of the observed position against the rollout's object `i`, its accumulated variance plus
 * the observation noise floor on each axis. */
export function positionSurprise(r: RolloutState, i: number, obs: ObjectState): number {
  const floor = POSITION_NOISE_M * POSITION_NOISE_M;
  const pred = r.state[i]!;
  const vx = r.positionVariance[i * 2]! + floor;
  const vy = r.positionVariance[i * 2 + 1]! + floor;
  return 0.5 * ((obs.x - pred.x) ** 2 / vx + (obs.y - pred.y) ** 2 / vy);
}

/** Rolls every start forward `steps` steps (one batched prediction per step). A start is an
 * observation, or a belief (an observation plus hidden objects carried with their uncertainty).
 * The plain way, step by step through predict: the reference rollStarts is held to. */
export function rollout(predictor: StepPredictor, starts: readonly (Observation | RolloutState)[], steps: number): RolloutState[] {
  return stepRollouts(predictor, starts, steps);
}

/** Rolls every start forward `steps` steps as `rollout` does; with `first`, the first step is row
 * first.rows[k] of a prediction already made on start k as observed. A predictor with its own
 * rollForward (a learner: typed arrays, fastRollout.ts) rolls them itself, to the same bits. */
export function rollStarts(predictor: StepPredictor, starts: readonly (Observation | RolloutState)[], steps: number, first?: FirstStep): RolloutState[] {
  return predictor.rollForward ? predictor.rollForward(starts, steps, first) : stepRollouts(predictor, starts, steps, first);
}

/** rollStarts the plain way: RolloutStates stepped with predict and applyPrediction. */
export function stepRollouts(predictor: StepPredictor, starts: readonly (Observation | RolloutState)[], steps: number, first?: FirstStep): RolloutState[] {
  const running = starts.map((s) => (Array.isArray(s) ? startRollout(s) : cloneRollout(s)));
  let left = steps;
  if (first && left > 0) {
    running.forEach((r, k) => applyPrediction(r, first.prediction, first.rows[k]!));
    left--;
  }
  for (let s = 0; s < left; s++) advanceRollouts(predictor, running);
  return running;
}

/** The observer's state carries each object's kind and size unchanged (the network predicts motion
 * only), so a change of size is a miss at the noise floor, ½·(Δw² + Δh²)/(1 cm)², and a change of
 * kind costs MISSING_SURPRISE on top. Zero whenever kind and size stay the same. */
export function shapeSurprise(expected: ObjectState, observed: ObjectState): number {
  const floor = POSITION_NOISE_M * POSITION_NOISE_M;
  const dw = observed.width - expected.width;
  const dh = observed.height - expected.height;
  const size = dw === 0 && dh === 0 ? 0 : 0.5 * (dw * dw + dh * dh) / floor;
  return size + (observed.kind === expected.kind ? 0 : MISSING_SURPRISE);
}
