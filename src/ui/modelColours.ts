// A colour per observer, stable across the page (chart line, meter bar, legend swatch).
import type { ModelChoice } from '../store/modelsSlice';

/** Learners from the most experienced down; nine, so that the shipped seven and a couple of the
 * Learn screen's never share a colour. */
export const LEARNER_COLOURS = ['#2563eb', '#db2777', '#0d9488', '#9333ea', '#0891b2', '#be123c', '#65a30d', '#a16207', '#64748b'];
const LEARNED = LEARNER_COLOURS;
/** Fuchsia, far from every learner's hue and from constant velocity's amber; 5.9:1 on the page background. */
export const GRAVITY_ONLY_COLOUR = '#a21caf';

export function modelColour(choice: ModelChoice, all: readonly ModelChoice[]): string {
  if (choice.kind === 'oracle') return '#334155';
  if (choice.kind === 'constant-velocity') return '#d97706';
  if (choice.kind === 'gravity-only') return GRAVITY_ONLY_COLOUR;
  const learned = all.filter((m) => m.kind === 'learned');
  const i = learned.findIndex((m) => m.id === choice.id);
  return LEARNED[(learned.length - 1 - Math.max(i, 0)) % LEARNED.length]!;
}
