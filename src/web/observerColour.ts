// A colour per observer on this screen, matching the playground: learners in blues and pinks by
// experience, constant velocity amber, the ideal observer slate.
import { LEARNER_COLOURS as LEARNED } from './modelColours';

export interface ColouredObserver { model: string; kind: 'learned' | 'constant-velocity' | 'oracle'; experience_frames: number | null }

export function observerColour(o: ColouredObserver, all: readonly ColouredObserver[]): string {
  if (o.kind === 'oracle') return '#334155';
  if (o.kind === 'constant-velocity') return '#d97706';
  const learned = all.filter((m) => m.kind === 'learned').sort((a, b) => (b.experience_frames ?? 0) - (a.experience_frames ?? 0));
  const i = Math.max(0, learned.findIndex((m) => m.model === o.model));
  return LEARNED[i % LEARNED.length]!;
}
