// The timeline under the chart: the playhead, and markers for the trial's events. Click or drag
// on it to scrub through the recent past (the chart's playhead follows). Updated every frame
// straight from the trial, outside the store.
import type { Commands } from './commands';
import { h } from './dom';
import type { Mark } from './chartMarks';

export interface TimelineRange {
  /** Frames shown from left to right. */
  from: number;
  to: number;
  /** Frames that can be scrubbed to (the history held). */
  first: number;
  head: number;
}

export interface Timeline {
  readonly element: HTMLElement;
  update(frame: number, range: TimelineRange, marks: readonly Mark[]): void;
}

/** Least space between two labels on one row (CSS pixels). */
const LABEL_GAP_PX = 8;

export function createTimeline(commands: Pick<Commands, 'seek'>): Timeline {
  const fill = h('div', { class: 'timeline-fill' });
  const known = h('div', { class: 'timeline-known' });
  const head = h('div', { class: 'timeline-head' });
  const marksEl = h('div', { class: 'timeline-marks' });
  const track = h('div', { class: 'timeline-track' }, known, fill, marksEl, head);
  const element = h('div', {
    class: 'timeline', 'data-testid': 'timeline', role: 'slider', tabindex: -1,
    'aria-label': 'Time: click or drag to scrub through the recent past', title: 'Click or drag to scrub (← and → step)',
  }, track);
  let markKey = '';
  let lastPct = -1;
  let lastKnown = -1;
  let range: TimelineRange = { from: 0, to: 1, first: 0, head: 0 };

  const frameAt = (clientX: number): number => {
    const r = track.getBoundingClientRect();
    const u = Math.min(Math.max((clientX - r.left) / Math.max(r.width, 1), 0), 1);
    return Math.min(Math.max(Math.round(range.from + u * (range.to - range.from)), range.first), range.head);
  };
  let scrubbing = false;
  element.addEventListener('pointerdown', (e) => {
    scrubbing = true;
    element.setPointerCapture(e.pointerId);
    commands.seek(frameAt(e.clientX));
    e.preventDefault();
  });
  element.addEventListener('pointermove', (e) => {
    if (scrubbing) commands.seek(frameAt(e.clientX));
  });
  const stop = (): void => { scrubbing = false; };
  element.addEventListener('pointerup', stop);
  element.addEventListener('pointercancel', stop);

  const pctOf = (f: number): number => Math.min(100, Math.max(0, (100 * (f - range.from)) / Math.max(range.to - range.from, 1)));

  return {
    element,
    update(frame, r, marks) {
      const moved = r.from !== range.from || r.to !== range.to;
      range = r;
      element.setAttribute('aria-valuenow', String(frame));
      const pct = pctOf(frame);
      if (Math.abs(pct - lastPct) > 0.01 || moved) {
        fill.style.width = `${pct}%`;
        head.style.left = `${pct}%`;
        lastPct = pct;
      }
      const knownPct = pctOf(r.head);
      if (Math.abs(knownPct - lastKnown) > 0.01 || moved) {
        known.style.width = `${knownPct}%`;
        lastKnown = knownPct;
      }
      const key = `${r.from}|${r.to}|${Math.round(track.clientWidth / 40)}|${marks.map((m) => `${m.frame}${m.kind}`).join(',')}`;
      if (key === markKey) return;
      markKey = key;
      const byFrame = new Map<number, Mark[]>();
      for (const m of marks) {
        if (m.frame < r.from || m.frame > r.to) continue;
        byFrame.set(m.frame, [...(byFrame.get(m.frame) ?? []), m]);
      }
      const placed = [...byFrame].sort((a, b) => a[0] - b[0]).map(([f, list]) => {
        const magic = list.some((m) => m.kind === 'magic' || m.kind === 'twin');
        const labels = list.map((m) => m.label).join(' · ');
        const span = h('span', {}, labels);
        return { span, el: h('div', { class: `timeline-mark${magic ? ' is-magic' : ''}`, style: `left:${pctOf(f)}%`, title: `frame ${f}: ${labels}` }, span) };
      });
      marksEl.replaceChildren(...placed.map((p) => p.el));
      // Each label takes the first row where it clears every label already there (measured, so
      // long labels and narrow windows are handled alike); a second row makes room below.
      const rowRight: number[] = [];
      let anyLow = false;
      for (const p of placed) {
        const box = p.span.getBoundingClientRect();
        let row = rowRight.findIndex((right) => box.left > right + LABEL_GAP_PX);
        if (row < 0) row = rowRight.length;
        const width = box.right - box.left;
        rowRight[row] = box.left + width;
        if (row > 0) {
          anyLow = true;
          p.el.classList.add('is-low');
          p.span.style.top = `${16 + 18 * row}px`;
        }
      }
      element.classList.toggle('has-low', anyLow);
    },
  };
}
