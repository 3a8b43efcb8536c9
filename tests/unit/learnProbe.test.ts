// The developmental probe the Learn screen re-measures while training: prepared matched pairs
// scored one trial at a time agree with the suite, and separate a young learner from an old one.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { prepareMatchedPair, probeAccuracy, scoreTrial } from '../../src/experiment/pairProbe';
import { runSuite } from '../../src/experiment/suite';
import { loadCheckpointDir } from '../../src/cli/modelStore';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { loadRepoScene, REPO_ROOT } from './support/trials';

beforeAll(async () => {
  await useWasmBackend();
});

describe('pair probe', () => {
  it('scores a pair exactly as the suite does, and the 6k learner passes where the 3k one fails', () => {
    const scene = loadRepoScene('car-off-platform');
    const pairs = [0, 1].map((v) => prepareMatchedPair(scene, v, 1));
    expect(pairs[0]!.onset).not.toBeNull();
    expect(pairs[0]!.possible).toHaveLength(pairs[0]!.impossible.length);
    const old = loadCheckpointDir(`${REPO_ROOT}public/models/learner-6k`, 'learner-6k');
    const young = loadCheckpointDir(`${REPO_ROOT}public/models/learner-3k`, 'learner-3k');
    const scored = pairs.map((p) => ({ possible: scoreTrial(old, p, 'possible'), impossible: scoreTrial(old, p, 'impossible') }));
    const suite = runSuite({ scenes: [scene], observers: [old], pairs: 2, seed: 1 });
    const fromSuite = (v: number, c: string): number => suite.trials.find((t) => t.variant === v && t.condition === c)!.scores.rollout_mean;
    scored.forEach((s, v) => {
      expect(s.possible).toBe(fromSuite(v, 'possible'));
      expect(s.impossible).toBe(fromSuite(v, 'impossible'));
    });
    expect(probeAccuracy(scored)).toBe(1);
    expect(probeAccuracy(pairs.map((p) => ({ possible: scoreTrial(young, p, 'possible'), impossible: scoreTrial(young, p, 'impossible') })))).toBe(0);
    const cv = new ConstantVelocityPredictor();
    expect(probeAccuracy(pairs.map((p) => ({ possible: scoreTrial(cv, p, 'possible'), impossible: scoreTrial(cv, p, 'impossible') })))).toBe(0);
    old.network?.dispose();
    young.network?.dispose();
  }, 120_000);
});
