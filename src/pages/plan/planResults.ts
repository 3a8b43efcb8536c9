// The Plan screen's results: the round's verdict in plain words, a row per planner (its push, where
// it expected the object to come down and where it did, the error, success, time, paths tried, and
// a button to watch its real run), and the downloads (JSON of task and results, SVG of the paths).
import type { PlanOutcome } from '../../experiment/planning/planAndExecute';
import { h } from '../../ui/dom';

export interface ResultRow {
  id: string;
  label: string;
  colour: string;
  outcome: PlanOutcome;
  /** Wall-clock time of the search and the real run (ms). */
  planMs: number;
  mark: string;
}

export interface PlanResults {
  /** No results (yet, or no longer): the message says why. */
  clear(message: string): void;
  /** Rows so far (a round fills in planner by planner); the verdict once the round is over. */
  show(rows: readonly ResultRow[], verdict: string | null): void;
  /** Which row's real run is on the stage. */
  setPlaying(id: string | null): void;
  setBusy(busy: boolean): void;
}

export interface ResultActions { play(id: string): void; exportJson(): void; exportSvg(): void }

const m = (x: number | null, digits = 2): string => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const HEAD = ['planner', 'push vx, vy (m/s)', 'predicted landing x (m)', 'real landing x (m)', 'prediction error (m)', 'outcome', 'plan time (ms)', 'paths tried', 'real run'];
/** Each cell carries its column's name, which narrow screens show beside it (the table becomes a list). */
const cell = (col: number, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement => h('td', { ...attrs, 'data-label': HEAD[col]! }, ...children);

export function mountPlanResults(host: HTMLElement, actions: ResultActions): PlanResults {
  const verdict = h('p', { class: 'results-sentence', 'data-testid': 'plan-verdict', 'aria-live': 'polite' });
  const empty = h('p', { class: 'muted', 'data-testid': 'plan-results-empty' }, 'No plans yet: pick planners and press Plan.');
  const rowsEl = h('tbody', { 'data-testid': 'plan-rows' });
  const table = h('div', { class: 'table-wrap', hidden: true }, h('table', { class: 'data plan-table', 'data-testid': 'plan-table' },
    h('caption', { class: 'visually-hidden' }, 'Each planner’s chosen push and what became of it'),
    h('thead', {}, h('tr', {}, ...HEAD.map((t) => h('th', { scope: 'col' }, t)))), rowsEl));
  const json = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'plan-export-json' }, 'Task and results (JSON)');
  const svg = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'plan-export-svg' }, 'Paths figure (SVG)');
  const exports = h('div', { class: 'button-row', hidden: true }, h('span', { class: 'muted small' }, 'Download:'), json, svg);
  const note = h('p', { class: 'muted small', hidden: true },
    'Landing x: where the object’s centre comes down through the height of the basket’s rim (the planners’ cost is its distance from the middle of the mouth). Prediction error: distance between the predicted and the real centre at the last predicted frame. Plan time includes the real run.');
  host.replaceChildren(h('h2', { class: 'panel-title' }, 'Results'), empty, verdict, table, note, exports);
  json.addEventListener('click', actions.exportJson);
  svg.addEventListener('click', actions.exportSvg);
  let playing: string | null = null;
  let busy = false;
  const buttons = new Map<string, HTMLButtonElement>();

  const refreshButtons = (): void => {
    for (const [id, b] of buttons) {
      b.disabled = busy;
      b.setAttribute('aria-pressed', String(id === playing));
      b.classList.toggle('is-playing', id === playing);
    }
  };
  const row = (r: ResultRow): HTMLElement => {
    const o = r.outcome;
    const play = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': `plan-play-${r.id}`, 'aria-label': `Watch ${r.label}’s push in the real simulation` }, '▶ Watch');
    play.addEventListener('click', () => actions.play(r.id));
    buttons.set(r.id, play);
    return h('tr', { 'data-planner': r.id },
      h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${r.colour}`, 'aria-hidden': 'true' }), r.label),
      cell(1, {}, `${o.action.vx.toFixed(2)}, ${o.action.vy.toFixed(2)}`),
      cell(2, {}, m(o.predictedEntryX)),
      cell(3, {}, m(o.realEntryX)),
      cell(4, {}, m(o.predictionError)),
      cell(5, { class: o.success ? 'is-success' : 'is-miss', 'data-testid': `plan-outcome-${r.id}` }, r.mark),
      cell(6, {}, r.planMs.toFixed(0)),
      cell(7, {}, String(o.evaluations)),
      cell(8, { class: 'plan-watch' }, play));
  };

  return {
    clear(message) {
      empty.textContent = message;
      empty.hidden = false;
      verdict.textContent = '';
      table.hidden = true;
      note.hidden = true;
      exports.hidden = true;
      rowsEl.replaceChildren();
      buttons.clear();
    },
    show(rows, v) {
      buttons.clear();
      rowsEl.replaceChildren(...rows.map(row));
      empty.hidden = rows.length > 0;
      table.hidden = rows.length === 0;
      note.hidden = rows.length === 0;
      verdict.textContent = v ?? '';
      exports.hidden = v === null;
      refreshButtons();
    },
    setPlaying(id) { playing = id; refreshButtons(); },
    setBusy(next) { busy = next; json.disabled = next; svg.disabled = next; refreshButtons(); },
  };
}
