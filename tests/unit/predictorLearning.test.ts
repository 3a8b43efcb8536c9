// The learner learns: after a short training run it predicts held-out normal physics better than
// the constant-velocity baseline, and training is reproducible from its seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { train, collectExperience, type CheckpointEvent } from '../../src/predictor/training';
import { serializeCheckpoint, weightsHash } from '../../src/predictor/checkpoint';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lab } from './support/lab';
import { ConstantVelocityPredictor, LearnedPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { DEFAULT_DIET, type Transition } from '../../src/predictor/experience';
import { createRng } from '../../src/sim/rng';

beforeAll(async () => {
  await useWasmBackend();
});

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-learning-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

/** Mean negative log-likelihood (nats) of the observed velocity change of every moving object under
 * the observer's own Gaussian prediction: the proper score for a probabilistic predictor. A squared
 * or absolute error of the mean alone would crown constant velocity, which is exactly right for
 * the many objects at rest and says nothing about how sure it is. */
function meanNll(p: StepPredictor, data: readonly Transition[]): number {
  const out = p.predict(data.map((t) => t.obs));
  let sum = 0, count = 0;
  data.forEach((t, b) => t.obs.forEach((o, i) => {
    if (o.isStatic || Number.isNaN(t.dv[i * 3]!)) return;
    for (let c = 0; c < 2; c++) {
      const k = (b * out.n + i) * 3 + c;
      const v = out.variance[k]!;
      sum += 0.5 * ((t.dv[i * 3 + c]! - out.mean[k]!) ** 2 / v + Math.log(2 * Math.PI * v));
      count++;
    }
  }));
  return sum / count;
}

/** For objects observed in free fall (their velocity changed by one step of gravity), the mean
 * predicted downward velocity change as a fraction of g: the strength of gravity it has learned. */
function learnedGravity(p: StepPredictor, data: readonly Transition[]): number {
  const out = p.predict(data.map((t) => t.obs));
  let sum = 0, count = 0;
  const g = 9.81 / 60;
  data.forEach((t, b) => t.obs.forEach((o, i) => {
    const dvy = t.dv[i * 3 + 1]!;
    if (o.isStatic || Number.isNaN(dvy) || Math.abs(dvy + g) > 0.01) return;
    count++;
    sum += -out.mean[(b * out.n + i) * 3 + 1]! / g;
  }));
  return count === 0 ? NaN : sum / count;
}

describe('learning', () => {
  it('beats constant velocity on held-out episodes after a small training budget', async () => {
    const heldOut = collectExperience(createRng(987654), DEFAULT_DIET, 1500);
    const baseline = new ConstantVelocityPredictor();
    let learned: LearnedPredictor | null = null;
    let nll = Infinity;
    let gravity = 0;
    await trainBytes(8192, 5, (e) => {
      learned = new LearnedPredictor('small', e.network, e.settings.features, 8192);
      nll = meanNll(learned, heldOut);
      gravity = learnedGravity(learned, heldOut);
    });
    expect(learned).not.toBeNull();
    // Likelihood of what happened next: better by more than one nat per object and axis.
    expect(nll).toBeLessThan(meanNll(baseline, heldOut) - 1);
    // Falling things: it has learned that they speed up downwards (constant velocity: 0 g).
    expect(learnedGravity(baseline, heldOut)).toBe(0);
    expect(gravity).toBeGreaterThan(0.5);
    expect(gravity).toBeLessThan(1.5);
  }, 300_000);

  it('reproduces the shipped learner-1k from the command its meta.json records', async () => {
    const shipped = JSON.parse(readFileSync('public/models/learner-1k/meta.json', 'utf8')) as { weights_hash: string; command: string };
    // The recorded command, cut to its first 1,000 frames (a checkpoint does not depend on how far the
    // run goes on) and written to a scratch directory instead of DIR.
    const args = shipped.command.replace(/^npm run( -s)? lab -- /, '').split(' ');
    const set = (flag: string, value: string): void => { args[args.indexOf(flag) + 1] = value; };
    set('--frames', '1000');
    set('--checkpoints', '1k');
    set('--out', join(tmp, 'shipped-1k'));
    const r = await lab(...args);
    expect(r.code, r.stderr).toBe(0);
    const rebuilt = JSON.parse(readFileSync(join(tmp, 'shipped-1k', 'learner-1k', 'meta.json'), 'utf8')) as { weights_hash: string };
    expect(rebuilt.weights_hash).toBe(shipped.weights_hash);
  }, 300_000);

  it('trains, with no option, the learner-1k shipped before the combined recipe (hash f2d780a548a72c17): defaults stay defaults', async () => {
    let hash = '';
    await train({ frames: 1000, checkpoints: [0, 1000], seed: 1 }, (e) => {
      if (e.experienceFrames === 1000) hash = weightsHash(serializeCheckpoint(e.network, e.settings.features, { ...meta, experience_frames: 1000 }).weights);
    });
    expect(hash).toBe('f2d780a548a72c17');
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
