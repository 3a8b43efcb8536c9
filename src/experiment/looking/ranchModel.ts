// The RANCH-style looking model: a Bayesian learner of the display takes noisy perceptual samples
// of the event's information and keeps looking while a sample still teaches it more than looking
// elsewhere would (Cao, Raz, Saxe & Frank 2023); its belief carries over from trial to trial.
import type { Rng } from '../../sim/rng';
import { exp } from '../../sim/portableMath';
import { checkCriteria, gazeTrial, information, LOOK_FPS, type LookingTrial, type TrialCriteria } from './lookingModel';
import { forget, klDivergence, observe, type NormalInverseGamma } from './normalInverseGamma';

/** The model's parameters, each chosen by the rule written beside it in docs/looking.md. */
export interface RanchParams extends TrialCriteria {
  model: 'ranch';
  /** σ_p: the sd of the perceptual noise on each sample of x = ln(1 + S̄). */
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
  let belief = start, looked = 0, samples = 0;
  const looksAway = (): boolean => {
    looked++;
    if (looked % sampleFrames !== 0) return false;
    const next = observe(belief, x + p.perceptualNoise * rng.normal());
    const gain = klDivergence(next, belief);
    belief = next;
    samples++;
    return rng.next() >= keepLookingChance(gain, p);
  };
  return { ...gazeTrial(looksAway, p, rng), belief, samples };
}

/** One observer's memory of one scene: trials in design order, each starting from the belief the
 * last one left, its evidence scaled by ρ toward the prior (forget); the first starts from the prior. */
export class RanchMemory {
  private belief: NormalInverseGamma;
  private trials = 0;

  constructor(private readonly p: RanchParams) { this.belief = p.prior; }

  look(surprise: number | null, rng: Rng): RanchTrial {
    const start = this.trials === 0 ? this.belief : forget(this.belief, this.p.prior, this.p.forgetting);
    const trial = ranchTrial(surprise, start, this.p, rng);
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
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`looking model ranch: ${k} must be a positive number (got ${String(v)})`);
  }
  if (!(Number.isFinite(p.worldEig) && p.worldEig >= 0)) throw new Error(`looking model ranch: worldEig must be a number ≥ 0 (got ${String(p.worldEig)})`);
  if (!(Number.isFinite(p.forgetting) && p.forgetting >= 0 && p.forgetting <= 1)) throw new Error(`looking model ranch: forgetting must be in [0, 1] (got ${String(p.forgetting)})`);
  if (!Number.isFinite(p.prior.m)) throw new Error(`looking model ranch: prior.m must be a number (got ${String(p.prior.m)})`);
}
