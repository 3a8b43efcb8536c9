// Rollouts started at every k-th frame only (computeSurprise's start stride): frame s + H + j is
// scored from the rollout started at s, H + j steps on, so each S_t is, to the bit, the S_t of a
// rollout over H + j steps from s, every frame is scored, and about half the frames are predicted.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { ConstantVelocityPredictor, LearnedPredictor } from '../../src/predictor/predictor';
import { computeSurprise, HORIZON, startStrideStarts } from '../../src/predictor/surprise';
import { ALL_CORE } from '../../src/predictor/coreKnowledge';
import { ORACLE, memoFor, type Observer } from '../../src/experiment/observers';
import { runPair, runSuiteUnits, scoreTrial } from '../../src/experiment/suite';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';
import { counting, sameBits as same } from './support/countingPredictor';

let learner: LearnedPredictor;
let withoutFiles: LearnedPredictor;

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const last = entries[entries.length - 1]!;
  learner = loadCheckpointDir(last.dir!, last.name);
  withoutFiles = new LearnedPredictor('without-files', learner.fast, { ...ALL_CORE, objectFiles: false }, learner.experienceFrames);
});

const SCENES = ['box-resting-on-platform', 'ball-never-comes-out-from-behind-screen', 'ball-rolls-through-wall'];

describe('rollouts started at every k-th frame', () => {
  it('starts at the frames s ≡ 0 (mod k); refuses a bad start stride or one combined with a stride', () => {
    expect(startStrideStarts(7, 1)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(startStrideStarts(7, 2)).toEqual([0, 2, 4, 6]);
    expect(startStrideStarts(7, 3)).toEqual([0, 3, 6]);
    expect(() => computeSurprise(learner, [], HORIZON, undefined, undefined, 1, 0)).toThrow(/start stride/);
    expect(() => computeSurprise(learner, [], HORIZON, undefined, undefined, 2, 2)).toThrow(/combined/);
  });

  for (const scene of SCENES) {
    it(`${scene}: frame s + H + j has the S_t of a rollout over H + j steps, with and without views, object files and a pair's memo`, () => {
      const pair = runPair(loadRepoScene(scene), 1, 3);
      for (const observer of [learner, withoutFiles, new ConstantVelocityPredictor()]) {
        for (const views of [undefined, pair.impossible.views]) {
          for (const k of [2, 3]) {
            const got = computeSurprise(observer, pair.impossibleObs, HORIZON, views, undefined, 1, k);
            const byHorizon = Array.from({ length: k }, (_, j) => computeSurprise(observer, pair.impossibleObs, HORIZON + j, views));
            const want = got.total.map((_, t) => (t < HORIZON ? NaN : byHorizon[(t - HORIZON) % k]!.total[t]!));
            const label = `${observer.name} start stride ${k} ${views ? 'with' : 'without'} views`;
            expect(same(got.total, want), label).toBe(true);
            expect(same(got.oneStepNll, byHorizon[0]!.oneStepNll)).toBe(true);
            expect(Array.from(got.total).slice(HORIZON).every((v) => !Number.isNaN(v)), `${label}: every frame scored`).toBe(true);
          }
        }
        // Both trials through one memo, as the suite scores them: the same as each trial alone.
        const memo = memoFor(observer);
        for (const c of ['possible', 'impossible'] as const) {
          const alone = computeSurprise(observer, c === 'possible' ? pair.possibleObs : pair.impossibleObs, HORIZON, pair[c].views, undefined, 1, 2);
          expect(same(scoreTrial(observer, pair, c, memo, 1, 2).trace.total, alone.total), `${observer.name} ${c} with the pair's memo`).toBe(true);
        }
      }
    });
  }

  it('the suite with start stride 1 is the default to the bit; 2 scores differently, the oracle alike', () => {
    const scenes = SCENES.map(loadRepoScene);
    const observers: Observer[] = [learner, new ConstantVelocityPredictor(), ORACLE];
    const plain = runSuiteUnits({ scenes, observers, pairs: 2, seed: 4 });
    expect(runSuiteUnits({ scenes, observers, pairs: 2, seed: 4, startStride: 1 })).toEqual(plain);
    const started = runSuiteUnits({ scenes, observers, pairs: 2, seed: 4, startStride: 2 });
    expect(started.some((u, i) => u.scores[0]![1].rollout_mean !== plain[i]!.scores[0]![1].rollout_mean)).toBe(true);
    started.forEach((u, i) => expect(u.scores[2]).toEqual(plain[i]!.scores[2]));
  });

  it('predicts about half the frames: one step per frame plus H per second frame', () => {
    const pair = runPair(loadRepoScene('ball-rolls-through-wall'), 1, 3);
    const rows = (k: number): number => {
      const c = counting(learner);
      computeSurprise(c, pair.impossibleObs, HORIZON, undefined, undefined, 1, k);
      return c.rows;
    };
    const T = pair.impossibleObs.length;
    expect(rows(2)).toBeLessThanOrEqual((T - 1) + Math.ceil((T - HORIZON) / 2) * HORIZON);
    expect(rows(2)).toBeLessThan(0.6 * rows(1));
  });
});
