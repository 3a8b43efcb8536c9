// A timeline under the chart: the playhead, and markers for the trial's events (push, release,
// loses support, the violation onset) as they happen. The playhead moves every frame (no store).
import type { SimEvent } from '../sim/snapshot';
import { h } from './dom';

export interface Timeline {
  readonly element: HTMLElement;
  update(frame: number, frames: number, events: readonly SimEvent[], onsetFrame: number | null, impossible: boolean): void;
}

const LABELS: Partial<Record<SimEvent['kind'], string>> = {
  push: 'push',
  release: 'release',
  'loses-support': 'loses support',
};

/** Marks closer than this (percent of the track) put their labels on two rows. */
const CROWDED_PCT = 22;

export function createTimeline(): Timeline {
  const fill = h('div', { class: 'timeline-fill' });
  const head = h('div', { class: 'timeline-head' });
  const marks = h('div', { class: 'timeline-marks' });
  const element = h('div', { class: 'timeline', 'data-testid': 'timeline' }, h('div', { class: 'timeline-track' }, fill, marks, head));
  let markKey = '';
  let lastPct = -1;
  return {
    element,
    update(frame, frames, events, onsetFrame, impossible) {
      const pct = frames > 0 ? Math.min(100, (100 * frame) / frames) : 0;
      if (Math.abs(pct - lastPct) > 0.01) {
        fill.style.width = `${pct}%`;
        head.style.left = `${pct}%`;
        lastPct = pct;
      }
      const key = `${frames}|${events.length}|${onsetFrame}|${impossible}`;
      if (key === markKey) return;
      markKey = key;
      const byFrame = new Map<number, string[]>();
      const add = (f: number, label: string): void => {
        const list = byFrame.get(f) ?? [];
        if (!list.includes(label)) list.push(label);
        byFrame.set(f, list);
      };
      for (const e of events) {
        const label = LABELS[e.kind];
        if (label) add(e.frame, label);
      }
      if (onsetFrame !== null) add(onsetFrame, impossible ? 'magic' : 'onset (twin)');
      let prevAt = -Infinity;
      let lastLow = true;
      let anyLow = false;
      marks.replaceChildren(...[...byFrame].sort((a, b) => a[0] - b[0]).map(([f, labels]) => {
        const magic = labels.some((l) => l === 'magic');
        const at = (100 * f) / Math.max(frames, 1);
        // A label close to the previous one drops to a second row, so neighbours do not overlap.
        const low = at - prevAt < CROWDED_PCT && !lastLow;
        prevAt = at;
        lastLow = low;
        anyLow ||= low;
        return h('div', { class: `timeline-mark${magic ? ' is-magic' : ''}${low ? ' is-low' : ''}`, style: `left:${at}%`, title: `frame ${f}: ${labels.join(', ')}` },
          h('span', {}, labels.join(' · ')));
      }));
      element.classList.toggle('has-low', anyLow);
    },
  };
}
