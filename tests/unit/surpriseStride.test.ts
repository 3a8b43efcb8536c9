// The rollout surprise scored on every k-th frame (computeSurprise's stride): each scored S_t is the
// stride-1 value to the bit, the other frames are NaN, and far fewer frames are predicted.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { ConstantVelocityPredictor, LearnedPredictor } from '../../src/predictor/predictor';
import { computeSurprise, HORIZON, scoredStarts, strideTrace, trialScores } from '../../src/predictor/surprise';
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
  // The same weights scoring only what stays in sight (sightings.ts), the other path of computeSurprise.
  withoutFiles = new LearnedPredictor('without-files', learner.fast, { ...ALL_CORE, objectFiles: false }, learner.experienceFrames);
});

// A box at rest (repeated starts), a ball hidden behind a screen (beliefs and appearance costs) and
// a ball through a wall (a pair sharing every frame before the onset).
const SCENES = ['box-resting-on-platform', 'ball-never-comes-out-from-behind-screen', 'ball-rolls-through-wall'];

describe('rollout surprise on every k-th frame', () => {
  it('scores the frames t ≡ 0 (mod k) from the horizon on', () => {
    expect(scoredStarts(30, 20, 1)).toEqual(Array.from({ length: 30 }, (_, s) => s));
    expect(scoredStarts(30, 20, 4).map((s) => s + 20)).toEqual([20, 24, 28, 32, 36, 40, 44, 48]);
    expect(scoredStarts(30, 20, 7).map((s) => s + 20)).toEqual([21, 28, 35, 42, 49]);
    expect(() => computeSurprise(learner, [], HORIZON, undefined, undefined, 0)).toThrow(/stride/);
    expect(() => computeSurprise(learner, [], HORIZON, undefined, undefined, 2.5)).toThrow(/stride/);
  });

  for (const scene of SCENES) {
    it(`${scene}: each scored S_t is the stride-1 value to the bit, with and without views, object files and a pair's memo`, () => {
      const pair = runPair(loadRepoScene(scene), 1, 3);
      for (const observer of [learner, withoutFiles, new ConstantVelocityPredictor()]) {
        for (const views of [undefined, pair.impossible.views]) {
          const full = computeSurprise(observer, pair.impossibleObs, HORIZON, views);
          for (const k of [2, 3, 7]) {
            const got = computeSurprise(observer, pair.impossibleObs, HORIZON, views, undefined, k);
            expect(same(got.total, strideTrace(full, k).total), `${observer.name} stride ${k} ${views ? 'with' : 'without'} views`).toBe(true);
            expect(same(got.oneStepNll, full.oneStepNll)).toBe(true);
            expect(Array.from(got.total).filter((v) => !Number.isNaN(v)).length).toBe(scoredStarts(pair.impossibleObs.length - HORIZON, HORIZON, k).length);
          }
        }
        // Both trials through one memo, as the suite scores them.
        const memo = memoFor(observer);
        const fullPossible = scoreTrial(observer, pair, 'possible', memo).trace;
        const fullImpossible = scoreTrial(observer, pair, 'impossible', memo).trace;
        const strided = memoFor(observer);
        expect(same(scoreTrial(observer, pair, 'possible', strided, 5).trace.total, strideTrace(fullPossible, 5).total)).toBe(true);
        expect(same(scoreTrial(observer, pair, 'impossible', strided, 5).trace.total, strideTrace(fullImpossible, 5).total)).toBe(true);
      }
    });
  }

  it('the suite with a stride gives the scores of the stride-1 traces subsampled; stride 1 is the default to the bit', () => {
    const scenes = SCENES.map(loadRepoScene);
    const observers: Observer[] = [learner, new ConstantVelocityPredictor(), ORACLE];
    const plain = runSuiteUnits({ scenes, observers, pairs: 2, seed: 4 });
    expect(runSuiteUnits({ scenes, observers, pairs: 2, seed: 4, stride: 1 })).toEqual(plain);
    const strided = runSuiteUnits({ scenes, observers, pairs: 2, seed: 4, stride: 4 });
    strided.forEach((unit) => {
      const pair = runPair(scenes[unit.scene]!, unit.variant, 4);
      observers.forEach((o, m) => {
        const memo = memoFor(o);
        const traces = [scoreTrial(o, pair, 'possible', memo).trace, scoreTrial(o, pair, 'impossible', memo).trace];
        // The oracle rolls nothing out: the stride leaves it as it is.
        const want = traces.map((t) => trialScores(o.kind === 'oracle' ? t : strideTrace(t, 4), pair.onset));
        expect(unit.scores[m]).toEqual(want);
      });
    });
    expect(strided.some((u, i) => u.scores[0]![1].rollout_mean !== plain[i]!.scores[0]![1].rollout_mean)).toBe(true);
  });

  it('predicts far fewer frames: about one step per frame plus H − 1 per k-th frame', () => {
    const pair = runPair(loadRepoScene('ball-rolls-through-wall'), 1, 3);
    const rows = (k: number): number => {
      const c = counting(learner);
      computeSurprise(c, pair.impossibleObs, HORIZON, pair.impossible.views, undefined, k);
      return c.rows;
    };
    const T = pair.impossibleObs.length;
    expect(rows(1)).toBeGreaterThan((T - HORIZON) * (HORIZON - 1) * 0.5);
    expect(rows(5)).toBeLessThanOrEqual((T - 1) + Math.ceil((T - HORIZON) / 5) * (HORIZON - 1));
    expect(rows(5)).toBeLessThan(rows(1) / 3);
  });
});
