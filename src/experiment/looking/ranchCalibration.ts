// The rule that sets the RANCH-style models' w (= τ): a first trial of the typical event, from the
// prior, lasts `targetSeconds` on average. Run once to choose RANCH_PARAMS and RANCH_MOMENT_PARAMS;
// a test re-runs it.
import { exp } from '../../sim/portableMath';
import { lookingRng } from './lookingModel';
import { ranchMomentTrial, ranchTrial, type RanchParams } from './ranchModel';
import { SurpriseStream } from './momentStream';

export interface WorldEigRule {
  /** x of the typical familiarization event (its surprise is e^x − 1 nats per frame). */
  typicalInformation: number;
  /** The mean looking (s) a first trial of it should have. */
  targetSeconds: number;
  /** Trials averaged, each with its own generator (seed 1, "calibration", variant k). */
  trials: number;
}

/** The rule as documented: the typical event x = 2.4, 10 s (the middle of 5–15 s), 2,000 trials. */
export const WORLD_EIG_RULE: WorldEigRule = { typicalInformation: 2.4, targetSeconds: 10, trials: 2000 };

/** Mean looking (s) of `trials` first trials at information x, from the prior, with w = τ = `worldEig`. */
export function meanFirstTrialSeconds(p: RanchParams, x: number, worldEig: number, trials: number): number {
  const q: RanchParams = { ...p, worldEig, decisionNoise: worldEig };
  const surprise = exp(x) - 1;
  let total = 0;
  for (let k = 0; k < trials; k++) total += ranchTrial(surprise, q.prior, q, lookingRng(1, 'calibration', 'ranch', k, 'possible', 'familiarization')).seconds;
  return total / trials;
}

/** The same for the moment-by-moment model: first trials of a stream whose surprise is e^x − 1 at
 * every frame (one frame, held), with the same generators. */
export function meanFirstMomentTrialSeconds(p: RanchParams, x: number, worldEig: number, trials: number): number {
  const q: RanchParams = { ...p, worldEig, decisionNoise: worldEig };
  const stream = new SurpriseStream([exp(x) - 1]);
  let total = 0;
  for (let k = 0; k < trials; k++) total += ranchMomentTrial(stream, q.prior, q, lookingRng(1, 'calibration', 'ranch', k, 'possible', 'familiarization')).seconds;
  return total / trials;
}

export type FirstTrialMeasure = typeof meanFirstTrialSeconds;

/** w (= τ) meeting the rule, by bisection on ln w over [1e−6, 1] (a larger w, shorter looking; the
 * same generators at every w), to 2 significant figures. */
export function calibrateWorldEig(p: RanchParams, rule: WorldEigRule = WORLD_EIG_RULE, measure: FirstTrialMeasure = meanFirstTrialSeconds): number {
  let lo = Math.log(1e-6), hi = 0;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (measure(p, rule.typicalInformation, Math.exp(mid), rule.trials) > rule.targetSeconds) lo = mid; else hi = mid;
  }
  return Number(Math.exp((lo + hi) / 2).toPrecision(2));
}
