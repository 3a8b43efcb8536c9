// A colour per observer on this screen, matching the playground: learners in blues and pinks by
// experience, constant velocity amber, gravity only fuchsia, the ideal observer slate.
import { GRAVITY_ONLY_COLOUR, LEARNER_COLOURS as LEARNED } from '../ui/modelColours';

export interface ColouredObserver { model: string; kind: 'learned' | 'constant-velocity' | 'gravity-only' | 'oracle'; experience_frames: number | null }

export function observerColour(o: ColouredObserver, all: readonly ColouredObserver[]): string {
  if (o.kind === 'oracle') return '#334155';
  if (o.kind === 'constant-velocity') return '#d97706';
  if (o.kind === 'gravity-only') return GRAVITY_ONLY_COLOUR;
  const learned = all.filter((m) => m.kind === 'learned').sort((a, b) => (b.experience_frames ?? 0) - (a.experience_frames ?? 0));
  const i = Math.max(0, learned.findIndex((m) => m.model === o.model));
  return LEARNED[i % LEARNED.length]!;
}
