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
      marks.replaceChildren(...[...byFrame].sort((a, b) => a[0] - b[0]).map(([f, labels], i) => {
        const magic = labels.some((l) => l === 'magic');
        // Every other label sits lower, so that neighbours do not overlap in a narrow window.
        return h('div', { class: `timeline-mark${magic ? ' is-magic' : ''}${i % 2 === 1 ? ' is-low' : ''}`, style: `left:${(100 * f) / Math.max(frames, 1)}%`, title: `frame ${f}: ${labels.join(', ')}` },
          h('span', {}, labels.join(' · ')));
      }));
    },
  };
}
