// The Plan screen's entry: a seeded basket task drawn on the stage, a basket a person may move,
// planners that plan a push with their own world model, and their real runs side by side.
import '../../web/strictCsp';
import { registerOffline } from '../../offline/registerOffline';
import '../../web/screen.css';
import './plan.css';
import { byId } from '../../ui/dom';
import { ModelLibrary } from '../../web/modelLibrary';
import { startTfWasm } from '../../web/tfSetup';
import { APP_VERSIONS } from '../../web/appVersions';
import { ORACLE, type Observer } from '../../experiment/observers';
import { generateTask, type PlanTask } from '../../experiment/planning/planTask';
import type { PlanProblem } from '../../experiment/planning/planProblem';
import { DEFAULT_CEM, type CemSettings } from '../../experiment/planning/planner';
import { cemSeedFor } from '../../experiment/planning/planSuite';
import { planPathsSvg } from '../../experiment/planning/planPathsSvg';
import { parseColor } from '../../render/palette';
import type { ModelChoice } from '../../web/modelChoice';
import { observerColour } from '../../web/observerColours';
import { downloadFile, fileStem } from '../../web/downloads';
import { installPlanHook } from './planHook';
import { isMoved, moveBasket, zoneMiddle } from './movedTask';
import { planQueryString, readPlanQuery, type PlanQuery } from './planUrl';
import { mountTaskPanel, type TaskForm } from './taskPanel';
import { createPlanStage } from './planStage';
import { mountPlanResults, type ResultRow } from './planResults';
import { planRound, type RoundEntry } from './planRound';
import { outcomeMark, roundVerdict } from './planVerdict';
import { realRun, stillSnapshot } from './realRun';
import { checkReach, reachWords } from './reachability';

const hook = installPlanHook();
const alertBox = byId('plan-alert');
const status = byId('plan-status');
const stageTitle = byId('plan-stage-title');

function alert(text: string | null, isError = true): void {
  alertBox.hidden = text === null;
  alertBox.classList.toggle('is-error', isError);
  alertBox.textContent = text ?? '';
}

const library = new ModelLibrary();
const { models, error: modelError } = await library.list();
const coloured = models.map((m) => ({ model: m.id, kind: m.kind, experience_frames: Number.isFinite(m.experienceFrames) ? m.experienceFrames : null }));
const colourOf = (id: string): string => {
  const c = coloured.find((m) => m.model === id);
  return c ? observerColour(c, coloured) : '#555555';
};
/** How a planner is named in the table and in sentences. */
const nameOf = (id: string): string => (id === 'oracle' ? 'the ideal observer' : models.find((m) => m.id === id)?.label ?? id);
const { query: initial, ignored } = readPlanQuery(location.search, models.map((m) => m.id));
const notes = [modelError, ignored.length > 0 ? `Not understood in the address, so left out: ${ignored.join(', ')}.` : null].filter(Boolean);
if (notes.length > 0) alert(notes.join(' '), false);

let query: PlanQuery = initial;
let task: PlanTask | null = null;
let problem: PlanProblem | null = null;
let entries: RoundEntry[] = [];
let busy = false;
let reachToken = 0;

const writeUrl = (): void => history.replaceState(null, '', `${planQueryString(query)}${location.hash}`);

const panel = mountTaskPanel(byId('task-panel'), models.map((m) => ({ id: m.id, label: m.id === 'oracle' ? 'ideal observer (the simulator)' : m.label, note: m.note, colour: colourOf(m.id) })),
  { ...query }, {
    taskChanged: (form) => void loadTask(form, null),
    plannersChanged: (ids) => { query = { ...query, models: ids }; hook.planners = ids; writeUrl(); },
    plan: () => void plan(),
  });
const results = mountPlanResults(byId('results-panel'), {
  play: (id) => void play(id),
  exportJson: () => exportJson(),
  exportSvg: () => exportSvg(),
});
const stageHost = byId('plan-stage');
const stage = await createPlanStage(stageHost, { moveBasket: (x, settled) => move(x, settled) });
const showPaths = byId<HTMLInputElement>('plan-show-paths');
showPaths.addEventListener('change', () => { stage.setPathsVisible(showPaths.checked); hook.drawn = stage.drawn(); });
hook.renderer = stage.renderer;
hook.planners = query.models;

const objectWord = (): string => task?.kind ?? 'object';

function pushWords(p: PlanProblem): string {
  const { vx, vy } = p.actions;
  const way = vx[0] >= 0 ? 'to the right' : 'to the left';
  const lift = vy[1] > 0 ? `, lifted 0–${vy[1].toFixed(1)} m/s` : '';
  return `pushes ${way} at ${Math.min(Math.abs(vx[0]), Math.abs(vx[1])).toFixed(2)}–${Math.max(Math.abs(vx[0]), Math.abs(vx[1])).toFixed(2)} m/s${lift}`;
}

/** Draws the current problem still, clears old plans and says where the basket is. */
function showProblem(): void {
  if (!task || !problem) return;
  stage.stop();
  stage.show(problem, stillSnapshot(problem));
  stage.setPaths([]);
  entries = [];
  hook.results = {};
  hook.drawn = {};
  hook.verdict = '';
  hook.playing = null;
  hook.taskId = task.id;
  hook.zone = { ...problem.zone };
  hook.actions = problem.actions;
  hook.moved = isMoved(task, problem);
  stageTitle.textContent = `Task ${task.id}: get the ${task.kind} into the basket`;
  stageHost.setAttribute('aria-label', `Task ${task.id}: a ${task.kind} on a platform and a basket at ${zoneMiddle(problem.zone).toFixed(2)} m. Left and right arrow keys move the basket; Enter plans.`);
}

async function loadTask(form: TaskForm, x: number | null): Promise<void> {
  if (busy) return;
  hook.state = 'loading';
  status.textContent = `Drawing task ${form.family}-${form.seed}-${form.task}…`;
  await new Promise((ok) => setTimeout(ok, 0));
  try {
    task = generateTask(form.family, form.seed, form.task);
  } catch (e) {
    hook.state = 'error';
    hook.error = e instanceof Error ? e.message : String(e);
    status.textContent = '';
    alert(`This task could not be drawn: ${hook.error}. Try another number or seed.`);
    return;
  }
  problem = x === null ? task : moveBasket(task, x);
  query = { ...query, ...form, x: x === null ? null : zoneMiddle(problem.zone) };
  writeUrl();
  showProblem();
  results.clear('No plans yet for this task: press Plan.');
  hook.reach = null;
  reachToken++;
  if (x === null) {
    const w = task.witness;
    status.textContent = `Solvable by construction: the simulator lands it with a push of ${w.vx.toFixed(2)} m/s${w.vy > 0 ? ` and ${w.vy.toFixed(2)} m/s up` : ''}. Planners choose among ${pushWords(problem)}. Drag the basket (or focus the stage and use ←/→) to move it.`;
  } else void reach();
  hook.state = 'idle';
}

/** The basket moved: new world and push range, old plans dropped; the reach is checked once it settles. */
function move(x: number, settled: boolean): void {
  if (!task || busy) return;
  problem = moveBasket(task, x);
  const moved = isMoved(task, problem);
  query = { ...query, x: moved ? zoneMiddle(problem.zone) : null };
  showProblem();
  results.clear('The basket moved: press Plan for new plans.');
  hook.state = 'idle';
  reachToken++;
  hook.reach = null;
  status.textContent = `Basket at ${zoneMiddle(problem.zone).toFixed(2)} m; planners choose among ${pushWords(problem)}.`;
  if (settled) {
    writeUrl();
    void reach();
  }
}

async function reach(): Promise<void> {
  if (!problem) return;
  const token = ++reachToken;
  const p = problem;
  status.textContent = `Basket at ${zoneMiddle(p.zone).toFixed(2)} m (${pushWords(p)}). Checking whether the simulator can still land it…`;
  const r = await checkReach(p, () => token !== reachToken || busy);
  if (!r || token !== reachToken) return;
  hook.reach = { landed: r.landed, total: r.total };
  status.textContent = `Basket at ${zoneMiddle(p.zone).toFixed(2)} m (${pushWords(p)}). ${reachWords(r)}`;
}

async function observerFor(id: string): Promise<Observer> {
  const choice: ModelChoice | undefined = models.find((m) => m.id === id);
  if (!choice) throw new Error(`planner "${id}" is not available on this page`);
  if (choice.kind === 'oracle') return ORACLE;
  if (choice.kind === 'learned') await startTfWasm();
  return library.predictor(choice);
}

const rowsOf = (list: readonly RoundEntry[]): ResultRow[] => list.map((e) => ({
  id: e.id, label: nameOf(e.id).replace(/^the /, ''), colour: colourOf(e.id), outcome: e.outcome, planMs: e.planMs, mark: outcomeMark(problem!, e.outcome),
}));

async function plan(): Promise<void> {
  const form = panel.readTask();
  const ids = panel.planners();
  if (busy || !form || ids.length === 0) return;
  if (!task || form.family !== task.family || form.seed !== task.seed || form.task !== task.index) await loadTask(form, null);
  if (!problem || !task) return;
  const p = problem;
  // The CLI's search seed for this task: the browser makes the very plans `lab plan` makes.
  const cem = cemOf(task);
  busy = true;
  reachToken++;
  panel.setBusy(true);
  results.setBusy(true);
  stage.setMovable(false);
  stage.stop();
  stage.show(p, stillSnapshot(p));
  stage.setPaths([]);
  hook.state = 'planning';
  hook.results = {};
  hook.verdict = '';
  alert(null);
  results.clear('Planning…');
  try {
    entries = await planRound(p, cem, ids, {
      starting: (id, i, n) => { status.textContent = `Planning with ${nameOf(id)} (${i + 1} of ${n})…`; },
      observer: observerFor,
      finished: (list) => {
        stage.setPaths(list.map((e) => ({ id: e.id, colour: parseColor(colourOf(e.id), 0x555555), predicted: e.outcome.predictedPath, real: e.outcome.realPath })));
        hook.drawn = stage.drawn();
        results.show(rowsOf(list), null);
        for (const e of list) {
          const o = e.outcome;
          hook.results[e.id] = {
            action: o.action, success: o.success, predictedPathLength: o.predictedPath.length, realPathLength: o.realPath.length,
            cost: o.cost, predictedEntryX: o.predictedEntryX, realEntryX: o.realEntryX, evaluations: o.evaluations, planMs: e.planMs,
          };
        }
      },
    });
  } catch (e) {
    hook.state = 'error';
    hook.error = e instanceof Error ? e.message : String(e);
    alert(`Planning stopped: ${hook.error}`);
    status.textContent = '';
    return;
  } finally {
    busy = false;
    panel.setBusy(false);
    results.setBusy(false);
    stage.setMovable(true);
  }
  const verdict = roundVerdict(p, entries.map((e) => ({ id: e.id, name: nameOf(e.id), outcome: e.outcome })), objectWord());
  hook.verdict = verdict;
  results.show(rowsOf(entries), verdict);
  // The real run shown first: the first learner's (the one the screen is about), else the first planner's.
  const first = entries.find((e) => models.find((m) => m.id === e.id)?.kind === 'learned') ?? entries[0];
  if (first) await play(first.id);
}

const cemOf = (t: PlanTask): CemSettings => ({ ...DEFAULT_CEM, seed: cemSeedFor(DEFAULT_CEM, t) });

async function play(id: string): Promise<void> {
  const e = entries.find((x) => x.id === id);
  if (!e || !problem || busy) return;
  stage.stop();
  await new Promise((ok) => setTimeout(ok, 0));
  const run = realRun(problem, e.outcome.action);
  hook.state = 'playing';
  hook.playing = id;
  results.setPlaying(id);
  status.textContent = `The real simulation of ${nameOf(id)}’s push (${e.outcome.action.vx.toFixed(2)}, ${e.outcome.action.vy.toFixed(2)} m/s)…`;
  const end = await stage.play(run.world, run.snapshots, { text: `${nameOf(id).replace(/^the /, '')}: ${outcomeMark(problem, e.outcome)}`, colour: colourOf(id), side: e.outcome.action.vx < 0 ? -1 : 1 });
  if (end === 'ended' && hook.playing === id) {
    hook.state = 'done';
    status.textContent = `${nameOf(id)}’s push, really: ${outcomeMark(problem, e.outcome)}. ▶ Watch in the table shows another planner’s run.`;
  }
}

function exportJson(): void {
  if (!task || !problem || entries.length === 0) return;
  const data = {
    kind: 'surprise-lab-plan', versions: APP_VERSIONS, cem: cemOf(task),
    task: { id: task.id, family: task.family, seed: task.seed, index: task.index, object: task.kind, basket_moved: isMoved(task, problem), problem },
    verdict: hook.verdict,
    results: entries.map((e) => ({ planner: e.id, plan_ms: Math.round(e.planMs), ...e.outcome })),
  };
  downloadFile(`${fileStem(`plan-${task.id}`)}.json`, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}

function exportSvg(): void {
  if (!task || !problem || entries.length === 0) return;
  const svg = planPathsSvg(problem, entries.map((e) => e.outcome), `${task.id}${isMoved(task, problem) ? ' (basket moved)' : ''}: predicted (dashed) and real (solid) paths`);
  downloadFile(`${fileStem(`plan-${task.id}`)}.svg`, svg, 'image/svg+xml');
}

// Enter plans from anywhere but a control that Enter already works (buttons, links, the family list).
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || e.repeat || e.altKey || e.ctrlKey || e.metaKey) return;
  const t = e.target as HTMLElement | null;
  if (t?.closest('button, a, select, textarea, summary')) return;
  e.preventDefault();
  void plan();
});

await loadTask(query, query.x);
hook.ready = true;
registerOffline();
