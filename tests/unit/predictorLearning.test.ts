// The learner learns: after a short training run it predicts held-out normal physics better than
// the constant-velocity baseline, and training is reproducible from its seed.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { train, collectExperience, type CheckpointEvent } from '../../src/predictor/training';
import { serializeCheckpoint } from '../../src/predictor/checkpoint';
import { ConstantVelocityPredictor, LearnedPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { DEFAULT_DIET, type Transition } from '../../src/predictor/experience';
import { createRng } from '../../src/sim/rng';

beforeAll(async () => {
  await useWasmBackend();
});

const meta = { name: 't', experience_minutes: 0, seed: 0, diet: DEFAULT_DIET, features: { contactFeatures: true }, validation_loss: 0, train_loss: null, gradient_steps: 0, training_seconds: 0, code_version: 't', command: 't' };

/** Trains and returns the serialized weights of the final checkpoint (and runs `use` on it first). */
async function trainBytes(frames: number, seed: number, use?: (e: CheckpointEvent) => void): Promise<Uint8Array> {
  let bytes: Uint8Array = new Uint8Array();
  await train({ frames, checkpoints: [frames], seed, chunkFrames: 512, validationFrames: 128 }, (e) => {
    use?.(e);
    bytes = serializeCheckpoint(e.network, e.settings.features, { ...meta, experience_frames: frames }).weights;
  });
  return bytes;
}

/** Mean absolute error of the predicted velocity change of every moving object (m/s). Absolute,
 * not squared: a few collisions' huge, unpredictable velocity changes would swamp a squared error. */
function meanAbsoluteError(p: StepPredictor, data: readonly Transition[]): number {
  const out = p.predict(data.map((t) => t.obs));
  let sum = 0, count = 0;
  data.forEach((t, b) => t.obs.forEach((o, i) => {
    if (o.isStatic || Number.isNaN(t.dv[i * 3]!)) return;
    for (let c = 0; c < 2; c++) {
      sum += Math.abs(out.mean[(b * out.n + i) * 3 + c]! - t.dv[i * 3 + c]!);
      count++;
    }
  }));
  return sum / count;
}

describe('learning', () => {
  it('beats constant velocity on held-out episodes after a small training budget', async () => {
    const heldOut = collectExperience(createRng(987654), DEFAULT_DIET, 1500);
    const baseline = meanAbsoluteError(new ConstantVelocityPredictor(), heldOut);
    let learned = Infinity;
    await trainBytes(4096, 5, (e) => {
      learned = meanAbsoluteError(new LearnedPredictor('small', e.network, e.settings.features, 4096), heldOut);
    });
    expect(learned).toBeLessThan(baseline * 0.6);
  }, 300_000);

  it('is reproducible: the same seed gives identical weights, another seed different ones', async () => {
    const a = await trainBytes(512, 21);
    const b = await trainBytes(512, 21);
    const c = await trainBytes(512, 22);
    expect(a.length).toBeGreaterThan(0);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(false);
  }, 300_000);
});
