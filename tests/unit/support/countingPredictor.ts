// Test helpers for the strided surprise tests: a learner that counts the frames it predicts, and bitwise equality of traces.
import type { StepPredictor } from '../../../src/predictor/predictor';

/** Two traces equal to the bit (Object.is: −0 and NaN count). */
export const sameBits = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, t) => Object.is(v, b[t]));

/** The learner, counting the frames it is asked to predict (no rollForward: the plain path). */
export function counting(inner: StepPredictor): StepPredictor & { rows: number } {
  const c = { name: inner.name, kind: inner.kind, experienceFrames: inner.experienceFrames, features: inner.features, rows: 0,
    predict(frames: Parameters<StepPredictor['predict']>[0]) { c.rows += frames.length; return inner.predict(frames); } };
  return c;
}
