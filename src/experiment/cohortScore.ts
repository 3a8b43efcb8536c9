// A cohort scored as one observer in a study: each seed's pairwise accuracy, their mean and range,
// and how many seeds pass (accuracy ≥ 0.8 with the exact 95% interval above chance, as in cohort.ts).
import { passes } from './cohort';
import { cohortBand } from './cohortBand';

/** What a study reports of one member (the suite's metrics for its checkpoint on a scene). */
export interface MemberScore { model: string; pairwise_accuracy: number; pairwise_ci95: [number, number] }

export interface CohortScore {
  /** Members with a score, in the cohort's (seed) order. */
  perSeed: { model: string; accuracy: number; passes: boolean }[];
  mean: number;
  min: number;
  max: number;
  passing: number;
  /** Members listed for the cohort (some may not be scored yet). */
  members: number;
}

/** The cohort's score from its members' scores; null until every member has one. */
export function cohortScore(members: readonly string[], scores: readonly MemberScore[]): CohortScore | null {
  const found = members.map((m) => scores.find((s) => s.model === m));
  if (found.some((s) => !s || !Number.isFinite(s.pairwise_accuracy))) return null;
  const perSeed = found.map((s) => ({ model: s!.model, accuracy: s!.pairwise_accuracy, passes: passes(s!) }));
  const band = cohortBand(perSeed.map((p) => p.accuracy));
  if (!band) return null;
  return { perSeed, mean: band.mean, min: band.min, max: band.max, passing: perSeed.filter((p) => p.passes).length, members: members.length };
}

/** "learner-100k cohort: 5 seeds 1.00, 0.95, …; mean 0.97 (0.90–1.00); 4 of 5 seeds pass". */
export function cohortScoreWords(label: string, s: CohortScore): string {
  return `${label}: per seed ${s.perSeed.map((p) => p.accuracy.toFixed(2)).join(', ')}; mean ${s.mean.toFixed(2)} (range ${s.min.toFixed(2)}–${s.max.toFixed(2)}); ${s.passing} of ${s.members} seeds pass (accuracy ≥ 0.8, exact 95% interval above chance)`;
}
