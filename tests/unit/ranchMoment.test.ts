// The moment-by-moment RANCH-style model against hand-worked cases: a scripted surprise stream → its
// windows and samples (undefined frames skipped, the last frame held), one scripted trial with a
// look-away and a look back, a spike's window teaching more than a flat stream's, the trial-mean
// model recovered from a constant stream, longer looking at a lasting surprise (not at a brief one),
// and the w rule.
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/sim/rng';
import { eventWindows, LookedWindow, SurpriseStream } from '../../src/experiment/looking/momentStream';
import { klDivergence, observe, type NormalInverseGamma } from '../../src/experiment/looking/normalInverseGamma';
import { RANCH_MOMENT_PARAMS, RanchMemory, ranchMomentTrial, ranchTrial, type RanchParams } from '../../src/experiment/looking/ranchModel';
import { calibrateWorldEig, meanFirstMomentTrialSeconds, WORLD_EIG_RULE } from '../../src/experiment/looking/ranchCalibration';
import { lookingRng } from '../../src/experiment/looking/lookingModel';
import { scripted } from './support/scriptedRng';

/** 45 frames: the first 20 undefined (before the rollout horizon), then 0, 1, …, 24 nats. */
const RAMP: (number | null)[] = [...Array<null>(20).fill(null), ...Array.from({ length: 25 }, (_, k) => k)];

describe('what the moment-by-moment observer perceives', () => {
  it('reads an event in 15-frame windows, x = ln(1 + mean of the defined frames), a window with none giving no sample', () => {
    // Frames 0–14: all undefined; 15–29: 0…9 defined (mean 4.5); 30–44: 10…24 (mean 17).
    const x = eventWindows(RAMP, 15);
    expect(x).toHaveLength(3);
    expect(x[0]).toBeNull();
    expect(x[1]).toBeCloseTo(Math.log(5.5), 14);
    expect(x[2]).toBeCloseTo(Math.log(18), 14);
  });

  it('holds the last frame beyond the event, and perceives a trial with no defined surprise as none', () => {
    const stream = new SurpriseStream(RAMP);
    expect(stream.eventFrames).toBe(45);
    expect([stream.at(5), stream.at(20), stream.at(44), stream.at(45), stream.at(10_000)]).toEqual([null, 0, 24, 24, 24]);
    // The last *defined* frame is held: trailing undefined frames are skipped.
    expect(new SurpriseStream([3, 7, null, Number.NaN]).at(9)).toBe(7);
    const none = new SurpriseStream([null, null]);
    expect([none.at(0), none.at(1), none.at(50)]).toEqual([0, 0, 0]);
  });

  it('starts a new window at each sample', () => {
    const w = new LookedWindow();
    w.add(1); w.add(null); w.add(3);
    expect(w.take()).toBeCloseTo(Math.log(3), 14);
    expect(w.take()).toBeNull();
    w.add(0);
    expect(w.take()).toBe(0);
  });
});

describe('moment-by-moment RANCH-style trial', () => {
  it('plays a scripted trial: no sample from the undefined frames, each sample the frames just looked at, the held frame after a look back', () => {
    // τ = 1, w = 0: a draw of 0 keeps looking, 0.9 looks away (the chance of keeping is in [½, 0.57] here).
    const p: RanchParams = { ...RANCH_MOMENT_PARAMS, worldEig: 0, decisionNoise: 1, minimumLookSeconds: 0 };
    // Frame 14: no sample (all undefined), no draw. Frame 29: x = ln 5.5, keep. Frame 44: x = ln 18,
    // away. Frames 45–104 away, back at the 60th (frame 104). Frames 105–119 looked at: the held
    // frame (24 nats), x = ln 25, away; 119 frames away, the 120th ends the trial.
    const uniforms = [0, 0.9, ...Array(59).fill(0.9), 0, 0.9, ...Array(119).fill(0.9)];
    const rng = scripted(uniforms, [0, 0, 0]);
    const t = ranchMomentTrial(new SurpriseStream(RAMP), p.prior, p, rng);
    expect({ seconds: t.seconds, trialSeconds: t.trialSeconds, looks: t.looks, endedBy: t.endedBy, samples: t.samples })
      .toEqual({ seconds: 60 / 60, trialSeconds: (45 + 60 + 15 + 120) / 60, looks: 2, endedBy: 'lookaway', samples: 3 });
    expect(rng.used()).toEqual([uniforms.length, 3]);
    const byHand = [5.5, 18, 25].reduce((b: NormalInverseGamma, s) => observe(b, Math.log(s)), p.prior);
    expect(t.belief.kappa).toBe(byHand.kappa);
    expect(t.belief.alpha).toBe(byHand.alpha);
    expect(t.belief.m).toBeCloseTo(byHand.m, 13);
    expect(t.belief.beta).toBeCloseTo(byHand.beta, 13);
  });

  it('learns more from a window with a spike of surprise than from the same window of a flat stream', () => {
    // Four seconds at 2 nats a frame (x = ln 3 ≈ 1.1, near the prior's m0 of 0.8); the spiked stream has 200 nats in frames 60–74.
    const flat: (number | null)[] = Array.from({ length: 240 }, (_, f) => (f < 20 ? null : 2));
    const spiked = flat.map((s, f) => (f >= 60 && f < 75 ? 200 : s));
    const gains = (series: (number | null)[]): number[] => {
      let b = RANCH_MOMENT_PARAMS.prior;
      return eventWindows(series, 15).flatMap((x) => {
        if (x === null) return [];
        const next = observe(b, x);
        const kl = klDivergence(next, b);
        b = next;
        return [kl];
      });
    };
    const f = gains(flat), s = gains(spiked);
    // Windows 1–3 are the same; window 4 (frames 60–74) is the spike's: sample index 3.
    expect(s.slice(0, 3)).toEqual(f.slice(0, 3));
    expect(s[3]!).toBeGreaterThan(10 * f[3]!);
    expect(Math.max(...s)).toBe(s[3]);
  });

  it('is the trial-mean model, draw for draw, when the surprise is the same at every frame', () => {
    // 10 nats a frame: a mean of fifteen tens is 10 exactly, so both perceive x = ln 11.
    const p = RANCH_MOMENT_PARAMS;
    const stream = new SurpriseStream(Array(240).fill(10));
    for (let k = 0; k < 20; k++) {
      const rng = (): Rng => lookingRng(5, `observer-${k}`, 'scene', k, 'impossible', 'test');
      expect(ranchMomentTrial(stream, p.prior, p, rng())).toEqual(ranchTrial(10, p.prior, p, rng()));
    }
    const moments = new RanchMemory(p), means = new RanchMemory(p);
    for (let trial = 0; trial < 4; trial++) {
      const rng = (): Rng => lookingRng(5, 'observer', 'scene', trial, 'possible', 'familiarization');
      expect(moments.lookAtMoments(stream, rng())).toEqual(means.look(10, rng()));
    }
  });

  it('after familiarization looks longer at an event that stays surprising to its end, and shorter at a one-window spike', () => {
    // 400 observers, each its own generators, four familiarization trials of a flat stream (2 nats a
    // frame) first; then the flat stream again, or 200 nats from 1 s on (held to the end), or 200
    // nats in frames 60–74 only. The spike teaches much at its window, but inflates the belief's
    // variance, so the flat samples after it teach less (docs/looking.md, "Moment by moment").
    const stream = (at: (f: number) => number): SurpriseStream => new SurpriseStream(Array.from({ length: 240 }, (_, f) => (f < 20 ? null : at(f))));
    const flat = stream(() => 2), sustained = stream((f) => (f >= 60 ? 200 : 2)), spiked = stream((f) => (f >= 60 && f < 75 ? 200 : 2));
    const longer: number[] = [], spikeLonger: number[] = [];
    for (let k = 0; k < 400; k++) {
      const rng = (trial: number): Rng => lookingRng(9, `observer-${k}`, 'scene', trial, 'possible', 'familiarization');
      const seconds = (test: SurpriseStream): number => {
        const memory = new RanchMemory(RANCH_MOMENT_PARAMS);
        for (let trial = 0; trial < 4; trial++) memory.lookAtMoments(flat, rng(trial));
        return memory.lookAtMoments(test, rng(4)).seconds;
      };
      const familiar = seconds(flat);
      longer.push(seconds(sustained) - familiar);
      spikeLonger.push(seconds(spiked) - familiar);
    }
    const meanAndSe = (xs: number[]): [number, number] => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return [m, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length)];
    };
    const [d, dse] = meanAndSe(longer);
    const [e, ese] = meanAndSe(spikeLonger);
    expect(d).toBeGreaterThan(3 * dse);
    expect(-e).toBeGreaterThan(3 * ese);
  });

  it('has w = τ from its rule: a first trial of a stream at the typical x (m0 = 0.8) lasts 10 s on average', () => {
    const rule = { ...WORLD_EIG_RULE, typicalInformation: RANCH_MOMENT_PARAMS.prior.m };
    expect(calibrateWorldEig(RANCH_MOMENT_PARAMS, rule, meanFirstMomentTrialSeconds)).toBe(RANCH_MOMENT_PARAMS.worldEig);
    expect(RANCH_MOMENT_PARAMS.decisionNoise).toBe(RANCH_MOMENT_PARAMS.worldEig);
    expect(RANCH_MOMENT_PARAMS.prior.beta).toBeCloseTo(RANCH_MOMENT_PARAMS.perceptualNoise ** 2, 14);
    const mean = meanFirstMomentTrialSeconds(RANCH_MOMENT_PARAMS, rule.typicalInformation, RANCH_MOMENT_PARAMS.worldEig, rule.trials);
    expect(mean).toBeGreaterThan(9);
    expect(mean).toBeLessThan(11);
  }, 120_000);
});
