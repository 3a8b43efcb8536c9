// McNemar's exact test: do two observers differ in how often they are right on the same items?
//
// Two observers scored on the same matched pairs (or the same planning tasks) are not independent
// samples: the items they both get right or both get wrong say nothing about which is better. Only
// the discordant items count: b where only A is right, c where only B is. Under "no difference"
// each discordant item goes either way with probability ½, so b ~ Binomial(b + c, ½), and the
// two-sided exact p-value is min(1, 2·P(X ≤ min(b, c))) (McNemar 1947; the exact form as in
// Fagerland, Lydersen & Laake 2013).
import { regularizedIncompleteBeta } from './betaDistribution';

export interface McNemarResult {
  /** Items both observers got right, only A, only B, neither. */
  both: number; only_a: number; only_b: number; neither: number;
  /** Two-sided exact p-value; 1 when there is no discordant item. */
  p_exact: number;
}

/** P(X ≤ m) for X ~ Binomial(n, ½), through the incomplete beta: I_{½}(n − m, m + 1). */
export function binomialHalfCdf(m: number, n: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m)) throw new RangeError(`binomial CDF needs whole m and n ≥ 0, got m=${m}, n=${n}`);
  if (m < 0) return 0;
  if (m >= n) return 1;
  return regularizedIncompleteBeta(0.5, n - m, m + 1);
}

/** The exact two-sided McNemar p-value from the discordant counts. */
export function mcnemarExactP(onlyA: number, onlyB: number): number {
  const n = onlyA + onlyB;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialHalfCdf(Math.min(onlyA, onlyB), n));
}

/** McNemar's exact test on two observers' right/wrong verdicts over the same items, in the same order. */
export function mcnemarExact(aCorrect: readonly boolean[], bCorrect: readonly boolean[]): McNemarResult {
  if (aCorrect.length !== bCorrect.length) throw new RangeError(`McNemar needs the same items for both observers (${aCorrect.length} vs ${bCorrect.length})`);
  let both = 0, onlyA = 0, onlyB = 0, neither = 0;
  for (let i = 0; i < aCorrect.length; i++) {
    if (aCorrect[i] && bCorrect[i]) both++;
    else if (aCorrect[i]) onlyA++;
    else if (bCorrect[i]) onlyB++;
    else neither++;
  }
  return { both, only_a: onlyA, only_b: onlyB, neither, p_exact: mcnemarExactP(onlyA, onlyB) };
}
