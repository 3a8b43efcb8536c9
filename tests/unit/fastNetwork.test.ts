// The typed-array forward pass (FastNetwork, used for all inference) against the TF.js model it was
// read from (the reference), on the shipped checkpoints and real trial frames, within a stated tolerance.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { useWasmBackend } from '../../src/predictor/backend';
import { DEFAULT_MODELS_DIR, loadCheckpointDir } from '../../src/cli/modelStore';
import { LearnedPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { FastNetwork } from '../../src/predictor/fastNetwork';
import { buildFeatures, MAX_SENDERS } from '../../src/predictor/features';
import { computeSurprise, trialScores } from '../../src/predictor/surprise';
import type { Observation } from '../../src/predictor/observation';
import { observations, runTrial } from '../../src/experiment/trial';
import { parseSceneValue } from '../../src/scenes/parse';
import { loadRepoScene, REPO_ROOT, testScene } from './support/trials';

/** Tolerances, from measurement (docs/predictor.md): over the 7 shipped checkpoints × every scene's
 * frames the largest differences were 4.8e-7 m/s in a mean and 2.4e-6 of a variance: float32
 * rounding (both sum in float32, TF.js in its own order, the fast path input by input). The bounds
 * leave about 8× and 4× room; a wrong weight, layer or mask is off by orders of magnitude more. */
const MEAN_TOLERANCE = 4e-6; // m/s (rad/s for spin): 2.5e-5 of one step of free fall
const VARIANCE_TOLERANCE = 1e-5; // relative

const CHECKPOINTS = ['newborn', 'learner-10k', 'learner-100k'];
const learners: LearnedPredictor[] = [];
const sceneFrames: { name: string; frames: Observation[] }[] = [];

/** 16 boxes and balls on a floor: more than MAX_SENDERS + 1 objects, so some pairs are masked out. */
function crowdFrames(): Observation[] {
  const bodies = Array.from({ length: 16 }, (_, i) => (i % 2 === 0
    ? { id: `box${i}`, kind: 'box', x: 0.4 + (i % 8) * 0.7, y: 0.6 + Math.floor(i / 8) * 0.6, width: 0.3, height: 0.25, angle: 0.2 * i - 1 }
    : { id: `ball${i}`, kind: 'ball', x: 0.4 + (i % 8) * 0.7, y: 0.6 + Math.floor(i / 8) * 0.6, radius: 0.14 }));
  const scene = parseSceneValue(testScene({ id: 'crowd', bodies }), 'crowd');
  return observations(runTrial(scene, 'possible', undefined, 0));
}

beforeAll(async () => {
  await useWasmBackend();
  for (const name of CHECKPOINTS) learners.push(loadCheckpointDir(`${DEFAULT_MODELS_DIR}/${name}`, name));
  const files = readdirSync(`${REPO_ROOT}scenes`).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').sort();
  for (const f of files) {
    const id = f.replace(/\.json$/, '');
    sceneFrames.push({ name: id, frames: observations(runTrial(loadRepoScene(id), 'impossible', 1, 1)) });
  }
  sceneFrames.push({ name: 'crowd', frames: crowdFrames() });
});

describe('FastNetwork against the TF.js model', () => {
  it('gives the same means and variances within float32 rounding, for every checkpoint and scene', () => {
    let worstMean = 0;
    let worstVariance = 0;
    let moving = 0;
    for (const learner of learners) {
      for (const { name, frames } of sceneFrames) {
        const fast = learner.predict(frames);
        const tf = learner.predictWithTf(frames);
        expect(fast.n, name).toBe(tf.n);
        for (let k = 0; k < fast.mean.length; k++) {
          worstMean = Math.max(worstMean, Math.abs(fast.mean[k]! - tf.mean[k]!));
          worstVariance = Math.max(worstVariance, Math.abs(fast.variance[k]! - tf.variance[k]!) / tf.variance[k]!);
          if (Math.abs(tf.mean[k]!) > 1e-3) moving++;
        }
      }
    }
    expect(worstMean).toBeLessThanOrEqual(MEAN_TOLERANCE);
    expect(worstVariance).toBeLessThanOrEqual(VARIANCE_TOLERANCE);
    // The comparison covered real predictions, not just padding.
    expect(moving).toBeGreaterThan(10_000);
  });

  it('covers masked pairs: the crowd has receivers that hear only their nearest MAX_SENDERS', () => {
    const frames = sceneFrames.find((s) => s.name === 'crowd')!.frames;
    const batch = buildFeatures(frames.slice(0, 1), learners[0]!.features);
    expect(batch.n).toBe(MAX_SENDERS + 1);
    expect(frames[0]!.length).toBeGreaterThan(MAX_SENDERS + 1);
  });

  it('gives the same trial scores as the TF.js model, to six significant digits', () => {
    const learner = learners[learners.length - 1]!;
    const viaTf: StepPredictor = { name: 'tf', kind: 'learned', experienceFrames: 0, predict: (f) => learner.predictWithTf(f) };
    for (const { name, frames } of sceneFrames.slice(0, 4)) {
      const a = trialScores(computeSurprise(learner, frames), null);
      const b = trialScores(computeSurprise(viaTf, frames), null);
      // Measured: at most 3e-7 of the score (20-step rollouts carry the rounding forward).
      for (const key of ['rollout_mean', 'onestep_nll_mean'] as const) {
        expect(Math.abs(a[key] - b[key]), `${name} ${key}`).toBeLessThanOrEqual(3e-6 * Math.max(1, Math.abs(b[key])));
      }
    }
  });

  it('runs the WebAssembly SIMD kernel here, and its JavaScript twin gives the same bits', () => {
    for (const learner of learners) {
      expect(learner.fast.kernel).toBe('wasm');
      const js = new LearnedPredictor('js', FastNetwork.fromWeights(learner.fast.shape, learner.network!.flatWeights(), 'js'), learner.features, 0);
      expect(js.fast.kernel).toBe('js');
      for (const { name, frames } of sceneFrames) {
        const a = learner.predict(frames);
        const b = js.predict(frames);
        expect(Buffer.from(a.mean.buffer).equals(Buffer.from(b.mean.buffer)), `${learner.name} ${name} means`).toBe(true);
        expect(Buffer.from(a.variance.buffer).equals(Buffer.from(b.variance.buffer)), `${learner.name} ${name} variances`).toBe(true);
      }
    }
  });

  it('refuses weights that do not fit the shape', () => {
    const learner = learners[0]!;
    expect(() => FastNetwork.fromWeights(learner.fast.shape, new Float32Array(10))).toThrow(/10 weights given; the shape needs/);
  });
});
