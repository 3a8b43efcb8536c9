// Object files: what the observer believes is in the world at a frame, the hidden part included.
// Seen objects are taken as observed; an object seen before and not seen now is carried forward by
// the observer's own one-step prediction while it is expected to be hidden (docs/surprise.md).
import type { Observation } from './observation';
import type { StepPredictor } from './predictor';
import { advanceRollouts, cloneRollout, startRollout, type RolloutState } from './rollout';
import { probabilityHidden, type ViewFrame } from './view';
import { KEEP_HIDDEN_PROBABILITY, POSITION_NOISE_M } from './constants';

const FLOOR = POSITION_NOISE_M * POSITION_NOISE_M;

/** The belief at a frame: the observation, plus every object of `predicted` (the previous belief
 * rolled one step forward) that is not observed now and may well be hidden (behind a screen or out
 * of the window with probability ≥ KEEP_HIDDEN_PROBABILITY under the prediction). An object expected
 * in plain view and not seen is dropped: its absence is scored by the rollouts that still carry it
 * (rolloutSurprise). A fresh RolloutState the caller may advance in place. */
export function nextBelief(predicted: RolloutState | null, obs: Observation, view: ViewFrame | undefined): RolloutState {
  const belief = beliefAt(predicted, obs, view);
  return Array.isArray(belief) ? startRollout(belief) : belief as RolloutState;
}

/** nextBelief, except that a belief that carries nothing hidden is the observation itself, not a
 * copy (a start the rollouts and the memo read as the same belief with zero variances). */
function beliefAt(predicted: RolloutState | null, obs: Observation, view: ViewFrame | undefined): Observation | RolloutState {
  if (!predicted || !view) return obs;
  const seen = new Set(obs.map((o) => o.id));
  const carried: number[] = [];
  predicted.state.forEach((o, i) => {
    if (seen.has(o.id)) return;
    const hidden = probabilityHidden(view, o.x, o.y, predicted.positionVariance[i * 2]! + FLOOR, predicted.positionVariance[i * 2 + 1]! + FLOOR);
    if (hidden >= KEEP_HIDDEN_PROBABILITY && insideWorld(view, o.x, o.y)) carried.push(i);
  });
  if (carried.length === 0) return obs;
  const belief = startRollout(obs);
  const n = obs.length + carried.length;
  const vv = new Float64Array(n * 2);
  const pv = new Float64Array(n * 2);
  carried.forEach((i, k) => {
    const j = obs.length + k;
    belief.state.push({ ...predicted.state[i]! });
    vv[j * 2] = predicted.velocityVariance[i * 2]!;
    vv[j * 2 + 1] = predicted.velocityVariance[i * 2 + 1]!;
    pv[j * 2] = predicted.positionVariance[i * 2]!;
    pv[j * 2 + 1] = predicted.positionVariance[i * 2 + 1]!;
  });
  return { state: belief.state, velocityVariance: vv, positionVariance: pv };
}

/** Objects expected far outside the window are forgotten (they left; nothing more will be seen of them). */
const MARGIN_M = 2;
const insideWorld = (view: ViewFrame, x: number, y: number): boolean =>
  x >= -MARGIN_M && x <= view.width + MARGIN_M && y >= -MARGIN_M;

/** Beliefs at every frame of a trial. Without views, or while every object stays in sight, a belief
 * is exactly the observation (the frame itself, not a copy); otherwise one extra one-step prediction
 * per frame carries the hidden. */
export function trackBeliefs(predictor: StepPredictor, frames: readonly Observation[], views?: readonly ViewFrame[]): (Observation | RolloutState)[] {
  const out: (Observation | RolloutState)[] = [];
  let prev: Observation | RolloutState | null = null;
  frames.forEach((obs, t) => {
    let predicted: RolloutState | null = null;
    if (prev && views) {
      const believed = Array.isArray(prev) ? prev : (prev as RolloutState).state;
      if (!everySeen(believed, obs)) {
        predicted = Array.isArray(prev) ? startRollout(prev) : cloneRollout(prev as RolloutState);
        advanceRollouts(predictor, [predicted]);
      }
    }
    prev = beliefAt(predicted, obs, views?.[t]);
    out.push(prev);
  });
  return out;
}

/** Whether every object of `believed` is observed in `obs` (by id; a few objects, so a scan). */
function everySeen(believed: Observation, obs: Observation): boolean {
  for (const b of believed) {
    let found = false;
    for (const o of obs) if (o.id === b.id) { found = true; break; }
    if (!found) return false;
  }
  return true;
}
