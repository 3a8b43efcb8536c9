// McNemar's exact test against exact binomial sums, and the observer comparisons built on it.
import { describe, expect, it } from 'vitest';
import { binomialHalfCdf, mcnemarExact, mcnemarExactP } from '../../src/experiment/mcnemar';
import { compareObservers } from '../../src/experiment/observerComparisons';
import type { PairOutcome } from '../../src/experiment/metrics';

/** The exact two-sided p, summed with whole numbers: 2·Σ_{i ≤ min} C(n, i) / 2ⁿ. */
function exactP(b: number, c: number): number {
  const n = b + c, m = Math.min(b, c);
  let coef = 1n, sum = 0n;
  for (let i = 0; i <= m; i++) {
    sum += coef;
    coef = (coef * BigInt(n - i)) / BigInt(i + 1);
  }
  const p = Number((2n * sum * 10n ** 30n) / 2n ** BigInt(n)) / 1e30;
  return Math.min(1, p);
}

describe("McNemar's exact test", () => {
  it('gives the exact binomial p-values', () => {
    expect(mcnemarExactP(0, 5)).toBeCloseTo(0.0625, 14); // 2/32
    expect(mcnemarExactP(1, 9)).toBeCloseTo(22 / 1024, 14);
    expect(mcnemarExactP(8, 2)).toBeCloseTo(112 / 1024, 14);
    expect(mcnemarExactP(3, 17)).toBeCloseTo(2702 / 1048576, 14);
    // Larger counts, against the whole-number sums (and SciPy's binomtest): 0.0568879…, 0.0307207…
    expect(mcnemarExactP(40, 60)).toBeCloseTo(0.05688793364098079, 12);
    expect(mcnemarExactP(1100, 1000)).toBeCloseTo(0.030720707864242296, 12);
    expect(mcnemarExactP(49000, 51000) / 2.5887160383468943e-10).toBeCloseTo(1, 7); // SciPy binomtest
    for (const [b, c] of [[12, 30], [200, 260], [0, 40], [7, 8]]) expect(mcnemarExactP(b!, c!), `${b}, ${c}`).toBeCloseTo(exactP(b!, c!), 12);
  });
  it('is 1 with no discordant item or equal discordant counts', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(5, 5)).toBe(1);
  });
  it('counts the four cells from two lists of verdicts', () => {
    const a = [true, true, false, false, true, false];
    const b = [true, false, true, false, false, false];
    expect(mcnemarExact(a, b)).toEqual({ both: 1, only_a: 2, only_b: 1, neither: 2, p_exact: 1 });
    expect(() => mcnemarExact([true], [true, false])).toThrow(/same items/);
  });
  it('has a binomial(n, ½) CDF that sums to the whole-number value', () => {
    expect(binomialHalfCdf(2, 6)).toBeCloseTo(22 / 64, 14);
    expect(binomialHalfCdf(-1, 6)).toBe(0);
    expect(binomialHalfCdf(6, 6)).toBe(1);
  });
});

describe('observer comparisons on the same pairs', () => {
  it('compares every two observers, a pair right only when it is a win (a tie is not)', () => {
    const w: PairOutcome = 'win', t: PairOutcome = 'tie', l: PairOutcome = 'loss';
    const out = compareObservers({ id: 's', concept: 'support' }, [
      { name: 'young', outcomes: [l, l, l, l, l, t, w] },
      { name: 'old', outcomes: [w, w, w, w, w, w, w] },
      { name: 'oracle', outcomes: [w, w, w, w, w, w, w] },
    ]);
    expect(out.map((c) => `${c.model_a}/${c.model_b}`)).toEqual(['young/old', 'young/oracle', 'old/oracle']);
    expect(out[0]).toMatchObject({ scene: 's', concept: 'support', pairs: 7, both: 1, only_a: 0, only_b: 6, neither: 0 });
    expect(out[0]!.p_exact).toBeCloseTo(2 / 64, 14);
    expect(out[2]).toMatchObject({ both: 7, only_a: 0, only_b: 0, p_exact: 1 });
    expect(() => compareObservers({ id: 's', concept: 'c' }, [{ name: 'a', outcomes: [w] }, { name: 'b', outcomes: [] }])).toThrow(/different pairs/);
  });
});
