// Metrics against small cases computed by hand: pair outcomes and pairwise accuracy (ties), AUROC, d_z,
// and the scene-then-pair bootstrap of a concept's score.
import { describe, expect, it } from 'vitest';
import { auroc, countOutcomes, outcomeCredit, pairOutcomes, pairedEffectSize, pairwiseAccuracy } from '../../src/experiment/metrics';
import { meanOfSceneMeans, sceneThenPairBootstrap } from '../../src/experiment/sceneBootstrap';

describe('pairwise accuracy', () => {
  it('counts pairs where the impossible trial scores higher, ties as half', () => {
    // pairs: (1,2) win, (3,3) tie, (5,4) loss, (0,9) win → (1 + 0.5 + 0 + 1) / 4
    expect(pairwiseAccuracy([1, 3, 5, 0], [2, 3, 4, 9])).toBeCloseTo(0.625, 12);
  });
  it('refuses unmatched or empty pairs', () => {
    expect(() => pairwiseAccuracy([1, 2], [1])).toThrow(/matched/);
    expect(() => pairwiseAccuracy([], [])).toThrow(/matched/);
  });
});

describe('AUROC', () => {
  it('is the share of (possible, impossible) combinations ranked right, ties half', () => {
    // impossible 2 beats 1; ties 2; loses to 3 → 1.5/3. impossible 4 beats all three → 3/3. Total 4.5/6.
    expect(auroc([1, 2, 3], [2, 4])).toBeCloseTo(0.75, 12);
    expect(auroc([5, 6], [1, 2])).toBe(0);
    expect(auroc([1, 1], [1, 1])).toBe(0.5);
  });
});

describe('pair outcomes', () => {
  it('counts wins, ties and losses; an undefined score is a loss', () => {
    const o = pairOutcomes([1, 3, 5, 0, NaN], [2, 3, 4, 9, 1]);
    expect(o).toEqual(['win', 'tie', 'loss', 'win', 'loss']);
    expect(countOutcomes(o)).toEqual({ wins: 2, ties: 1, losses: 2 });
    expect(o.map(outcomeCredit)).toEqual([1, 0.5, 0, 1, 0]);
  });
});

describe('paired effect size d_z', () => {
  it('is the mean per-pair difference over its SD (a hand computation)', () => {
    // differences 1, 2, 2, 5: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 6.25 = 9; SD √(9/3) = √3.
    expect(pairedEffectSize([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(2.5 / Math.sqrt(3), 14);
    expect(pairedEffectSize([2, 4, 5, 9], [1, 2, 3, 4])).toBeCloseTo(-2.5 / Math.sqrt(3), 14);
  });
  it('differs from an unpaired effect size when pairs share a level', () => {
    // Large spread between pairs, tiny within: unpaired d would be ~0.1; paired, the shift is consistent.
    const p = [0, 100, 200, 300], q = [1, 101.5, 200.5, 301];
    const diffs = [1, 1.5, 0.5, 1];
    const m = 1, sd = Math.sqrt(diffs.reduce((s, d) => s + (d - m) ** 2, 0) / 3);
    expect(pairedEffectSize(p, q)).toBeCloseTo(m / sd, 14);
    expect(pairedEffectSize(p, q)).toBeGreaterThan(2);
  });
  it('is NaN when undefined (fewer than two pairs, or every difference the same)', () => {
    expect(pairedEffectSize([1], [2])).toBeNaN();
    expect(pairedEffectSize([1, 2, 3], [2, 3, 4])).toBeNaN();
    expect(() => pairedEffectSize([1, 2], [1])).toThrow(/matched/);
  });
});

describe('scene-then-pair bootstrap', () => {
  const scenes = [
    Array.from({ length: 40 }, () => 0), // a scene every pair of which is lost
    Array.from({ length: 40 }, (_, i) => (i < 38 ? 1 : 0)), // 0.95
  ];
  it('scores a concept as the mean of its scenes, each scene weighing the same', () => {
    expect(meanOfSceneMeans(scenes)).toBeCloseTo(0.475, 14);
    expect(meanOfSceneMeans([[1, 1, 1, 1], [0]])).toBe(0.5);
    expect(() => meanOfSceneMeans([[1], []])).toThrow(/at least one pair/);
  });
  it('is seeded: the same seed gives the same interval, another seed another', () => {
    const a = sceneThenPairBootstrap(scenes, 42);
    expect(sceneThenPairBootstrap(scenes, 42)).toEqual(a);
    const lumpy = [[1, 0, 1, 1, 0.5], [0, 1, 0], [1, 1, 1, 0]];
    expect(sceneThenPairBootstrap(lumpy, 1)).toEqual(sceneThenPairBootstrap(lumpy, 1));
    expect(sceneThenPairBootstrap(lumpy, 1)).not.toEqual(sceneThenPairBootstrap(lumpy, 2));
  });
  it('carries the spread between scenes: a failed scene beside a passed one gives a wide interval', () => {
    const [lo, hi] = sceneThenPairBootstrap(scenes, 42);
    // Resampling two scenes draws both from the failed one a quarter of the time, both from the other a quarter.
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.9);
    // Pooling the 80 pairs as independent would have put the interval within about ±0.11 of 0.475.
    const pooled = sceneThenPairBootstrap([scenes.flat()], 42);
    expect(pooled[1] - pooled[0]).toBeLessThan(0.25);
    expect(hi - lo).toBeGreaterThan(0.85);
  });
  it('reduces to the pair bootstrap for a single scene', () => {
    const [lo, hi] = sceneThenPairBootstrap([[1, 1, 0, 1, 0, 1, 1, 1, 0, 1]], 9);
    expect(lo).toBeLessThan(0.7);
    expect(hi).toBeGreaterThan(0.7);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
  });
});
