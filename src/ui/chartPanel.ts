// The surprise panel: the meter (each observer's surprise now), the live chart, and the timeline
// with the trial's events. Everything in it is updated each frame from the trial, not the store.
import type { Commands } from './commands';
import { h } from './dom';
import { createSurpriseChart } from './surpriseChart';
import { createSurpriseMeter } from './surpriseMeter';
import { createSurpriseAnnouncer } from './surpriseAnnouncer';
import type { SurpriseSource } from './surpriseSource';
import { createTimeline } from './timeline';

export interface ChartPanel {
  update(source: SurpriseSource, now: number): void;
  lines(): number;
  /** Redraws in the page's current type size. */
  restyle(): void;
}

export function mountChartPanel(root: HTMLElement, commands: Pick<Commands, 'seek'>): ChartPanel {
  const meter = createSurpriseMeter();
  const chartHost = h('div', { class: 'chart-host', id: 'surprise-chart', 'data-testid': 'chart' });
  const timeline = createTimeline(commands);
  const announcer = createSurpriseAnnouncer();
  root.append(
    h('div', { class: 'panel-head' },
      h('h3', { class: 'panel-title' }, 'Surprise'),
      h('span', { class: 'muted small' }, 'per physics step · how far what happened was from what each observer expected')),
    meter.element,
    chartHost,
    timeline.element,
    announcer.element,
  );
  const chart = createSurpriseChart(chartHost);
  const scaleButtons = (['log', 'linear'] as const).map((m) => {
    const b = h('button', { class: 'seg seg-small', type: 'button', 'aria-pressed': String(m === 'log'), 'data-testid': `scale-${m}` }, m === 'log' ? 'log scale' : 'linear');
    b.addEventListener('click', () => {
      chart.setScale(m);
      for (const other of scaleButtons) other.setAttribute('aria-pressed', String(other === b));
    });
    return b;
  });
  root.querySelector('.panel-head')!.append(h('span', { class: 'segmented scale-choice', role: 'group', 'aria-label': 'Surprise scale' }, ...scaleButtons));
  const caption = h('p', { class: 'chart-caption', 'data-testid': 'chart-caption' });
  timeline.element.after(caption);
  let captionKey = '';
  let insetKey = '';
  return {
    lines: () => chart.lines(),
    restyle: () => chart.restyle(),
    update(source, now) {
      meter.update(source);
      const pushed = source.marks().some((m) => m.kind === 'push');
      const said = `${source.otherCondition ?? ''}|${pushed}`;
      if (said !== captionKey) {
        captionKey = said;
        caption.replaceChildren(
          ...(source.otherCondition ? [h('span', { class: 'faint-key' }), `dashed: the same observers on the ${source.otherCondition} version of this trial, on the same scale. `] : []),
          ...(pushed ? ['The push is a surprise too (nothing before it foretells the hand); what matters is who rises after the violation mark.'] : []));
      }
      announcer.update(source, now);
      chart.update(source, now);
      const long = source.frames > 1200;
      const range = long
        ? { from: source.first, to: Math.max(source.head, source.first + 600), first: source.first, head: source.head }
        : { from: 0, to: source.frames, first: source.first, head: source.head };
      timeline.update(source.cursor, range, source.marks());
      // The timeline's track lines up with the chart's time axis.
      const inset = chart.inset();
      const key = inset ? `${Math.round(inset.left)}|${Math.round(inset.right)}` : '';
      if (inset && key !== insetKey) {
        insetKey = key;
        timeline.element.style.paddingLeft = `${inset.left}px`;
        timeline.element.style.paddingRight = `${inset.right}px`;
      }
    },
  };
}
