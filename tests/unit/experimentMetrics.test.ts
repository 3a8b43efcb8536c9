// Metrics against small cases computed by hand: pairwise accuracy (ties), AUROC, Hedges' g, bootstrap.
import { describe, expect, it } from 'vitest';
import { auroc, bootstrapCi, hedgesG, pairwiseAccuracy } from '../../src/experiment/metrics';

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

describe("Hedges' g", () => {
  it('matches a hand computation', () => {
    // impossible: mean 5, var 2.5 (n=5: 3,4,5,6,7); possible: mean 2, var 1 (n=3: 1,2,3).
    // pooled sd = sqrt((4·2.5 + 2·1) / 6) = sqrt(2); d = 3 / sqrt(2); J = 1 − 3/(4·8 − 9) = 1 − 3/23.
    const expected = (3 / Math.SQRT2) * (1 - 3 / 23);
    expect(hedgesG([1, 2, 3], [3, 4, 5, 6, 7])).toBeCloseTo(expected, 12);
    expect(hedgesG([3, 4, 5, 6, 7], [1, 2, 3])).toBeCloseTo(-expected, 12);
  });
  it('is NaN with fewer than two per group', () => {
    expect(hedgesG([1], [2, 3])).toBeNaN();
  });
});

describe('bootstrap CI', () => {
  it('is seeded, brackets the point estimate, and narrows with more pairs', () => {
    const p = Array.from({ length: 40 }, (_, i) => (i * 7) % 10);
    const q = Array.from({ length: 40 }, (_, i) => ((i * 3) % 10) + 1);
    const a = bootstrapCi(p, q, pairwiseAccuracy, 42);
    expect(bootstrapCi(p, q, pairwiseAccuracy, 42)).toEqual(a);
    const point = pairwiseAccuracy(p, q);
    expect(a[0]).toBeLessThanOrEqual(point);
    expect(a[1]).toBeGreaterThanOrEqual(point);
    const big = bootstrapCi([...p, ...p, ...p, ...p], [...q, ...q, ...q, ...q], pairwiseAccuracy, 42);
    expect(big[1] - big[0]).toBeLessThan(a[1] - a[0]);
  });
  it('collapses to a point when every pair agrees', () => {
    expect(bootstrapCi([0, 0, 0], [1, 1, 1], pairwiseAccuracy, 1)).toEqual([1, 1]);
  });
});
