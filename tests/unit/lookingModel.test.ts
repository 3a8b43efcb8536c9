// The looking model against hand-worked cases: its hazard, one scripted trial frame by frame, the
// lookaway and maximum criteria, the habituation criterion, and the mean looking time it implies.
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/sim/rng';
import {
  GOLDILOCKS_PARAMS, HAZARD_PARAMS, habituationTrial, information, lookAwayHazard, lookingRng, lookingTrial, perFrame, type LookingParams,
} from '../../src/experiment/looking/lookingModel';

/** A generator that answers "yes, it happens" (0) at the listed draws and "no" (just below 1) elsewhere. */
function scripted(yesAt: readonly number[]): Rng & { draws: number } {
  const yes = new Set(yesAt);
  const r = {
    draws: 0,
    next(): number { const k = r.draws++; return yes.has(k) ? 0 : 0.999999; },
    uniform: () => { throw new Error('unused'); }, int: () => { throw new Error('unused'); },
    chance: () => { throw new Error('unused'); }, pick: () => { throw new Error('unused'); }, normal: () => { throw new Error('unused'); },
  };
  return r as Rng & { draws: number };
}

describe('looking model', () => {
  it('has the hazard λ0 · exp(−β u + γ u²) with u = ln(1 + S̄)', () => {
    expect(lookAwayHazard(0, HAZARD_PARAMS)).toBe(1);
    // γ = 0, β = ½: λ = 1 / √(1 + S̄). S̄ = 3 nats per frame: half the bored hazard.
    expect(lookAwayHazard(3, HAZARD_PARAMS)).toBeCloseTo(0.5, 12);
    expect(lookAwayHazard(99, HAZARD_PARAMS)).toBeCloseTo(0.1, 12);
    // Undefined or negative surprise counts as none.
    expect(lookAwayHazard(null, HAZARD_PARAMS)).toBe(1);
    expect(lookAwayHazard(Number.NaN, HAZARD_PARAMS)).toBe(1);
    expect(information(-5)).toBe(0);
    // Goldilocks: lowest at S̄ = 50 (u* = ln 51), higher on both sides.
    const at = (s: number): number => lookAwayHazard(s, GOLDILOCKS_PARAMS);
    expect(at(50)).toBeLessThan(at(20));
    expect(at(50)).toBeLessThan(at(200));
    // At u* the log hazard is −β u* + γ u*² = −β u* / 2.
    expect(at(50)).toBeCloseTo(Math.exp(-0.5 * Math.log(51) / 2), 12);
  });

  it('turns a rate into a chance per frame of 1/60 s', () => {
    expect(perFrame(60)).toBeCloseTo(1 - Math.exp(-1), 15);
    expect(perFrame(0)).toBe(0);
  });

  it('plays a scripted trial frame by frame: an early look-away does not end it, the 2 s one does', () => {
    // Look 60 frames (away at the 60th draw), away 3 s (180 frames, back at the 180th away draw),
    // look 90 more frames, then away: the 2 s look-away ends the trial (2.5 s of looking ≥ the 2 s minimum).
    const rng = scripted([59, 60 + 179, 60 + 180 + 89]);
    const t = lookingTrial(3, HAZARD_PARAMS, rng);
    expect(t).toEqual({ seconds: 150 / 60, trialSeconds: (60 + 180 + 90 + 120) / 60, looks: 2, endedBy: 'lookaway' });
    // 60 + 180 + 90 draws while looking or away, then 119 away draws before the criterion is met.
    expect(rng.draws).toBe(60 + 180 + 90 + 119);
  });

  it('ends at the maximum when the observer never looks away, and at once after a look-away with no minimum', () => {
    expect(lookingTrial(3, HAZARD_PARAMS, scripted([]))).toEqual({ seconds: 60, trialSeconds: 60, looks: 1, endedBy: 'maximum' });
    const noMinimum: LookingParams = { ...HAZARD_PARAMS, minimumLookSeconds: 0 };
    expect(lookingTrial(3, noMinimum, scripted([0]))).toEqual({ seconds: 1 / 60, trialSeconds: 121 / 60, looks: 1, endedBy: 'lookaway' });
  });

  it('gives the mean looking time the hazards imply (geometric looks, each look-away ending the trial with chance q)', () => {
    // No minimum and no maximum in reach: E[looking] = (1/a frames per look) × (1/q looks), with
    // a = perFrame(λ) and q = (1 − perFrame(μ))^119, the chance that a look-away lasts 2 s (120
    // frames away: no look back at the draws of its first 119; the 120th ends the trial).
    const p: LookingParams = { ...HAZARD_PARAMS, minimumLookSeconds: 0, maximumLookSeconds: 100_000 };
    const a = perFrame(lookAwayHazard(3, p));
    const q = (1 - perFrame(p.returnHazard)) ** 119;
    const expected = 1 / a / q / 60;
    const xs = Array.from({ length: 3000 }, (_, i) => lookingTrial(3, p, lookingRng(7, 'm', 'scene', i, 'possible', 'test')).seconds);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const se = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) / xs.length);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    // More surprise, longer looking: the same draws with S̄ = 300 look longer than with S̄ = 3.
    const longer = Array.from({ length: 200 }, (_, i) => lookingTrial(300, HAZARD_PARAMS, lookingRng(7, 'm', 'scene', i, 'possible', 'test')).seconds);
    const shorter = Array.from({ length: 200 }, (_, i) => lookingTrial(3, HAZARD_PARAMS, lookingRng(7, 'm', 'scene', i, 'possible', 'test')).seconds);
    expect(longer.reduce((s, x) => s + x, 0)).toBeGreaterThan(2 * shorter.reduce((s, x) => s + x, 0));
  });

  it('draws the same looks for the same study, observer and trial, and other looks for another observer', () => {
    const a = lookingTrial(5, HAZARD_PARAMS, lookingRng(1, 'learner-100k', 'car', 3, 'impossible', 'test'));
    expect(lookingTrial(5, HAZARD_PARAMS, lookingRng(1, 'learner-100k', 'car', 3, 'impossible', 'test'))).toEqual(a);
    const others = ['learner-1k', 'learner-100k-s2', 'learner-100k-s3'].map((m) => lookingTrial(5, HAZARD_PARAMS, lookingRng(1, m, 'car', 3, 'impossible', 'test')).trialSeconds);
    expect(new Set([a.trialSeconds, ...others]).size).toBeGreaterThan(1);
  });

  it('refuses parameters that cannot make a trial, naming the field', () => {
    expect(() => lookingTrial(1, { ...HAZARD_PARAMS, returnHazard: 0 }, scripted([]))).toThrow(/returnHazard must be a positive number/);
    expect(() => lookingTrial(1, { ...HAZARD_PARAMS, quadratic: -1 }, scripted([]))).toThrow(/quadratic must be a number ≥ 0/);
  });

  it('meets the habituation criterion when three trials in a row fall below half the first three', () => {
    expect(habituationTrial([10, 10, 10, 4, 4, 4])).toBe(5);
    expect(habituationTrial([12, 6, 6, 2, 1, 9])).toBe(4);
    expect(habituationTrial([10, 10, 10, 10])).toBeNull();
    expect(habituationTrial([10, 1, 1])).toBeNull();
  });
});
