// The gravity-only baseline: expects every moving object to fall freely, contact or not.
import type { Observation } from './observation';
import { uniformPrediction, type StepPrediction, type StepPredictor } from './predictor';
import { DV_SCALE } from './features';

/** Knows gravity, not support: every moving object gains one step of free fall (Δvy = −g·dt with
 * g = 9.81 m/s², Δvx = 0, no change of spin), whatever it rests on or hits. Its spread is that of
 * constant velocity, one step of free fall (g·dt) per axis, chosen on the same principle: the size of
 * the one effect it leaves out. Constant velocity leaves out gravity; this observer leaves out the
 * support that cancels it, which for a resting object is exactly one step of gravity. So its surprise
 * is its squared error in units of g·dt, like constant velocity's, and the two bracket support:
 * one never expects a fall, the other always does (docs/surprise.md). */
export class GravityOnlyPredictor implements StepPredictor {
  readonly name = 'gravity-only';
  readonly kind = 'gravity-only' as const;
  readonly experienceFrames = 0;
  predict(frames: readonly Observation[]): StepPrediction {
    return uniformPrediction(frames, -DV_SCALE);
  }
}
