// The Learn screen's entry: grows a learner in a Web Worker and draws what it posts (progress, loss
// and developmental curves, an episode thumbnail); saves, lists, exports and imports checkpoints.
// Several seeds grow a cohort, one seed after another in the same worker (the main thread only draws).
import '../../web/strictCsp';
import { registerOffline } from '../../offline/registerOffline';
import './learn.css';
import { byId, h } from '../../ui/dom';
import { SCENE_FILES } from '../../web/sceneFiles';
import { cleanName, readImportFiles, uniqueName } from '../../storage/checkpointFiles';
import { addStored, deleteStored, filesOf, getStored, listStored, onStoredChanged, type CheckpointSummary } from '../../storage/checkpointStore';
import type { FromWorker, RunState, SavedCheckpoint } from '../../worker/protocol';
import { DEFAULT_DIET } from '../../predictor/experience';
import { createLearnStore } from './learnStore';
import { createWorkerClient } from './workerClient';
import { mountRunPanel } from './runPanel';
import { mountDietPanel } from './dietPanel';
import { mountProgressPanel } from './progressPanel';
import { createEpisodeCanvas } from './episodeCanvas';
import { createLineChart } from './lineChart';
import { mountSavedPanel } from './savedPanel';
import { mountTryPanel } from './tryPanel';
import { buildConfig, formFromQuery, seedConfig } from './runForm';
import { cohortChartData, cohortChartLayout, cohortCurve } from './cohortCurve';
import type { LearnConfig } from '../../worker/protocol';
import { checkpointNameAt, markLabel, minutesOf } from '../../web/experienceMarks';
import { frameStats } from './frameStats';
import { installLearnHook } from './learnHook';
import { createCorePanel } from './corePanel';

const SCENE_COLOURS = ['#3d7dd8', '#2e9e6a', '#8e5bd0', '#c2417a', '#5b6770'];
/** The two support probes keep their colours whatever else is probed. */
const FIXED_COLOURS: Record<string, string> = { 'car-off-platform': '#e4572e', 'box-released-beyond-platform': '#e4a02e' };
const PASS = 0.95;

const scenes = Object.values(SCENE_FILES).flatMap((text) => {
  try {
    const v = JSON.parse(text) as { id?: string; concept?: string; title?: string };
    return typeof v.id === 'string' ? [{ id: v.id, concept: String(v.concept ?? ''), title: String(v.title ?? v.id) }] : [];
  } catch {
    return [];
  }
}).sort((a, b) => a.concept.localeCompare(b.concept) || a.id.localeCompare(b.id));

const store = createLearnStore(formFromQuery(location.search), DEFAULT_DIET);
const act = store.getState();
/** Main-thread frame intervals while a learner trains (per-frame data: kept out of the store). */
const intervals: number[] = [];

const worker = createWorkerClient();
const thumbCanvas = h('canvas', { class: 'thumb-canvas', width: 240, height: 120, 'data-testid': 'episode-thumb', 'aria-label': 'an episode the learner is watching' });
const episodes = createEpisodeCanvas(thumbCanvas);
const progressPanel = mountProgressPanel(byId('progress-panel'), thumbCanvas);
const diet = mountDietPanel(byId('diet-panel'), (d) => act.dietChanged(d));

const lossHost = h('div', { class: 'chart', 'data-testid': 'loss-chart' });
const devHost = h('div', { class: 'chart', 'data-testid': 'development-chart' });
const devNote = h('p', { class: 'muted small', 'data-testid': 'development-note' }, 'Pairwise accuracy: share of matched pairs in which the impossible trial surprises the learner more than the possible one (chance 0.5).');
byId('loss-panel').append(h('h2', { class: 'panel-title' }, 'Loss'), lossHost, h('p', { class: 'muted small' }, 'Training loss per chunk of experience, and loss on held-out episodes of the same diet.'));
byId('development-panel').append(h('h2', { class: 'panel-title' }, 'Developmental curve'), devHost, devNote);
const lossChart = createLineChart(lossHost, { yLabel: 'loss' });
const devChart = createLineChart(devHost, { yLabel: 'pairwise accuracy', yRange: [0, 1] });
lossChart.reset([{ label: 'training', colour: '#5b6770' }, { label: 'held-out', colour: '#e4572e' }]);
devChart.reset([{ label: 'chance', colour: '#b9bec6', dash: [4, 4] }]);

const tryPanel = mountTryPanel(byId('try-panel'));
const savedPanel = mountSavedPanel(byId('saved-panel'), {
  async remove(name) {
    await deleteStored(name);
    await refresh();
  },
  async importFiles(files) {
    const picked = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const imported = readImportFiles(picked);
    const checked = await worker.check(imported.source, imported.files);
    const name = uniqueName(imported.name, new Set((await listStored()).map((s) => s.name)));
    const meta = JSON.parse(imported.files.metaJson) as { validation_loss?: unknown };
    await addStored({
      name, experienceFrames: checked.experienceFrames, savedAt: new Date().toISOString(), origin: 'imported',
      validationLoss: typeof meta.validation_loss === 'number' ? meta.validation_loss : null,
      modelJson: imported.files.modelJson, metaJson: imported.files.metaJson, weights: imported.files.weights.slice().buffer,
    });
    await refresh();
    return name;
  },
  tryIt(name) { void tryPanel.tryIt(name); },
});

const run = mountRunPanel(byId('run-panel'), store.getState().form, scenes, {
  edited: (form, continueFrom) => act.settingsEdited(form, continueFrom),
  async start() {
    const { form, diet: chosenDiet, saved, continueFrom } = store.getState();
    const cont = saved.find((s) => s.name === continueFrom) ?? null;
    const { config, seeds, problems } = buildConfig(form, chosenDiet, cont?.experienceFrames ?? 0, scenes.map((s) => s.id));
    run.showProblems(problems);
    if (!config) return;
    if (!cont) config.core = core.value();
    cohortConfig = seeds.length > 1 ? config : null;
    act.cohortStarted(cohortConfig ? seeds : null);
    if (cont) {
      const record = await getStored(cont.name);
      if (!record) { run.showProblems([`${cont.name} is no longer saved`]); return; }
      config.continueFrom = { name: cont.name, files: filesOf(record) };
    }
    resetCharts(config.probeScenes);
    // What moves after Start (progress and loss) comes into view; the form stays one scroll away.
    byId('progress-panel').scrollIntoView({ block: 'start' });
    setState('starting');
    worker.start(cohortConfig ? seedConfig(cohortConfig, seeds[0]!) : config);
  },
  pause: () => worker.pause(),
  resume: () => worker.resume(),
  cancel: () => worker.cancel(),
  saveNow() {
    const { progress, form, saved } = store.getState();
    const frames = progress?.experienceFrames ?? 0;
    const cohort = store.getState().cohort;
    const prefix = cohort ? `${cleanName(form.name)}-s${cohort.seeds[cohort.index]}` : cleanName(form.name);
    worker.saveNow(uniqueName(`${checkpointNameAt(prefix, frames)}-now`, new Set(saved.map((s) => s.name))));
  },
});

/** The run of several seeds in progress (its first seed's settings), or null. */
let cohortConfig: LearnConfig | null = null;
const probeColour = (id: string, k: number): string => FIXED_COLOURS[id] ?? SCENE_COLOURS[k % SCENE_COLOURS.length]!;
// The core switches sit with the run's settings, before the probes.
const core = createCorePanel();
byId('run-panel').querySelector('.probes')?.before(core.element);

function resetCharts(ids: string[]): void {
  act.chartsReset(ids);
  lossChart.reset([{ label: 'training', colour: '#5b6770' }, { label: 'held-out', colour: '#e4572e' }]);
  const cohort = store.getState().cohort;
  if (cohort) {
    const layout = cohortChartLayout(ids.map((id, k) => ({ id, colour: probeColour(id, k) })), cohort.seeds);
    devChart.reset(layout.series, layout.bands);
  } else devChart.reset([{ label: 'chance', colour: '#b9bec6', dash: [4, 4] }, ...ids.map((id, k) => ({ label: id, colour: probeColour(id, k) }))]);
  progressPanel.reset();
}

/** A cohort's seed is done: the next one starts (true), or that was the last (false). */
function nextSeed(): boolean {
  const cohort = store.getState().cohort;
  if (!cohort || !cohortConfig || cohort.index + 1 >= cohort.seeds.length) return false;
  act.seedStarted(cohort.index + 1);
  lossChart.reset([{ label: 'training', colour: '#5b6770' }, { label: 'held-out', colour: '#e4572e' }]);
  progressPanel.reset();
  setState('starting');
  worker.start(seedConfig(cohortConfig, cohort.seeds[cohort.index + 1]!));
  return true;
}

/** "Seed 3, the 2nd of 5." while a cohort grows. */
function seedWords(): string | undefined {
  const c = store.getState().cohort;
  return c ? `Seed ${c.seeds[c.index]}, ${c.index + 1} of ${c.seeds.length} in this cohort (one after another).` : undefined;
}

function setState(next: RunState | 'idle', message?: string): void {
  act.runStateChanged(next);
  run.setState(next);
  diet.setEnabled(!(next === 'starting' || next === 'training' || next === 'measuring' || next === 'paused'));
  core.setEnabled(!(next === 'starting' || next === 'training' || next === 'measuring' || next === 'paused'));
  progressPanel.setState(next, [message, next === 'idle' ? undefined : seedWords()].filter(Boolean).join(' ') || undefined);
}

async function refresh(): Promise<void> {
  let saved: CheckpointSummary[];
  try {
    saved = await listStored();
  } catch (e) {
    act.failed(e instanceof Error ? e.message : String(e));
    saved = [];
  }
  act.savedListed(saved);
  run.setSaved(saved);
  savedPanel.setList(saved);
}

/** Keeps a checkpoint the worker saved in this browser's storage. */
async function keep(c: SavedCheckpoint): Promise<void> {
  const name = uniqueName(c.name, new Set((await listStored()).map((s) => s.name)));
  // A taken name gets a suffix; meta.json says the same (its hash covers the weights only).
  const metaJson = name === c.name ? c.files.metaJson : `${JSON.stringify({ ...JSON.parse(c.files.metaJson) as object, name }, null, 2)}\n`;
  await addStored({
    name, experienceFrames: c.experienceFrames, savedAt: new Date().toISOString(), origin: 'trained', validationLoss: c.validationLoss,
    modelJson: c.files.modelJson, metaJson, weights: c.files.weights.slice().buffer,
  });
  await refresh();
}

function describePasses(): void {
  const { probeIds, development, cohort } = store.getState();
  if (cohort) {
    const parts = probeIds.map((id) => {
      const first = cohortCurve(cohort.curves, id).find((c) => c.mean >= PASS);
      const reached = Object.values(cohort.curves).filter((c) => (c[id] ?? []).some(([, a]) => a >= PASS)).length;
      return `${id}: mean ${first ? `first ≥ ${PASS} at ${markLabel(first.x)} frames` : `not yet ≥ ${PASS}`}; ${reached} of ${Object.keys(cohort.curves).length} seeds so far reached ${PASS}`;
    });
    devNote.textContent = `${parts.join(' · ')}. Thick line: the mean over the seeds measured at that mark; shaded: from the lowest to the highest seed; thin lines: each seed. Pairwise accuracy: share of matched pairs in which the impossible trial surprises the learner more (chance 0.5).`;
    return;
  }
  const parts = probeIds.map((id) => {
    const first = development[id]?.find(([, a]) => a >= PASS);
    return first ? `${id}: first ≥ ${PASS} at ${markLabel(first[0])} frames (${minutesOf(first[0])})` : `${id}: not yet ≥ ${PASS}`;
  });
  devNote.textContent = `${parts.join(' · ')}. Pairwise accuracy: share of matched pairs in which the impossible trial surprises the learner more (chance 0.5).`;
}

/** Checkpoints handed over by the worker and still being written to this browser's storage. */
const pendingSaves = new Set<Promise<void>>();

function onMessage(m: FromWorker): void {
  switch (m.type) {
    case 'ready': act.backendReady(m.backend); break;
    case 'state':
      if (m.state === 'done' && nextSeed()) break;
      // "Done" is said once the checkpoints the worker handed over are stored, not while the last is still being written.
      if (m.state === 'done' && pendingSaves.size > 0) {
        const { state, message } = m;
        void Promise.allSettled([...pendingSaves]).then(() => setState(state, message));
        break;
      }
      setState(m.state, m.message);
      if (m.state === 'failed' && m.message) act.failed(m.message);
      break;
    case 'progress': act.progressed(m.progress); progressPanel.update(m.progress); break;
    case 'loss':
      act.lossMeasured(m.experienceFrames, m.trainLoss, m.validationLoss);
      if (Number.isFinite(m.trainLoss)) lossChart.add(m.experienceFrames, 0, m.trainLoss);
      if (m.validationLoss !== null) lossChart.add(m.experienceFrames, 1, m.validationLoss);
      break;
    case 'development':
      act.developmentMeasured(m.experienceFrames, m.accuracy);
      const cohort = store.getState().cohort;
      if (cohort) {
        const { x, y } = cohortChartData(store.getState().probeIds, cohort.seeds, cohort.curves);
        devChart.replace(x, y);
        describePasses();
        break;
      }
      devChart.add(m.experienceFrames, 0, 0.5);
      store.getState().probeIds.forEach((id, k) => {
        const a = m.accuracy[id];
        if (a !== undefined) devChart.add(m.experienceFrames, k + 1, a);
      });
      describePasses();
      break;
    case 'episode': episodes.show(m.episode); break;
    case 'checkpoint': {
      const saving = keep(m.checkpoint).catch((e: unknown) => {
        const message = `saving ${m.checkpoint.name}: ${e instanceof Error ? e.message : String(e)}`;
        act.failed(message);
        run.showProblems([message]);
      });
      pendingSaves.add(saving);
      void saving.finally(() => pendingSaves.delete(saving));
      break;
    }
    case 'error':
      act.failed(m.message);
      run.showProblems([m.message]);
      // A run that never got going (the worker could not start TF.js) is over.
      if (store.getState().runState === 'starting') setState('failed', m.message);
      break;
  }
}
worker.on(onMessage);

const loop = (lastFrame: number) => (now: number): void => {
  const state = store.getState().runState;
  if (lastFrame >= 0 && (state === 'training' || state === 'measuring' || state === 'starting') && intervals.length < 20_000) intervals.push(now - lastFrame);
  episodes.tick(now);
  requestAnimationFrame(loop(now));
};
requestAnimationFrame(loop(-1));

installLearnHook(store, {
  frameStats: () => frameStats(intervals),
  episodesShown: () => episodes.shown,
  lastTry: () => tryPanel.last,
  developmentChart: () => devChart.data(),
});

setState('idle');
onStoredChanged(() => { void refresh(); });
void refresh();
registerOffline();
