// The panel where the live surprise chart will go (once a predictor is wired in); for now it
// holds the trial's timeline with its events.
import { h } from './dom';
import { createTimeline, type Timeline } from './timeline';

export function mountChartPanel(root: HTMLElement): Timeline {
  const timeline = createTimeline();
  root.append(
    h('div', { class: 'panel-head' }, h('h3', { class: 'panel-title' }, 'Surprise'), h('span', { class: 'muted small' }, 'per step')),
    h('div', { class: 'chart-slot', id: 'surprise-chart', 'data-testid': 'chart-slot' },
      h('p', { class: 'muted' }, 'The learner’s surprise will be plotted here, step by step, beside the physics.')),
    timeline.element,
  );
  return timeline;
}
