// Exact and Jeffreys intervals and the incomplete beta under them, against published and independently computed values.
import { describe, expect, it } from 'vitest';
import { betaQuantile, logGamma, regularizedIncompleteBeta } from '../../src/experiment/betaDistribution';
import { accuracyInterval, clopperPearson, jeffreys } from '../../src/experiment/binomialIntervals';

// Reference values: R's binom.test(k, n)$conf.int (which SciPy's binomtest(k, n).proportion_ci(method='exact')
// reproduces digit for digit), qbeta for Jeffreys, and mpmath (40 digits) for the incomplete beta and log Γ.
describe('log Γ', () => {
  it('matches exact and 40-digit values from tiny to large arguments', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
    expect(logGamma(3.25)).toBeCloseTo(0.93580193110872535826, 14);
    expect(logGamma(0.001)).toBeCloseTo(6.9071788853838536825, 13);
    expect(logGamma(100.5) / 361.43554046777762156).toBeCloseTo(1, 14);
    expect(logGamma(100000.5) / 1051293.46543513938).toBeCloseTo(1, 14);
  });
  it('refuses arguments outside (0, ∞)', () => {
    expect(() => logGamma(0)).toThrow(/x > 0/);
    expect(() => logGamma(-1.5)).toThrow(/x > 0/);
  });
});

describe('regularized incomplete beta', () => {
  it('matches 40-digit values on both sides of the mean and for large parameters', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 3.5)).toBeCloseTo(0.296752989295666378, 14);
    // I_x(½, ½) = (2/π) asin √x: the arcsine law.
    expect(regularizedIncompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 14);
    expect(regularizedIncompleteBeta(0.35, 100, 200)).toBeCloseTo(0.732571464957544069, 12);
    expect(regularizedIncompleteBeta(0.97, 1000.5, 20.5)).toBeCloseTo(0.0205171447318352757, 12);
  });
  it('is a CDF: 0 and 1 at the ends, I_x(1, b) = 1 − (1−x)^b, and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a)', () => {
    expect(regularizedIncompleteBeta(0, 3, 4)).toBe(0);
    expect(regularizedIncompleteBeta(1, 3, 4)).toBe(1);
    for (const x of [0.01, 0.2, 0.5, 0.9, 0.999]) {
      expect(regularizedIncompleteBeta(x, 1, 7)).toBeCloseTo(1 - (1 - x) ** 7, 14);
      expect(regularizedIncompleteBeta(x, 3.5, 9) + regularizedIncompleteBeta(1 - x, 9, 3.5)).toBeCloseTo(1, 14);
    }
  });
  it('inverts to the quantile it was given', () => {
    for (const [a, b] of [[0.5, 10.5], [5, 6], [37, 4], [300, 700]] as const) {
      for (const p of [0.025, 0.5, 0.975]) expect(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 12);
    }
  });
});

describe('Clopper–Pearson interval', () => {
  it('gives R binom.test\'s exact intervals', () => {
    const cases: [number, number, number, number][] = [
      [0, 10, 0, 0.3084971078187607],
      [10, 10, 0.6915028921812392, 1],
      [5, 10, 0.18708602844739855, 0.8129139715526015],
      [37, 40, 0.796135251267101, 0.9842578201489585],
      [1, 50, 0.000506227983040829, 0.1064695457114999],
      [0, 1, 0, 0.975],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [a, b] = clopperPearson(k, n);
      expect(a, `${k}/${n} lower`).toBeCloseTo(lo, 12);
      expect(b, `${k}/${n} upper`).toBeCloseTo(hi, 12);
    }
  });
  it('stays accurate at the largest pair counts the CLI accepts (SciPy: beta.ppf)', () => {
    const [lo, hi] = clopperPearson(50000, 100000);
    expect(lo).toBeCloseTo(0.4968960624918004, 11);
    expect(hi).toBeCloseTo(0.5031039375081996, 11);
    const [a, b] = jeffreys(3, 100000);
    expect(a / 8.449415825486264e-6).toBeCloseTo(1, 9);
    expect(b / 8.006161709151734e-5).toBeCloseTo(1, 9);
  });
  it('has the closed form (α/2)^(1/n) at n of n and 1 − (α/2)^(1/n) at 0 of n', () => {
    for (const n of [1, 2, 7, 40, 500]) {
      expect(clopperPearson(n, n)[0]).toBeCloseTo(0.025 ** (1 / n), 13);
      expect(clopperPearson(0, n)[1]).toBeCloseTo(1 - 0.025 ** (1 / n), 13);
    }
  });
  it('puts exactly α/2 in each binomial tail at its ends (checked by summing the binomial directly)', () => {
    const tail = (n: number, p: number, from: number, to: number): number => {
      let s = 0, pmf = (1 - p) ** n; // P(X = 0)
      for (let i = 0; i <= n; i++) {
        if (i >= from && i <= to) s += pmf;
        pmf *= ((n - i) / (i + 1)) * (p / (1 - p));
      }
      return s;
    };
    for (const n of [3, 12, 40]) {
      for (let k = 1; k < n; k++) {
        const [lo, hi] = clopperPearson(k, n);
        expect(tail(n, lo, k, n), `P(X ≥ ${k} | n ${n}, p ${lo})`).toBeCloseTo(0.025, 12);
        expect(tail(n, hi, 0, k), `P(X ≤ ${k} | n ${n}, p ${hi})`).toBeCloseTo(0.025, 12);
      }
    }
  });
  it('refuses counts that are not whole or out of range', () => {
    expect(() => clopperPearson(3, 2)).toThrow(/0 ≤ k ≤ n/);
    expect(() => clopperPearson(1.5, 4)).toThrow(/whole/);
    expect(() => clopperPearson(0, 0)).toThrow(/n ≥ 1/);
    expect(() => clopperPearson(1, 4, 1)).toThrow(/level/);
  });
});

describe('Jeffreys interval', () => {
  it('gives qbeta(α/2, k+½, n−k+½) and qbeta(1−α/2, …), 0 at k = 0 and 1 at k = n', () => {
    const cases: [number, number, number, number][] = [
      [0, 10, 0, 0.21719626750921053],
      [10, 10, 0.7828037324907894, 1],
      [5, 10, 0.22352867025270517, 0.7764713297472947],
      [37, 40, 0.8131857027623752, 0.9784233255570219],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [a, b] = jeffreys(k, n);
      expect(a, `${k}/${n} lower`).toBeCloseTo(lo, 12);
      expect(b, `${k}/${n} upper`).toBeCloseTo(hi, 12);
    }
  });
  it('is narrower than Clopper–Pearson (which is conservative)', () => {
    for (const [k, n] of [[3, 10], [20, 40], [39, 40]] as const) {
      const [a, b] = jeffreys(k, n);
      const [c, d] = clopperPearson(k, n);
      expect(b - a).toBeLessThan(d - c);
    }
  });
});

describe('accuracy interval with ties', () => {
  it('is the binomial interval when there are no ties, and does not collapse at 0 or 1', () => {
    expect(accuracyInterval({ wins: 37, ties: 0, losses: 3 })).toEqual(clopperPearson(37, 40));
    expect(accuracyInterval({ wins: 37, ties: 0, losses: 3 }, 'jeffreys')).toEqual(jeffreys(37, 40));
    const [lo, hi] = accuracyInterval({ wins: 10, ties: 0, losses: 0 });
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(0.6915028921812392, 12);
  });
  it('counts ties as losses for its lower end and as wins for its upper end', () => {
    const [lo, hi] = accuracyInterval({ wins: 5, ties: 3, losses: 2 });
    expect(lo).toBe(clopperPearson(5, 10)[0]);
    expect(hi).toBe(clopperPearson(8, 10)[1]);
    // Accuracy (5 + 1.5) / 10 lies inside.
    expect(lo).toBeLessThan(0.65);
    expect(hi).toBeGreaterThan(0.65);
    // All ties: anything from "never right" to "always right" is covered.
    expect(accuracyInterval({ wins: 0, ties: 10, losses: 0 })).toEqual([0, 1]);
  });
});
