// The oldest shipped checkpoint passes every support scene: pairwise accuracy ≥ 0.9 over 100 matched
// pairs each (the slowest unit test: about 800 trials of learned rollout surprise).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { runSuite, type SuiteOutput } from '../../src/experiment/suite';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';

const SUPPORT = ['car-off-platform', 'box-released-beyond-platform', 'box-pushed-to-15-percent-contact', 'box-placed-on-edge-of-wide-box'];
let out: SuiteOutput;
let oldest: string;

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const last = entries[entries.length - 1]!;
  oldest = last.name;
  const scenes = SUPPORT.map(loadRepoScene);
  for (const s of scenes) expect(s.concept).toBe('support');
  out = runSuite({ scenes, observers: [loadCheckpointDir(last.dir!, last.name)], pairs: 100, seed: 2028 });
}, 900_000);

describe('the oldest shipped learner on the support scenes', () => {
  it.each(SUPPORT)('%s: accuracy ≥ 0.9 over 100 pairs', (scene) => {
    const r = out.results.find((x) => x.scene === scene && x.model === oldest)!;
    expect(r.pairs).toBe(100);
    expect(r.pairwise_accuracy, `${oldest} on ${scene}`).toBeGreaterThanOrEqual(0.9);
  });
});
