// The RANCH-style looking model: a Bayesian learner of the display takes noisy perceptual samples
// of the event's information and keeps looking while a sample still teaches it more than looking
// elsewhere would (Cao, Raz, Saxe & Frank 2023); its belief carries over from trial to trial.
import type { Rng } from '../../sim/rng';
import { exp } from '../../sim/portableMath';
import { checkCriteria, gazeTrial, information, LOOK_FPS, type LookingTrial, type RanchModelName, type TrialCriteria } from './lookingModel';
import { forget, klDivergence, observe, type NormalInverseGamma } from './normalInverseGamma';
import { LookedWindow, type SurpriseStream } from './momentStream';

/** The model's parameters, each chosen by the rule written beside it in docs/looking.md. */
export interface RanchParams extends TrialCriteria {
  /** `ranch`: each sample perceives the trial's mean surprise; `ranch-moment`: the frames just looked at. */
  model: RanchModelName;
  /** σ_p: the sd of the perceptual noise on each sample of x (x = ln(1 + S̄) for `ranch`). */
  perceptualNoise: number;
  /** One perceptual sample per this many seconds of looking. */
  sampleSeconds: number;
  /** w: the information (nats) a sample is worth when looking elsewhere ("world EIG"). */
  worldEig: number;
  /** τ: the decision noise of the softmax between looking on and away (nats). */
  decisionNoise: number;
  /** ρ: the share of a trial's evidence still held at the next trial of the scene. */
  forgetting: number;
  /** The belief before the scene's first trial: m0, κ0, α0, β0. */
  prior: NormalInverseGamma;
}

/** σ_p = 0.2: the spread of x across the possible variants (0.16, rounded to one significant
 * figure); the prior: m0 = 2.4, the typical familiarization event's x, worth one sample (κ0 = 1),
 * its variance what two samples of perception's noise would teach (α0 = 1, β0 = σ_p²); w = τ set
 * so that a first trial of the typical event lasts 10 s on average (ranchCalibration.ts); ρ = ½.
 * The trial's criteria are the hazard models'. docs/looking.md gives each rule. */
export const RANCH_PARAMS: RanchParams = {
  model: 'ranch', perceptualNoise: 0.2, sampleSeconds: 0.25, worldEig: 0.0034, decisionNoise: 0.0034, forgetting: 0.5,
  prior: { m: 2.4, kappa: 1, alpha: 1, beta: 0.04 },
  returnHazard: 0.5, lookawaySeconds: 2, minimumLookSeconds: 2, maximumLookSeconds: 60,
};

/** The moment-by-moment model (`ranch-moment`): the same learner, its σ_p, m0 (β0 = σ_p²) and
 * w = τ set by `ranch`'s rules moved from a trial's x to a window's x (docs/looking.md, "Moment by
 * moment"; bench/ranchMomentCalibration.ts computes them): σ_p = 0.8 (the spread of a window's x
 * across possible variants, 0.77), m0 = 0.8 (the median window x of familiarization, 0.83; on the
 * cohort shipped before 2026-12-07 it was 1.05, so 1.1),
 * w = τ = 0.0034 (the same as `ranch`'s: with β0 = σ_p² and a stream at m0 the KLs do not depend on
 * the scale of x). The rest is `ranch`'s. */
export const RANCH_MOMENT_PARAMS: RanchParams = {
  ...RANCH_PARAMS, model: 'ranch-moment', perceptualNoise: 0.8, worldEig: 0.0034, decisionNoise: 0.0034,
  prior: { m: 0.8, kappa: 1, alpha: 1, beta: 0.64 },
};

/** The chance of keeping looking after a sample that gave `gain` nats: 1 / (1 + exp(−(gain − w)/τ)). */
export function keepLookingChance(gain: number, p: Pick<RanchParams, 'worldEig' | 'decisionNoise'>): number {
  return 1 / (1 + exp(-(gain - p.worldEig) / p.decisionNoise));
}

export interface RanchTrial extends LookingTrial {
  /** The belief at the trial's end (what the next trial starts from, after forgetting). */
  belief: NormalInverseGamma;
  /** Perceptual samples taken. */
  samples: number;
}

/** One trial from the belief `start`: every `sampleSeconds` of looking a sample y = x + ε,
 * ε ~ N(0, σ_p²), updates the belief; the KL from the old belief to the new is what it taught, and
 * the observer keeps looking with keepLookingChance(KL). Between samples it keeps looking; looking
 * back and the end of the trial are gazeTrial's. Deterministic for the generator given. */
export function ranchTrial(surprise: number | null, start: NormalInverseGamma, p: RanchParams, rng: Rng): RanchTrial {
  checkRanchParams(p);
  const x = information(surprise);
  const sampleFrames = Math.max(1, Math.round(p.sampleSeconds * LOOK_FPS));
  let looked = 0;
  const sampler = new Sampler(start, p, rng);
  const looksAway = (): boolean => {
    looked++;
    return looked % sampleFrames === 0 && sampler.looksAwayAfter(x);
  };
  return { ...gazeTrial(looksAway, p, rng), belief: sampler.belief, samples: sampler.samples };
}

/** One trial of the moment-by-moment model from the belief `start`: the trial's clock starts with
 * the event, which plays whether the observer looks or not, its last frame held beyond its end
 * (SurpriseStream). Every `sampleSeconds` of looking a sample perceives the frames looked at since
 * the last one, x = ln(1 + their mean surprise) (LookedWindow), and is taken and decided on as in
 * ranchTrial; a window with no defined surprise gives no sample, and the observer keeps looking.
 * With the same surprise at every frame it is ranchTrial, draw for draw. */
export function ranchMomentTrial(stream: SurpriseStream, start: NormalInverseGamma, p: RanchParams, rng: Rng): RanchTrial {
  checkRanchParams(p);
  const sampleFrames = Math.max(1, Math.round(p.sampleSeconds * LOOK_FPS));
  let looked = 0;
  const seen = new LookedWindow();
  const sampler = new Sampler(start, p, rng);
  const looksAway = (frame: number): boolean => {
    looked++;
    seen.add(stream.at(frame));
    if (looked % sampleFrames !== 0) return false;
    const x = seen.take();
    return x !== null && sampler.looksAwayAfter(x);
  };
  return { ...gazeTrial(looksAway, p, rng), belief: sampler.belief, samples: sampler.samples };
}

/** The belief over the samples of one trial and the decision after each: a sample y = x + ε,
 * ε ~ N(0, σ_p²), updates the belief; the KL from the old belief to the new is what it taught. */
class Sampler {
  samples = 0;

  constructor(public belief: NormalInverseGamma, private readonly p: RanchParams, private readonly rng: Rng) {}

  /** Takes a sample of x and draws whether the observer looks away after it. */
  looksAwayAfter(x: number): boolean {
    const next = observe(this.belief, x + this.p.perceptualNoise * this.rng.normal());
    const gain = klDivergence(next, this.belief);
    this.belief = next;
    this.samples++;
    return this.rng.next() >= keepLookingChance(gain, this.p);
  }
}

/** One observer's memory of one scene: trials in design order, each starting from the belief the
 * last one left, its evidence scaled by ρ toward the prior (forget); the first starts from the prior. */
export class RanchMemory {
  private belief: NormalInverseGamma;
  private trials = 0;

  constructor(private readonly p: RanchParams) { this.belief = p.prior; }

  /** A trial perceived as its mean surprise (`ranch`). */
  look(surprise: number | null, rng: Rng): RanchTrial {
    return this.next((start) => ranchTrial(surprise, start, this.p, rng));
  }

  /** A trial perceived moment by moment (`ranch-moment`). */
  lookAtMoments(stream: SurpriseStream, rng: Rng): RanchTrial {
    return this.next((start) => ranchMomentTrial(stream, start, this.p, rng));
  }

  private next(trialFrom: (start: NormalInverseGamma) => RanchTrial): RanchTrial {
    const start = this.trials === 0 ? this.belief : forget(this.belief, this.p.prior, this.p.forgetting);
    const trial = trialFrom(start);
    this.trials++;
    this.belief = trial.belief;
    return trial;
  }
}

/** Parameters that cannot make a trial: refused with the field named. */
export function checkRanchParams(p: RanchParams): void {
  checkCriteria(p);
  const positive = { perceptualNoise: p.perceptualNoise, sampleSeconds: p.sampleSeconds, decisionNoise: p.decisionNoise, 'prior.kappa': p.prior.kappa, 'prior.alpha': p.prior.alpha, 'prior.beta': p.prior.beta };
  for (const [k, v] of Object.entries(positive)) {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`looking model ${p.model}: ${k} must be a positive number (got ${String(v)})`);
  }
  if (!(Number.isFinite(p.worldEig) && p.worldEig >= 0)) throw new Error(`looking model ${p.model}: worldEig must be a number ≥ 0 (got ${String(p.worldEig)})`);
  if (!(Number.isFinite(p.forgetting) && p.forgetting >= 0 && p.forgetting <= 1)) throw new Error(`looking model ${p.model}: forgetting must be in [0, 1] (got ${String(p.forgetting)})`);
  if (!Number.isFinite(p.prior.m)) throw new Error(`looking model ${p.model}: prior.m must be a number (got ${String(p.prior.m)})`);
}
