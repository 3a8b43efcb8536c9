// Autoregressive divergence: the on-track curve never rises, the ideal observer never leaves the
// track, and a learner's exit rate is measured, not assumed.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { heldOutEpisodes, measureDivergence } from '../../src/experiment/divergence';
import { divergenceSvg } from '../../src/experiment/divergenceSvg';
import { ORACLE } from '../../src/experiment/observers';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';

beforeAll(async () => { await useWasmBackend(); });

describe('divergence', () => {
  const options = { episodes: 6, seed: 3, maxSteps: 60, tolerance: 0.05, startEvery: 20 };
  it('on-track share is monotone non-increasing, starts at 1, and matches its exit rate', () => {
    const episodes = heldOutEpisodes(6, 3, undefined, 180);
    const entries = listCheckpoints(DEFAULT_MODELS_DIR);
    const learner = loadCheckpointDir(entries[entries.length - 1]!.dir!, entries[entries.length - 1]!.name);
    for (const observer of [learner, new ConstantVelocityPredictor()]) {
      const r = measureDivergence(observer, episodes, options);
      // 181 frames each: rollouts of 60 steps start at frames 0, 20, …, 120.
      expect(r.rollouts).toBe(6 * 7);
      expect(r.onTrack[0]).toBe(1);
      for (let n = 1; n < r.onTrack.length; n++) expect(r.onTrack[n]!).toBeLessThanOrEqual(r.onTrack[n - 1]!);
      expect(r.exitRate).toBeGreaterThan(0);
      expect(r.exitRate).toBeLessThan(1);
      expect(r.geometric[10]).toBeCloseTo((1 - r.exitRate) ** 10, 12);
    }
  });
  it('the ideal observer has e = 0 and stays on track', () => {
    const r = measureDivergence(ORACLE, heldOutEpisodes(3, 4, undefined, 180), options);
    expect(r.exitRate).toBe(0);
    expect(r.onTrack.every((v) => v === 1)).toBe(true);
    expect(divergenceSvg([r])).toContain('>oracle</text>');
  });
});
