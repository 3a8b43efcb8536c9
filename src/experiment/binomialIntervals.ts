// Exact (Clopper–Pearson) and Jeffreys intervals for a binomial proportion, and for pairwise accuracy with ties.
//
// Why not the percentile bootstrap: when every pair agrees it resamples nothing but agreement and
// gives [1, 1] (or [0, 0]), claiming certainty from 10 pairs. Clopper–Pearson inverts the binomial
// test, so its coverage is at least the nominal level for every n and proportion; at 10 of 10 it
// says [0.69, 1]. Jeffreys (the equal-tailed interval of the Beta(½, ½) posterior) is shorter and
// has coverage close to nominal on average (Brown, Cai & DasGupta 2001); it is reported beside.
import { betaQuantile } from './betaDistribution';

export type Interval = [number, number];

function checkCounts(k: number, n: number, level: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`binomial interval needs n ≥ 1 trials, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`binomial interval needs 0 ≤ k ≤ n whole successes, got k=${k}, n=${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must lie in (0, 1), got ${level}`);
}

/** Clopper–Pearson interval for k successes in n trials: [B(α/2; k, n−k+1), B(1−α/2; k+1, n−k)],
 * with 0 at k = 0 and 1 at k = n (the exact interval of R's binom.test). */
export function clopperPearson(k: number, n: number, level = 0.95): Interval {
  checkCounts(k, n, level);
  const alpha = 1 - level;
  return [
    k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1),
    k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k),
  ];
}

/** Jeffreys interval: quantiles α/2 and 1−α/2 of Beta(k+½, n−k+½), with 0 at k = 0 and 1 at k = n. */
export function jeffreys(k: number, n: number, level = 0.95): Interval {
  checkCounts(k, n, level);
  const alpha = 1 - level;
  return [
    k === 0 ? 0 : betaQuantile(alpha / 2, k + 0.5, n - k + 0.5),
    k === n ? 1 : betaQuantile(1 - alpha / 2, k + 0.5, n - k + 0.5),
  ];
}

/** Wins, ties and losses of an observer over matched pairs. */
export interface PairCounts { wins: number; ties: number; losses: number }

/** An interval for pairwise accuracy (wins + ½ ties) / n. A tie is neither a success nor a failure,
 * so the lower end counts ties as losses and the upper end counts them as wins: the interval covers
 * every way of resolving the ties, and is exactly the binomial one when there are none. */
export function accuracyInterval(counts: PairCounts, method: 'clopper-pearson' | 'jeffreys' = 'clopper-pearson', level = 0.95): Interval {
  const n = counts.wins + counts.ties + counts.losses;
  const interval = method === 'jeffreys' ? jeffreys : clopperPearson;
  return [interval(counts.wins, n, level)[0], interval(counts.wins + counts.ties, n, level)[1]];
}
