// Metrics that put a learner's surprise beside published tables: pairwise accuracy, AUROC,
// Hedges' g, and seeded bootstrap confidence intervals.
import { createRng } from '../sim/rng';

/** Share of matched pairs where the impossible trial scores higher; ties count half. */
export function pairwiseAccuracy(possible: readonly number[], impossible: readonly number[]): number {
  if (possible.length !== impossible.length || possible.length === 0) throw new Error('pairwise accuracy needs matched, non-empty pairs');
  let wins = 0;
  for (let i = 0; i < possible.length; i++) {
    if (impossible[i]! > possible[i]!) wins += 1;
    else if (impossible[i]! === possible[i]!) wins += 0.5;
  }
  return wins / possible.length;
}

/** Probability that a random impossible score exceeds a random possible one (ties half). */
export function auroc(possible: readonly number[], impossible: readonly number[]): number {
  if (possible.length === 0 || impossible.length === 0) throw new Error('AUROC needs two non-empty sets');
  let wins = 0;
  for (const b of impossible) for (const a of possible) wins += b > a ? 1 : b === a ? 0.5 : 0;
  return wins / (possible.length * impossible.length);
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Hedges' g: standardised mean difference (impossible − possible) with small-sample correction. */
export function hedgesG(possible: readonly number[], impossible: readonly number[]): number {
  const n1 = impossible.length, n2 = possible.length;
  if (n1 < 2 || n2 < 2) return NaN;
  const pooled = Math.sqrt(((n1 - 1) * variance(impossible) + (n2 - 1) * variance(possible)) / (n1 + n2 - 2));
  const d = pooled === 0 ? 0 : (mean(impossible) - mean(possible)) / pooled;
  const correction = 1 - 3 / (4 * (n1 + n2) - 9);
  return d * correction;
}

/** Percentile bootstrap over pairs (resampling pairs keeps them matched). */
export function bootstrapCi(
  possible: readonly number[], impossible: readonly number[],
  stat: (p: number[], i: number[]) => number, seed: number, resamples = 2000,
): [number, number] {
  const rng = createRng(seed);
  const n = possible.length;
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const p: number[] = [], q: number[] = [];
    for (let k = 0; k < n; k++) {
      const j = rng.int(0, n - 1);
      p.push(possible[j]!);
      q.push(impossible[j]!);
    }
    const v = stat(p, q);
    if (Number.isFinite(v)) stats.push(v);
  }
  stats.sort((a, b) => a - b);
  if (stats.length === 0) return [NaN, NaN];
  const at = (q: number): number => stats[Math.min(stats.length - 1, Math.max(0, Math.floor(q * stats.length)))]!;
  return [at(0.025), at(0.975)];
}

export { mean as meanOf };
