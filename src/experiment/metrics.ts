// Metrics that put a learner's surprise beside published tables: pair outcomes (wins, ties,
// losses), pairwise accuracy, AUROC and the paired effect size d_z.

/** How one matched pair came out: the impossible trial scored higher (win), the same (tie), or not. */
export type PairOutcome = 'win' | 'tie' | 'loss';

function checkPairs(possible: readonly number[], impossible: readonly number[], what: string): void {
  if (possible.length !== impossible.length || possible.length === 0) throw new Error(`${what} needs matched, non-empty pairs`);
}

/** Each pair's outcome, in pair order. A score that is not a number (undefined surprise) is never a
 * win or a tie, so it counts as a loss. */
export function pairOutcomes(possible: readonly number[], impossible: readonly number[]): PairOutcome[] {
  checkPairs(possible, impossible, 'pair outcomes');
  return possible.map((p, i) => (impossible[i]! > p ? 'win' : impossible[i]! === p ? 'tie' : 'loss'));
}

/** Wins, ties and losses over matched pairs. */
export function countOutcomes(outcomes: readonly PairOutcome[]): { wins: number; ties: number; losses: number } {
  let wins = 0, ties = 0, losses = 0;
  for (const o of outcomes) {
    if (o === 'win') wins++;
    else if (o === 'tie') ties++;
    else losses++;
  }
  return { wins, ties, losses };
}

/** A pair's credit toward pairwise accuracy: 1 for a win, ½ for a tie, 0 for a loss. */
export const outcomeCredit = (o: PairOutcome): number => (o === 'win' ? 1 : o === 'tie' ? 0.5 : 0);

/** Share of matched pairs where the impossible trial scores higher; ties count half. */
export function pairwiseAccuracy(possible: readonly number[], impossible: readonly number[]): number {
  checkPairs(possible, impossible, 'pairwise accuracy');
  const { wins, ties } = countOutcomes(pairOutcomes(possible, impossible));
  return (wins + ties / 2) / possible.length;
}

/** Probability that a random impossible score exceeds a random possible one (ties half). */
export function auroc(possible: readonly number[], impossible: readonly number[]): number {
  if (possible.length === 0 || impossible.length === 0) throw new Error('AUROC needs two non-empty sets');
  let wins = 0;
  for (const b of impossible) for (const a of possible) wins += b > a ? 1 : b === a ? 0.5 : 0;
  return wins / (possible.length * impossible.length);
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The paired effect size d_z (Cohen 1988; Lakens 2013): the mean of the per-pair differences
 * (impossible − possible) over their standard deviation (n − 1). The pairs are matched (same
 * variant and seed), so the unpaired Hedges' g, which pools the two conditions' spreads, is the
 * wrong yardstick. NaN when it is undefined: fewer than two pairs, or every difference equal. */
export function pairedEffectSize(possible: readonly number[], impossible: readonly number[]): number {
  checkPairs(possible, impossible, 'paired effect size');
  const n = possible.length;
  if (n < 2) return NaN;
  const diffs = possible.map((p, i) => impossible[i]! - p);
  const m = mean(diffs);
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - m) * (d - m), 0) / (n - 1));
  return sd > 0 ? m / sd : NaN;
}

export { mean as meanOf };
