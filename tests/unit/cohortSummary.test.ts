// The cohort table's verdicts: a seed passes a concept only when every scene of it passes, so the
// "passing" count, the relapses and each seed's acquisition age tell the same story.
import { describe, expect, it } from 'vitest';
import { cohortSummary, cohortTable } from '../../src/experiment/cohort';
import type { ConceptResult, SceneScore } from '../../src/experiment/development';

const scene = (wins: number, pairs: number, ci: [number, number]): SceneScore => ({
  pairs, wins, ties: 0, losses: pairs - wins, pairwise_accuracy: wins / pairs, pairwise_ci95: ci, auroc: wins / pairs, passed: wins / pairs >= 0.8 && ci[0] > 0.5,
});
// Exact 95% intervals for 8 pairs: 8/8 → [0.631, 1], 4/8 → [0.157, 0.843].
const PERFECT = scene(8, 8, [0.631, 1]);
const HALF = scene(4, 8, [0.157, 0.843]);

function result(model: string, frames: number, perScene: Record<string, SceneScore>): ConceptResult {
  const scores = Object.values(perScene);
  const acc = scores.reduce((s, x) => s + x.pairwise_accuracy, 0) / scores.length;
  const pairs = scores.reduce((s, x) => s + x.pairs, 0);
  const wins = scores.reduce((s, x) => s + x.wins, 0);
  return {
    concept: 'support', model, experience_frames: frames, scenes: Object.keys(perScene), pairs, wins, ties: 0, losses: pairs - wins,
    // A pooled interval that clears the bar although one scene fails (what misled the old count).
    pairwise_accuracy: acc, pairwise_ci95: [0.7, 0.99], pairwise_ci95_bootstrap: [0.7, 0.99], auroc: acc, per_scene: perScene,
    passed: scores.every((s) => s.passed), scenes_passed: scores.filter((s) => s.passed).length,
    weakest_scene: 'x', weakest_accuracy: Math.min(...scores.map((s) => s.pairwise_accuracy)), weakest_ci95: [0, 1],
  };
}

describe('cohortSummary', () => {
  // Seed 1 passes every support scene at 10k and 30k; seed 2's pooled accuracy is 0.83 at 10k and
  // 30k (five perfect scenes and one at 0.5) but its low float fails, then it passes at 100k.
  const five = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, PERFECT]));
  const results = [
    result('l10-s1', 10_000, { ...five, low: PERFECT }), result('l30-s1', 30_000, { ...five, low: PERFECT }), result('l100-s1', 100_000, { ...five, low: PERFECT }),
    result('l10-s2', 10_000, { ...five, low: HALF }), result('l30-s2', 30_000, { ...five, low: PERFECT }), result('l100-s2', 100_000, { ...five, low: HALF }),
  ];
  const members = results.map((r) => ({ model: r.model, seed: Number(r.model.slice(-1)), experience_frames: r.experience_frames! }));
  const summary = cohortSummary(results, members);

  it('counts a seed as passing only when every scene of the concept passes', () => {
    const at = (frames: number) => summary.cells.find((c) => c.experience_frames === frames)!;
    expect([at(10_000).passing, at(30_000).passing, at(100_000).passing]).toEqual([1, 2, 1]);
    expect(at(10_000).mean).toBeCloseTo((1 + (5 + 0.5) / 6) / 2, 12);
  });

  it('relapses and acquisition use the same verdict', () => {
    expect(summary.relapses.support).toEqual([2]);
    expect(summary.acquisition.support).toEqual({ 1: 10_000, 2: null });
    const table = cohortTable(summary);
    expect(table).toContain('| support | 10k | never | seeds 2 |');
  });
});
