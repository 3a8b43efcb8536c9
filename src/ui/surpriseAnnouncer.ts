// Each observer's current surprise for screen readers: a polite live region, rewritten at most
// once every few seconds while playing (never per frame), and promptly when the picture stops.
import { h } from './dom';
import { formatSurprise } from './surpriseLevel';
import type { SurpriseSource } from './surpriseSource';
import { STEP_S } from '../sim/units';

/** Shortest gap between two announcements while the cursor moves (ms). */
const MIN_GAP_MS = 4000;
/** How long the cursor must rest before the still picture is announced (ms). */
const REST_MS = 600;

export interface SurpriseAnnouncer {
  readonly element: HTMLElement;
  update(source: SurpriseSource, now: number): void;
}

/** The sentence read out: "Surprise at 1.20 s: learner-1k 0.6, learner-100k 467." */
export function surpriseSentence(source: SurpriseSource): string {
  if (source.series.length === 0) return '';
  const parts = source.series.map((s, i) => {
    const v = source.valueAt(i, source.cursor);
    return `${s.label} ${v === null ? 'none yet' : formatSurprise(v)}`;
  });
  return `Surprise at ${(source.cursor * STEP_S).toFixed(2)} s: ${parts.join(', ')}.`;
}

export function createSurpriseAnnouncer(): SurpriseAnnouncer {
  const element = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'surprise-live' });
  let lastSaid = -Infinity;
  let cursor = -1;
  let movedAt = 0;
  let restingSaid = false;
  return {
    element,
    update(source, now) {
      if (source.cursor !== cursor) {
        cursor = source.cursor;
        movedAt = now;
        restingSaid = false;
      }
      const resting = now - movedAt >= REST_MS;
      const due = resting ? !restingSaid : now - lastSaid >= MIN_GAP_MS;
      if (!due) return;
      const text = surpriseSentence(source);
      if (!text || text.replace(/at [\d.]+ s/, '') === element.textContent?.replace(/at [\d.]+ s/, '')) {
        restingSaid = resting;
        return;
      }
      element.textContent = text;
      lastSaid = now;
      restingSaid = resting;
    },
  };
}
