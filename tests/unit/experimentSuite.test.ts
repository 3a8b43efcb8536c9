// The suite on 20 matched pairs reproduces the developmental ordering with the shipped checkpoints.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import { runSuite, trialsCsv, type SuiteOutput } from '../../src/experiment/suite';
import { summarySvg } from '../../src/experiment/summarySvg';
import { accuracyInterval } from '../../src/experiment/binomialIntervals';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { ORACLE } from '../../src/experiment/observers';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';

let out: SuiteOutput;
let youngest: string;
let oldest: string;

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  youngest = entries[1]!.name;
  oldest = entries[entries.length - 1]!.name;
  const learners = [entries[0]!, entries[1]!, entries[entries.length - 1]!].map((m) => loadCheckpointDir(m.dir!, m.name));
  const scenes = ['car-off-platform', 'box-released-beyond-platform'].map((id) => parseSceneText(readFileSync(`scenes/${id}.json`, 'utf8'), id));
  out = runSuite({ scenes, observers: [new ConstantVelocityPredictor(), ORACLE, ...learners], pairs: 20, seed: 2026 });
}, 600_000);

const accuracy = (scene: string, model: string): number => out.results.find((r) => r.scene === scene && r.model === model)!.pairwise_accuracy;

describe('developmental ordering on 20 pairs', () => {
  it('car off the platform: old learner surprised by the float; newborn, youngest and constant velocity not', () => {
    expect(accuracy('car-off-platform', oldest)).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('car-off-platform', 'newborn')).toBeLessThanOrEqual(0.6);
    expect(accuracy('car-off-platform', youngest)).toBeLessThanOrEqual(0.6);
    expect(accuracy('car-off-platform', 'constant-velocity')).toBeLessThan(0.5);
    expect(accuracy('car-off-platform', 'oracle')).toBe(1);
  });
  it('box released beyond the platform: the old learner passes too', () => {
    expect(accuracy('box-released-beyond-platform', oldest)).toBeGreaterThanOrEqual(0.9);
    expect(accuracy('box-released-beyond-platform', 'oracle')).toBe(1);
  });
  it('writes one trials.csv row per trial and model, and an SVG naming every model', () => {
    const csv = trialsCsv(out.trials);
    expect(csv.trim().split('\n')).toHaveLength(1 + 2 * 20 * 2 * 5);
    expect(csv.split('\n')[0]).toBe('scene,concept,variant,condition,model,experience_frames,seed,onset_frame,rollout_mean,rollout_max,rollout_mean_from_onset,onestep_nll_mean,onestep_nll_max,plausibility,mirrored,split');
    const svg = summarySvg(out.results);
    for (const m of ['constant-velocity', 'oracle', 'newborn', youngest, oldest]) expect(svg).toContain(`>${m}</text>`);
  });
  it('counts wins, ties and losses, with exact intervals that do not collapse at 1', () => {
    for (const r of out.results) {
      expect(r.wins + r.ties + r.losses, `${r.scene} ${r.model}`).toBe(20);
      expect(r.pairwise_accuracy).toBe((r.wins + r.ties / 2) / 20);
      expect(r.pairwise_ci95).toEqual(accuracyInterval(r));
      expect(r.pairwise_ci95_jeffreys).toEqual(accuracyInterval(r, 'jeffreys'));
    }
    const oracle = out.results.find((r) => r.scene === 'car-off-platform' && r.model === 'oracle')!;
    expect(oracle).toMatchObject({ wins: 20, ties: 0, losses: 0 });
    expect(oracle.pairwise_ci95[0]).toBeCloseTo(0.025 ** (1 / 20), 12); // 0.83, not 1
    expect(oracle.d_z).toBeGreaterThan(0);
  });
  it("compares every two observers on each scene's pairs with McNemar's exact test", () => {
    expect(out.comparisons).toHaveLength(2 * 10);
    const c = out.comparisons.find((x) => x.scene === 'car-off-platform' && x.model_a === 'constant-velocity' && x.model_b === 'oracle')!;
    const cv = out.results.find((r) => r.scene === 'car-off-platform' && r.model === 'constant-velocity')!;
    expect(c).toMatchObject({ pairs: 20, both: cv.wins, only_a: 0, only_b: 20 - cv.wins, neither: 0 });
    expect(c.p_exact).toBeLessThan(0.01);
  });
  it('gives the oracle zero surprise on every possible trial', () => {
    for (const r of out.trials.filter((t) => t.model === 'oracle' && t.condition === 'possible')) expect(r.scores.rollout_mean).toBe(0);
  });
});
