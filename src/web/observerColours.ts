// A colour per observer, the same on every screen (chart line, meter bar, legend swatch): learners in
// blues and pinks by experience, constant velocity amber, gravity only fuchsia, the ideal observer slate.
import type { ModelChoice, ModelKind } from './modelChoice';

/** Learners from the most experienced down; nine, so that the shipped seven and a couple of the
 * Learn screen's never share a colour. */
export const LEARNER_COLOURS = ['#2563eb', '#db2777', '#0d9488', '#9333ea', '#0891b2', '#be123c', '#65a30d', '#a16207', '#64748b'];
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
  const learned = all.filter((m) => m.kind === 'learned');
  const i = learned.findIndex((m) => m.id === choice.id);
  return observerColourOf(choice.kind, learned.length - 1 - Math.max(i, 0));
}

/** An observer as a study or plan record names it. */
export interface ColouredObserver { model: string; kind: ModelKind; experience_frames: number | null }

/** A recorded observer, among the record's observers (ranked by experience, most first). */
export function observerColour(o: ColouredObserver, all: readonly ColouredObserver[]): string {
  const learned = all.filter((m) => m.kind === 'learned').sort((a, b) => (b.experience_frames ?? 0) - (a.experience_frames ?? 0));
  return observerColourOf(o.kind, learned.findIndex((m) => m.model === o.model));
}
