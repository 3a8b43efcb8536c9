// Infants: each learner watched by K independent attention-noise streams (and, habituating, K fresh
// copies of it learning with their own draws), so that a study counts infants as infant studies do.
import { mixSeed } from '../../sim/rng';
import { binomialHalfCdf } from '../mcnemar';

/** At most this many infants per learner (20 learners × 16 = 320 infants a study). */
export const MAX_INFANTS_PER_LEARNER = 16;

const INFANT_STREAM = 0x1a7f;

/** Infant k's seed (0-based): infant 0 is the study's own seed, so that one infant per learner is
 * the study as it was; infant k ≥ 1 a seed mixed from the study's seed and k. It seeds the infant's
 * looks (`lookingRng`) and, habituating, its copy's learning; the design (variants, order) and the
 * events' physics keep the study's seed: every infant of a study sees the same trials. */
export function infantSeed(studySeed: number, infant: number): number {
  if (!Number.isInteger(infant) || infant < 0) throw new RangeError(`infantSeed: infant must be a whole number ≥ 0, got ${infant}`);
  return infant === 0 ? studySeed >>> 0 : mixSeed(studySeed, INFANT_STREAM, infant);
}

/** One-sided sign test: the chance that k or more of n looked longer at the impossible event if
 * each went either way with probability ½ (P(X ≥ k) = P(X ≤ n − k), X ~ Binomial(n, ½)). A tie
 * (no preference) is counted in n and not in k, which can only raise p. */
export function signTestP(k: number, n: number): number {
  if (n === 0) return 1;
  return binomialHalfCdf(n - k, n);
}
