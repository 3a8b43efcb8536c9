// A probe forward pass for a freshly read checkpoint: a few ordinary scenes (a box at rest, a ball
// falling, a car rolling into a box) whose predictions must be finite and of a plausible size.
import type { InteractionNetwork } from './network';
import { buildFeatures, type FeatureOptions } from './features';
import type { ObjectState, Observation } from './observation';

/** Largest |weight| a checkpoint may hold. The shipped ones stay below 2 (learner-100k: 1.66);
 * beyond this a single weight can turn surprise into numbers like 1e58. */
export const MAX_ABS_WEIGHT = 1e4;
/** Largest |predicted velocity change| on the probe, in the network's scaled units (g·Δt for
 * velocities, rad/s for spin): a thousand g in one step is no prediction of ordinary physics. */
export const MAX_PROBE_OUTPUT = 1e3;

const body = (id: string, kind: ObjectState['kind'], x: number, y: number, width: number, height: number, vx = 0, vy = 0): ObjectState =>
  ({ id, kind, x, y, vx, vy, angle: 0, angularVelocity: 0, width, height, isStatic: kind === 'ground' || kind === 'platform' || kind === 'wall' });

const ground = body('ground', 'ground', 4, 0.15, 8, 0.3);

/** Ordinary moments the learner has seen in training, one observation each. */
export const PROBE_FRAMES: readonly Observation[] = [
  [ground, body('box', 'box', 3, 0.5, 0.4, 0.4)],
  [ground, body('ball', 'ball', 4, 2, 0.3, 0.3, 0, -3)],
  [ground, body('table', 'platform', 2, 0.7, 1.5, 0.8), body('car', 'car', 1.8, 1.25, 0.5, 0.3, 1.5, 0), body('box', 'box', 2.5, 1.3, 0.4, 0.4)],
];

/** What is wrong with the network's predictions on the probe, or null when they are fine. */
export function probeProblem(network: InteractionNetwork, features: FeatureOptions): string | null {
  const out = network.predict(buildFeatures(PROBE_FRAMES, features));
  for (let i = 0; i < out.mean.length; i++) {
    const m = out.mean[i]!;
    const v = out.variance[i]!;
    if (!Number.isFinite(m) || !Number.isFinite(v)) return `predicts a non-finite value (${Number.isFinite(m) ? v : m}) for an ordinary scene: the weights are not a trained predictor's`;
    if (Math.abs(m) > MAX_PROBE_OUTPUT) return `predicts a velocity change of ${m.toPrecision(3)} (scaled units; at most ±${MAX_PROBE_OUTPUT} is plausible) for an ordinary scene: the weights are not a trained predictor's`;
  }
  return null;
}
