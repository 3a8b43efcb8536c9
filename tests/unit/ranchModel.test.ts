// The RANCH-style looking model against hand-worked cases: digamma, the Normal-Inverse-Gamma update
// and its forgetting, the closed-form KL against a numeric integral, the information a sample gives
// as samples accumulate, one scripted trial, memory across trials, the w rule and determinism.
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/sim/rng';
import { digamma } from '../../src/experiment/digamma';
import { forget, klDivergence, observe, type NormalInverseGamma } from '../../src/experiment/looking/normalInverseGamma';
import { keepLookingChance, RANCH_PARAMS, RanchMemory, ranchTrial, type RanchParams } from '../../src/experiment/looking/ranchModel';
import { calibrateWorldEig, meanFirstTrialSeconds, WORLD_EIG_RULE } from '../../src/experiment/looking/ranchCalibration';
import { lookingRng } from '../../src/experiment/looking/lookingModel';
import { scripted } from './support/scriptedRng';

const EULER_GAMMA = 0.5772156649015329;

describe('digamma', () => {
  it('matches exact and 30-digit (mpmath) values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 14);
    expect(digamma(2)).toBeCloseTo(1 - EULER_GAMMA, 14);
    expect(digamma(1.5)).toBeCloseTo(2 - EULER_GAMMA - 2 * Math.log(2), 14);
    expect(digamma(10)).toBeCloseTo(2.25175258906672110765, 14);
    expect(digamma(0.1)).toBeCloseTo(-10.4237549404110762321, 13);
    expect(digamma(100)).toBeCloseTo(4.60016185273808740020, 14);
    expect(digamma(3.25)).toBeCloseTo(1.01699091106817903635, 14);
    expect(() => digamma(0)).toThrow(/x > 0/);
  });
});

describe('Normal-Inverse-Gamma belief', () => {
  it('updates on three samples as worked by hand', () => {
    const prior: NormalInverseGamma = { m: 0, kappa: 1, alpha: 1, beta: 1 };
    // y = 2: κ 2, m (0 + 2)/2 = 1, α 1.5, β 1 + 1·2²/(2·2) = 2.
    const b1 = observe(prior, 2);
    expect(b1).toEqual({ m: 1, kappa: 2, alpha: 1.5, beta: 2 });
    // y = 1, at the mean: m stays, β stays.
    const b2 = observe(b1, 1);
    expect(b2).toEqual({ m: 1, kappa: 3, alpha: 2, beta: 2 });
    // y = −2: κ 4, m (3·1 − 2)/4 = 0.25, α 2.5, β 2 + 3·(−3)²/(2·4) = 5.375.
    expect(observe(b2, -2)).toEqual({ m: 0.25, kappa: 4, alpha: 2.5, beta: 5.375 });
  });

  it('forgets by scaling what the trials added to κ, α and β toward the prior, keeping m', () => {
    const prior: NormalInverseGamma = { m: 0, kappa: 1, alpha: 1, beta: 0.04 };
    expect(forget({ m: 2, kappa: 21, alpha: 11, beta: 2.04 }, prior, 0.5)).toEqual({ m: 2, kappa: 11, alpha: 6, beta: 1.04 });
    expect(forget({ m: 2, kappa: 21, alpha: 11, beta: 2.04 }, prior, 1)).toEqual({ m: 2, kappa: 21, alpha: 11, beta: 2.04 });
  });

  it('has the KL of a first sample at the mean worked by hand: ½(ln 2 − ½) + ½ ψ(3/2) − ln Γ(3/2)', () => {
    const prior: NormalInverseGamma = { m: 2.4, kappa: 1, alpha: 1, beta: 0.04 };
    // κ 1 → 2, α 1 → 1.5, m and β unchanged: Gaussian part ½[½ − 1 + ln 2], gamma part ½ ψ(1.5) − ln Γ(1.5) + ln Γ(1).
    const byHand = 0.5 * (Math.log(2) - 0.5) + 0.5 * (2 - EULER_GAMMA - 2 * Math.log(2)) - Math.log(Math.sqrt(Math.PI) / 2);
    expect(klDivergence(observe(prior, 2.4), prior)).toBeCloseTo(byHand, 13);
    expect(klDivergence(prior, prior)).toBe(0);
  });

  it('gives the KL the numeric integral ∫∫ p ln(p/q) dμ dσ² gives', () => {
    // Normal-Inverse-Gamma density at (μ, σ²), in logs.
    const logDensity = (b: NormalInverseGamma, mu: number, v: number): number =>
      -0.5 * Math.log(2 * Math.PI * v / b.kappa) - (b.kappa * (mu - b.m) ** 2) / (2 * v)
      + b.alpha * Math.log(b.beta) - lgamma(b.alpha) - (b.alpha + 1) * Math.log(v) - b.beta / v;
    const cases: [NormalInverseGamma, NormalInverseGamma][] = [
      [{ m: 0.3, kappa: 3, alpha: 2.5, beta: 1.7 }, { m: 0, kappa: 2, alpha: 2, beta: 1.2 }],
      [observe({ m: 1.6, kappa: 12, alpha: 6.5, beta: 0.6 }, 5.1), { m: 1.6, kappa: 12, alpha: 6.5, beta: 0.6 }],
    ];
    for (const [p, q] of cases) {
      // Over s = ln σ² (density × σ²) and μ, Simpson's rule on both axes.
      const S = 800, U = 400;
      const s0 = -12, s1 = 8, hs = (s1 - s0) / S;
      let total = 0;
      for (let i = 0; i <= S; i++) {
        const s = s0 + i * hs, v = Math.exp(s);
        const sd = Math.sqrt(v / p.kappa), u0 = p.m - 12 * sd, hu = (24 * sd) / U;
        let inner = 0;
        for (let j = 0; j <= U; j++) {
          const mu = u0 + j * hu;
          const lp = logDensity(p, mu, v);
          inner += simpson(j, U) * Math.exp(lp) * (lp - logDensity(q, mu, v));
        }
        total += simpson(i, S) * v * (inner * hu / 3);
      }
      const numeric = (total * hs) / 3;
      expect(klDivergence(p, q)).toBeCloseTo(numeric, 7);
    }
  });

  it('learns less from a sample at its mean as samples accumulate, and more from a deviant one', () => {
    let b: NormalInverseGamma = RANCH_PARAMS.prior;
    const atMean: number[] = [];
    for (let n = 1; n <= 64; n++) {
      b = observe(b, 2.4 + (n % 2 === 0 ? 0.2 : -0.2));
      if ([4, 8, 16, 32, 64].includes(n)) {
        atMean.push(klDivergence(observe(b, b.m), b));
        // Three σ_p from the mean teaches more than a sample at the mean, at every stage.
        expect(klDivergence(observe(b, b.m + 0.6), b)).toBeGreaterThan(2 * atMean.at(-1)!);
      }
    }
    for (let k = 1; k < atMean.length; k++) expect(atMean[k]!).toBeLessThan(atMean[k - 1]!);
  });
});

describe('RANCH-style trial', () => {
  it('keeps looking with chance 1/(1 + exp(−(KL − w)/τ))', () => {
    expect(keepLookingChance(0.01, { worldEig: 0.01, decisionNoise: 0.005 })).toBe(0.5);
    expect(keepLookingChance(0.02, { worldEig: 0.01, decisionNoise: 0.005 })).toBeCloseTo(1 / (1 + Math.exp(-2)), 14);
    expect(keepLookingChance(0, { worldEig: 0.01, decisionNoise: 0.005 })).toBeCloseTo(1 / (1 + Math.exp(2)), 14);
  });

  it('plays a scripted trial: a sample every 15 frames of looking, a decision after each, gazeTrial\'s criteria', () => {
    // τ = 1, w = 0: the chance of keeping looking is in [½, 0.56] here, so a draw of 0 keeps looking and 0.9 looks away.
    const p: RanchParams = { ...RANCH_PARAMS, worldEig: 0, decisionNoise: 1, minimumLookSeconds: 0 };
    const x = 2.4, surprise = Math.exp(x) - 1;
    // Sample 1 (frame 15): keep; sample 2 (frame 30): away; 59 frames away without looking back,
    // back at the 60th; sample 3 (15 frames later): away; 119 frames away, the 120th ends the trial.
    const uniforms = [0, 0.9, ...Array(59).fill(0.9), 0, 0.9, ...Array(119).fill(0.9)];
    const rng = scripted(uniforms, [0, 0, 0]);
    const t = ranchTrial(surprise, p.prior, p, rng);
    expect({ seconds: t.seconds, trialSeconds: t.trialSeconds, looks: t.looks, endedBy: t.endedBy, samples: t.samples })
      .toEqual({ seconds: 45 / 60, trialSeconds: (30 + 60 + 15 + 120) / 60, looks: 2, endedBy: 'lookaway', samples: 3 });
    expect(rng.used()).toEqual([uniforms.length, 3]);
    // Three samples exactly at x = m0: the mean and β stay, κ and α count them.
    expect(t.belief.kappa).toBe(4);
    expect(t.belief.alpha).toBe(2.5);
    expect(t.belief.beta).toBe(p.prior.beta);
    expect(t.belief.m).toBeCloseTo(2.4, 14);
  });

  it('looks less at a second identical trial, and more at a deviant second trial than at an identical one', () => {
    // 400 observers, each its own generators: the paired differences' mean against 3 of its standard errors.
    const S = Math.exp(2.4) - 1, deviant = Math.exp(5) - 1;
    const drop: number[] = [], recovery: number[] = [];
    for (let k = 0; k < 400; k++) {
      const rng = (trial: number): Rng => lookingRng(9, `observer-${k}`, 'scene', trial, 'possible', 'familiarization');
      const same = new RanchMemory(RANCH_PARAMS);
      const first = same.look(S, rng(0)).seconds;
      const second = same.look(S, rng(1)).seconds;
      const other = new RanchMemory(RANCH_PARAMS);
      other.look(S, rng(0));
      const novel = other.look(deviant, rng(1)).seconds;
      drop.push(first - second);
      recovery.push(novel - second);
    }
    const meanAndSe = (xs: number[]): [number, number] => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return [m, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length)];
    };
    const [d, dse] = meanAndSe(drop);
    const [r, rse] = meanAndSe(recovery);
    expect(d).toBeGreaterThan(3 * dse);
    expect(r).toBeGreaterThan(3 * rse);
  });

  it('gives the same trial for the same belief and generator, and starts a new memory from the prior', () => {
    const S = 40;
    const a = ranchTrial(S, RANCH_PARAMS.prior, RANCH_PARAMS, lookingRng(1, 'learner-100k', 'car', 3, 'impossible', 'test'));
    expect(ranchTrial(S, RANCH_PARAMS.prior, RANCH_PARAMS, lookingRng(1, 'learner-100k', 'car', 3, 'impossible', 'test'))).toEqual(a);
    expect(new RanchMemory(RANCH_PARAMS).look(S, lookingRng(1, 'learner-100k', 'car', 3, 'impossible', 'test'))).toEqual(a);
  });

  it('refuses parameters that cannot make a trial, naming the field', () => {
    expect(() => ranchTrial(1, RANCH_PARAMS.prior, { ...RANCH_PARAMS, perceptualNoise: 0 }, lookingRng(1, 'm', 's', 0, 'possible', 'test'))).toThrow(/perceptualNoise must be a positive number/);
    expect(() => ranchTrial(1, RANCH_PARAMS.prior, { ...RANCH_PARAMS, forgetting: 1.5 }, lookingRng(1, 'm', 's', 0, 'possible', 'test'))).toThrow(/forgetting must be in \[0, 1\]/);
  });

  it('has w = τ from its rule: a first trial of the typical event (x = 2.4) lasts 10 s on average', () => {
    expect(calibrateWorldEig(RANCH_PARAMS)).toBe(RANCH_PARAMS.worldEig);
    expect(RANCH_PARAMS.decisionNoise).toBe(RANCH_PARAMS.worldEig);
    const mean = meanFirstTrialSeconds(RANCH_PARAMS, WORLD_EIG_RULE.typicalInformation, RANCH_PARAMS.worldEig, WORLD_EIG_RULE.trials);
    expect(mean).toBeGreaterThan(9);
    expect(mean).toBeLessThan(11);
  }, 60_000);
});

function simpson(i: number, n: number): number {
  return i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
}

/** ln Γ by Lanczos (g = 7, n = 9), independent of the code under test. */
function lgamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
