// A colour per observer, the same on every screen (chart line, meter bar, legend swatch): learners in
// blues and pinks by experience, cohorts in darker shades of the same, constant velocity amber, gravity only fuchsia, the ideal observer slate.
import type { ModelChoice, ModelKind } from './modelChoice';
import { COHORT_PREFIX } from './cohortChoice';

/** Learners from the most experienced down; nine, so that the shipped seven and a couple of the
 * Learn screen's never share a colour. */
export const LEARNER_COLOURS = ['#2563eb', '#db2777', '#0d9488', '#9333ea', '#0891b2', '#be123c', '#65a30d', '#a16207', '#64748b'];
/** A cohort (all seeds of an age as one observer): a darker shade of the learner colour of the same
 * rank, so the oldest cohort is a navy beside the oldest learner's blue. */
export const COHORT_COLOURS = ['#1e3a8a', '#9d174d', '#115e59', '#6b21a8', '#155e75', '#881337', '#3f6212', '#713f12', '#52525b'];
const ORACLE_COLOUR = '#334155';
const CONSTANT_VELOCITY_COLOUR = '#d97706';
/** Fuchsia, far from every learner's hue and from constant velocity's amber; 5.9:1 on the page background. */
export const GRAVITY_ONLY_COLOUR = '#a21caf';

/** The colour of an observer of this kind; `learnerRank` is a learner's place among the learners
 * shown, 0 for the most experienced. */
export function observerColourOf(kind: ModelKind, learnerRank: number): string {
  if (kind === 'oracle') return ORACLE_COLOUR;
  if (kind === 'constant-velocity') return CONSTANT_VELOCITY_COLOUR;
  if (kind === 'gravity-only') return GRAVITY_ONLY_COLOUR;
  return LEARNER_COLOURS[Math.max(learnerRank, 0) % LEARNER_COLOURS.length]!;
}

/** A picker's choice, among the page's choices (listed from the least experienced learner up, so
 * the last learner is ranked first). */
export function modelColour(choice: ModelChoice, all: readonly ModelChoice[]): string {
  if (choice.members) {
    const cohorts = all.filter((m) => m.members);
    return COHORT_COLOURS[Math.max(cohorts.length - 1 - cohorts.findIndex((m) => m.id === choice.id), 0) % COHORT_COLOURS.length]!;
  }
  const learned = all.filter((m) => m.kind === 'learned' && !m.members);
  const i = learned.findIndex((m) => m.id === choice.id);
  return observerColourOf(choice.kind, learned.length - 1 - Math.max(i, 0));
}

/** An observer as a study or plan record names it. */
export interface ColouredObserver { model: string; kind: ModelKind; experience_frames: number | null }

/** A recorded observer, among the record's observers (ranked by experience, most first). */
export function observerColour(o: ColouredObserver, all: readonly ColouredObserver[]): string {
  const cohort = (m: ColouredObserver): boolean => m.model.startsWith(COHORT_PREFIX);
  if (cohort(o)) {
    const cohorts = all.filter(cohort).sort((a, b) => (b.experience_frames ?? 0) - (a.experience_frames ?? 0));
    return COHORT_COLOURS[Math.max(cohorts.findIndex((m) => m.model === o.model), 0) % COHORT_COLOURS.length]!;
  }
  const learned = all.filter((m) => m.kind === 'learned' && !cohort(m)).sort((a, b) => (b.experience_frames ?? 0) - (a.experience_frames ?? 0));
  return observerColourOf(o.kind, learned.findIndex((m) => m.model === o.model));
}
