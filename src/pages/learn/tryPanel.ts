// "Try it": a saved checkpoint watches one matched pair of car-off-platform (the car falls; the car
// floats) and its surprise per frame is drawn for both, with the verdict. Loaded through
// savedModels, exactly as the playground loads it; scored on the main thread, on request.
import { h } from '../../ui/dom';
import { HORIZON } from '../../predictor/constants';
import { createLineChart } from './lineChart';

export interface TryResult { name: string; experienceFrames: number; possible: number; impossible: number; frames: number; onset: number | null }

export interface TryPanel { tryIt(name: string): Promise<TryResult | null>; readonly last: TryResult | null }

export function mountTryPanel(root: HTMLElement): TryPanel {
  const title = h('p', { class: 'try-title', 'data-testid': 'try-title' }, 'Pick "Try it" on a saved checkpoint to see its surprise on the car pushed off a platform.');
  const verdict = h('p', { class: 'try-verdict', 'data-testid': 'try-verdict' });
  const chartHost = h('div', { class: 'chart', 'data-testid': 'try-chart' });
  root.append(h('h2', { class: 'panel-title' }, 'Try it: car off the platform'), title, chartHost, verdict);
  const chart = createLineChart(chartHost, { yLabel: 'surprise', xLabel: 'frame (1/60 s)', points: false, height: 170 });
  chart.reset([{ label: 'car falls (possible)', colour: '#3d7dd8' }, { label: 'car floats (impossible)', colour: '#e4572e' }]);
  let last: TryResult | null = null;

  return {
    async tryIt(name) {
      title.textContent = `Loading ${name}…`;
      verdict.textContent = '';
      try {
        // TF.js and the scoring load only now: the page itself never trains or scores.
        const { scoreCarPair } = await import('./tryScore');
        const scored = await scoreCarPair(name, (frames) => { title.textContent = `${name} (${frames} frames of experience) watches both trials…`; });
        const { traces, pair } = scored;
        chart.reset([{ label: 'car falls (possible)', colour: '#3d7dd8' }, { label: 'car floats (impossible)', colour: '#e4572e' }]);
        traces.forEach((trace, k) => trace.total.forEach((v, t) => { if (Number.isFinite(v)) chart.add(t, k, v); }));
        const [p, q] = scored.scores;
        last = { name, experienceFrames: scored.experienceFrames, possible: p, impossible: q, frames: pair.possible.length, onset: pair.onset };
        title.textContent = `${name}: surprise per frame (rollout over ${HORIZON} steps, so the line starts at frame ${HORIZON}).`;
        verdict.textContent = q > p
          ? `More surprised by the floating car (mean ${q.toFixed(1)}) than by the falling one (${p.toFixed(1)}): it expects unsupported things to fall.`
          : `More surprised by the falling car (mean ${p.toFixed(1)}) than by the floating one (${q.toFixed(1)}): like a young infant, it does not yet expect the fall.`;
        return last;
      } catch (e) {
        title.textContent = `Could not try ${name}: ${e instanceof Error ? e.message : String(e)}`;
        return null;
      }
    },
    get last() { return last; },
  };
}
