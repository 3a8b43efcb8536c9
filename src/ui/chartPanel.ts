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
  let insetKey = '';
  return {
    lines: () => chart.lines(),
    update(source, now) {
      meter.update(source);
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
