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
import { installPlanHook, mirrorPlanStore } from './planHook';
import { isMoved, moveBasket, zoneMiddle } from './movedTask';
import { planQueryString, readPlanQuery, type PlanQuery } from './planUrl';
import { createPlanStore } from './planStore';
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

const store = createPlanStore(initial, models.map((m) => m.id));
const act = store.getState();
mirrorPlanStore(hook, store);

const writeUrl = (): void => history.replaceState(null, '', `${planQueryString(store.getState().query)}${location.hash}`);

const panel = mountTaskPanel(byId('task-panel'), models.map((m) => ({ id: m.id, label: m.id === 'oracle' ? 'ideal observer (the simulator)' : m.label, note: m.note, colour: colourOf(m.id) })),
  { ...initial }, {
    taskEdited: (form) => act.taskEdited(form),
    taskChanged: (form) => void loadTask(form, null),
    plannersChanged: (ids) => { act.plannersChosen(ids); writeUrl(); },
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
showPaths.addEventListener('change', () => { stage.setPathsVisible(showPaths.checked); act.drawnChanged(stage.drawn()); });
act.rendererChosen(stage.renderer);

const objectWord = (): string => store.getState().task?.kind ?? 'object';

function pushWords(p: PlanProblem): string {
  const { vx, vy } = p.actions;
  const way = vx[0] >= 0 ? 'to the right' : 'to the left';
  const lift = vy[1] > 0 ? `, lifted 0–${vy[1].toFixed(1)} m/s` : '';
  return `pushes ${way} at ${Math.min(Math.abs(vx[0]), Math.abs(vx[1])).toFixed(2)}–${Math.max(Math.abs(vx[0]), Math.abs(vx[1])).toFixed(2)} m/s${lift}`;
}

/** Draws the current problem still, clears old plans and says where the basket is. */
function showProblem(task: PlanTask, problem: PlanProblem, query: PlanQuery): void {
  stage.stop();
  stage.show(problem, stillSnapshot(problem));
  stage.setPaths([]);
  act.problemShown(task, problem, query);
  stageTitle.textContent = `Task ${task.id}: get the ${task.kind} into the basket`;
  stageHost.setAttribute('aria-label', `Task ${task.id}: a ${task.kind} on a platform and a basket at ${zoneMiddle(problem.zone).toFixed(2)} m. Left and right arrow keys move the basket; Enter plans.`);
}

async function loadTask(form: TaskForm, x: number | null): Promise<void> {
  if (store.getState().busy) return;
  act.taskLoading();
  status.textContent = `Drawing task ${form.family}-${form.seed}-${form.task}…`;
  await new Promise((ok) => setTimeout(ok, 0));
  let task: PlanTask;
  try {
    task = generateTask(form.family, form.seed, form.task);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    act.taskFailed(message);
    status.textContent = '';
    alert(`This task could not be drawn: ${message}. Try another number or seed.`);
    return;
  }
  const problem = x === null ? task : moveBasket(task, x);
  showProblem(task, problem, { ...store.getState().query, ...form, x: x === null ? null : zoneMiddle(problem.zone) });
  writeUrl();
  results.clear('No plans yet for this task: press Plan.');
  act.reachStarted();
  if (x === null) {
    const w = task.witness;
    status.textContent = `Solvable by construction: the simulator lands it with a push of ${w.vx.toFixed(2)} m/s${w.vy > 0 ? ` and ${w.vy.toFixed(2)} m/s up` : ''}. Planners choose among ${pushWords(problem)}. Drag the basket (or focus the stage and use ←/→) to move it.`;
  } else void reach();
  act.settled();
}

/** The basket moved: new world and push range, old plans dropped; the reach is checked once it settles. */
function move(x: number, settled: boolean): void {
  const { task, busy, query } = store.getState();
  if (!task || busy) return;
  const problem = moveBasket(task, x);
  showProblem(task, problem, { ...query, x: isMoved(task, problem) ? zoneMiddle(problem.zone) : null });
  results.clear('The basket moved: press Plan for new plans.');
  act.settled();
  act.reachStarted();
  status.textContent = `Basket at ${zoneMiddle(problem.zone).toFixed(2)} m; planners choose among ${pushWords(problem)}.`;
  if (settled) {
    writeUrl();
    void reach();
  }
}

async function reach(): Promise<void> {
  const p = store.getState().problem;
  if (!p) return;
  const token = act.reachStarted();
  status.textContent = `Basket at ${zoneMiddle(p.zone).toFixed(2)} m (${pushWords(p)}). Checking whether the simulator can still land it…`;
  const r = await checkReach(p, () => token !== store.getState().reachToken || store.getState().busy);
  if (!r || token !== store.getState().reachToken) return;
  act.reachChecked(token, { landed: r.landed, total: r.total });
  status.textContent = `Basket at ${zoneMiddle(p.zone).toFixed(2)} m (${pushWords(p)}). ${reachWords(r)}`;
}

async function observerFor(id: string): Promise<Observer> {
  const choice: ModelChoice | undefined = models.find((m) => m.id === id);
  if (!choice) throw new Error(`planner "${id}" is not available on this page`);
  if (choice.kind === 'oracle') return ORACLE;
  if (choice.kind === 'learned') await startTfWasm();
  return library.predictor(choice);
}

const rowsOf = (p: PlanProblem, list: readonly RoundEntry[]): ResultRow[] => list.map((e) => ({
  id: e.id, label: nameOf(e.id).replace(/^the /, ''), colour: colourOf(e.id), outcome: e.outcome, planMs: e.planMs, mark: outcomeMark(p, e.outcome),
}));

async function plan(): Promise<void> {
  const { busy, typedTask: form, planners: ids, task: shown } = store.getState();
  if (busy || !form || ids.length === 0) return;
  if (!shown || form.family !== shown.family || form.seed !== shown.seed || form.task !== shown.index) await loadTask(form, null);
  const { problem: p, task } = store.getState();
  if (!p || !task) return;
  // The CLI's search seed for this task: the browser makes the very plans `lab plan` makes.
  const cem = cemOf(task);
  act.planningStarted();
  panel.setBusy(true);
  results.setBusy(true);
  stage.setMovable(false);
  stage.stop();
  stage.show(p, stillSnapshot(p));
  stage.setPaths([]);
  alert(null);
  results.clear('Planning…');
  let entries: RoundEntry[];
  try {
    entries = await planRound(p, cem, ids, {
      starting: (id, i, n) => { status.textContent = `Planning with ${nameOf(id)} (${i + 1} of ${n})…`; },
      observer: observerFor,
      finished: (list) => {
        stage.setPaths(list.map((e) => ({ id: e.id, colour: parseColor(colourOf(e.id), 0x555555), predicted: e.outcome.predictedPath, real: e.outcome.realPath })));
        act.drawnChanged(stage.drawn());
        act.roundProgress(list);
        results.show(rowsOf(p, list), null);
      },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    act.planningFailed(message);
    alert(`Planning stopped: ${message}`);
    status.textContent = '';
    return;
  } finally {
    act.planningEnded();
    panel.setBusy(false);
    results.setBusy(false);
    stage.setMovable(true);
  }
  const verdict = roundVerdict(p, entries.map((e) => ({ id: e.id, name: nameOf(e.id), outcome: e.outcome })), objectWord());
  act.roundProgress(entries);
  act.verdictReached(verdict);
  results.show(rowsOf(p, entries), verdict);
  // The real run shown first: the first learner's (the one the screen is about), else the first planner's.
  const first = entries.find((e) => models.find((m) => m.id === e.id)?.kind === 'learned') ?? entries[0];
  if (first) await play(first.id);
}

const cemOf = (t: PlanTask): CemSettings => ({ ...DEFAULT_CEM, seed: cemSeedFor(DEFAULT_CEM, t) });

async function play(id: string): Promise<void> {
  const { entries, problem, busy } = store.getState();
  const e = entries.find((x) => x.id === id);
  if (!e || !problem || busy) return;
  stage.stop();
  await new Promise((ok) => setTimeout(ok, 0));
  const run = realRun(problem, e.outcome.action);
  act.playStarted(id);
  results.setPlaying(id);
  status.textContent = `The real simulation of ${nameOf(id)}’s push (${e.outcome.action.vx.toFixed(2)}, ${e.outcome.action.vy.toFixed(2)} m/s)…`;
  const end = await stage.play(run.world, run.snapshots, { text: `${nameOf(id).replace(/^the /, '')}: ${outcomeMark(problem, e.outcome)}`, colour: colourOf(id), side: e.outcome.action.vx < 0 ? -1 : 1 });
  if (end === 'ended' && act.playEnded(id)) {
    status.textContent = `${nameOf(id)}’s push, really: ${outcomeMark(problem, e.outcome)}. ▶ Watch in the table shows another planner’s run.`;
  }
}

function exportJson(): void {
  const { task, problem, entries, verdict } = store.getState();
  if (!task || !problem || entries.length === 0) return;
  const data = {
    kind: 'surprise-lab-plan', versions: APP_VERSIONS, cem: cemOf(task),
    task: { id: task.id, family: task.family, seed: task.seed, index: task.index, object: task.kind, basket_moved: isMoved(task, problem), problem },
    verdict,
    results: entries.map((e) => ({ planner: e.id, plan_ms: Math.round(e.planMs), ...e.outcome })),
  };
  downloadFile(`${fileStem(`plan-${task.id}`)}.json`, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}

function exportSvg(): void {
  const { task, problem, entries } = store.getState();
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

await loadTask(initial, initial.x);
act.markReady();
registerOffline();
