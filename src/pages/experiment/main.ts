// The Experiment screen's entry: builds the setup, trial, results and recordings panels, runs a
// study trial by trial (saving each as it finishes), and offers (resumeOffer.ts) to resume a run a reload cut short.
import '../../web/strictCsp';
import { registerOffline } from '../../offline/registerOffline';
import '../../web/screen.css';
import { byId, h } from '../../ui/dom';
import { SCENE_FILES } from '../../web/sceneFiles';
import { buildCatalog } from '../../web/sceneCatalog';
import { ModelLibrary } from '../../web/modelLibrary';
import { startTfWasm } from '../../web/tfSetup';
import type { Observer } from '../../experiment/observers';
import { loadStudyObservers } from './studyObservers';
import { designStudy, type PlannedTrial, type StudySettings } from '../../experiment/studyDesign';
import type { Recording } from '../../experiment/recording';
import { recordingsToJson } from '../../experiment/recordingJson';
import { getRun, putRecording, putRun, type StoredRun } from '../../storage/recordingStore';
import { offerResume, storedSetupOf } from './resumeOffer';
import { formFromQuery, ignoredInQuery, queryOfForm, setupQuerySpec, type SetupForm } from './setupForm';
import { mountSetupPanel, type SetupPanel } from './setupPanel';
import { mountStagePanel } from './stagePanel';
import { mountResultsPanel } from './resultsPanel';
import { expandCohorts } from '../../web/cohortChoice';
import { mountRecordingsPanel } from './recordingsPanel';
import { recordingWorld, type KnownScene } from './recordingWorld';
import { StudyRunner } from './studyRunner';
import { LookingKey } from './lookingKey';
import { APP_VERSIONS } from '../../web/appVersions';
import { otherInfants } from './otherInfants';
import { downloadFile } from '../../web/downloads';
import { installStudyHook, mirrorStudyStore } from './studyHook';
import { createStudyStore } from './studyStore';
import { presentTrial } from './presentTrial';
import { FUZZ_QUERY, parseFuzzOptions } from '../../web/fuzz/fuzzOptions';
import { queryNames } from '../../web/queryParams';
import { orderWithControls } from '../../scenes/families';
import { readSharedScene, sharedSuffix, withSharedScene } from '../../web/sharedScene';

const alertBox = byId('study-alert');
const hook = installStudyHook();
const fuzzOptions = parseFuzzOptions(location.search);
// A scene shared from the Studio (?shared=…) is studied like a shipped one (in place of one with its id).
const shared = await readSharedScene(location.search);
/** Switches that are not part of the study's setup (fuzz mode) stay in the URL as it is rewritten. */
const startQuery = new URLSearchParams(location.search);
const setupNames = new Set(queryNames(setupQuerySpec({ scenes: [], models: [] })));
const keptParams = queryNames(FUZZ_QUERY).filter((k) => !setupNames.has(k) && startQuery.has(k))
  .map((k) => `&${k}${startQuery.get(k) ? `=${encodeURIComponent(startQuery.get(k)!)}` : ''}`).join('') + sharedSuffix(shared);

const catalog = withSharedScene(buildCatalog(SCENE_FILES), shared);
const sharedText = shared && 'text' in shared ? shared.text : '';
const knownScenes = new Map<string, KnownScene>(catalog.filter((e) => e.scene).map((e) => [e.id, { scene: e.scene!, text: e.file.startsWith('shared/') ? sharedText : SCENE_FILES[`/${e.file}`]! }]));
// By concept and title, each control right after the scene it controls (scenes/families.ts).
const sceneOptions = orderWithControls([...knownScenes.values()].map((k) => k.scene).filter((s) => s.violation)
  .sort((a, b) => a.concept.localeCompare(b.concept) || a.title.localeCompare(b.title)))
  .map((scene) => ({ id: scene.id, title: scene.title, concept: scene.concept, study: studyLine(scene.study),
    control_of: scene.control_of, controlOf: scene.control_of ? knownScenes.get(scene.control_of)?.scene.title : undefined }));

function studyLine(study: unknown): string {
  if (!study || typeof study !== 'object') return '';
  const s = study as { citation?: unknown; reference?: unknown; title?: unknown };
  return String(s.citation ?? s.reference ?? s.title ?? '');
}

const library = new ModelLibrary();
const listed = await library.list({ cohort: true });
const modelError = listed.error;
const learned = listed.models.filter((m) => m.kind === 'learned' && !m.id.startsWith('saved:') && m.cohortSeed === undefined && !m.members);
const young = learned.find((m) => m.experienceFrames > 0) ?? learned[0];
const old = learned[learned.length - 1];
const defaults: SetupForm = {
  scenes: shared && 'scene' in shared && sceneOptions.some((s) => s.id === shared.scene.id) ? [shared.scene.id]
    : sceneOptions.some((s) => s.id === 'car-off-platform') ? ['car-off-platform'] : sceneOptions.slice(0, 1).map((s) => s.id),
  models: [...new Set([young?.id, old?.id].filter((x): x is string => Boolean(x)))].concat(learned.length === 0 ? ['constant-velocity', 'oracle'] : []),
  pairs: 10, familiarization: 2, seed: 1, speed: 2, looking: false, lookingModel: 'none', habituate: false, infants: 1, orders: 'shared',
};
const initial = formFromQuery(location.search, { scenes: sceneOptions.map((s) => s.id), models: listed.models.map((m) => m.id) }, defaults);
// Read before the setup panel writes the chosen form back into the address.
const ignoredParams = ignoredInQuery(location.search, { scenes: sceneOptions.map((s) => s.id), models: listed.models.map((m) => m.id) }, defaults);

const store = createStudyStore(listed.models, initial);
const act = store.getState();
mirrorStudyStore(hook, store);
const looking = new LookingKey(window, (held) => stagePanel.looking(lookingOn(), held));
const lookingOn = (): boolean => { const { runner, form } = store.getState(); return runner !== null && runner.isRunning && form.looking; };

/** The setup panel, built again (keeping what is ticked) when the list of observers changes. */
const mountSetup = (form: SetupForm): SetupPanel => {
  const host = h('div');
  byId('setup-panel').replaceChildren(host);
  return mountSetupPanel(host, sceneOptions, store.getState().models.map((m) => ({ id: m.id, label: m.label, note: m.note, cohortSeed: m.cohortSeed, members: m.members })), form,
    (f, valid) => {
      act.formTyped(f);
      if (!valid) return;
      act.formChosen(f);
      history.replaceState(null, '', `${queryOfForm(f)}${keptParams}${location.hash}`);
    },
    (f) => {
      // The trial that starts now, with its live curve, comes into view.
      byId('stage-panel').scrollIntoView({ block: 'start' });
      void startNew(f);
    });
};
let setup = mountSetup(initial);
// Checkpoints saved or deleted on the Learn screen (in another tab) join the list without a reload.
void import('../../storage/savedModels').then(({ onSavedModelsChanged }) => onSavedModelsChanged(() => {
  library.forgetSaved();
  void library.list({ cohort: true }).then((again) => {
    act.modelsListed(again.models);
    const { settingUp, runner, phase, typedForm } = store.getState();
    const running = settingUp || runner?.isRunning === true || phase === 'paused';
    setup = mountSetup(typedForm);
    setup.setRunning(running);
  });
}));
const stagePanel = await mountStagePanel(byId('stage-panel'), {
  pause: () => { store.getState().runner?.stop(); stagePanel.controls('stopping'); },
  resume: () => void go(),
  end: () => void endRun(),
  replay: () => { const { shown } = store.getState(); if (shown) void replay(shown); },
  holdLook: (held) => looking.setPointer(held),
});
const results = mountResultsPanel(byId('results-panel'), knownScenes, (r, lookingTimes) => act.resultsChanged(r, lookingTimes), () => store.getState().models.filter((m) => m.members));
const recordingsPanel = mountRecordingsPanel(byId('recordings'), {
  open: (rec) => { byId('stage-panel').scrollIntoView({ behavior: 'smooth', block: 'start' }); void replay(rec); },
  compare: (a, b) => {
    stagePanel.heading(`Comparing “${a.name}” (A, solid) with “${b.name}” (B, dashed)`, null);
    stagePanel.curve.compare(a, b);
    results.compare(a, b);
    byId('results-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  },
});
if (modelError) alert(modelError, false);
else if (shared && 'error' in shared) alert(`The link's shared scene was not opened: ${shared.error}`, false);
else if (ignoredParams.length > 0) alert(`Not understood in the address, so left out: ${ignoredParams.join(', ')}.`, false);

function alert(text: string | null, isError: boolean, ...extra: HTMLElement[]): void {
  alertBox.hidden = text === null;
  alertBox.classList.toggle('is-error', isError);
  alertBox.replaceChildren(...(text === null ? [] : [h('span', { 'data-testid': 'alert-text' }, text), ...extra]));
}

function offerUnsaved(reason: string): void {
  const { unsaved } = store.getState();
  const button = h('button', { class: 'btn', type: 'button', 'data-testid': 'download-unsaved' }, `Download the ${unsaved.length} unsaved trial${unsaved.length === 1 ? '' : 's'} (JSON)`);
  button.addEventListener('click', () => downloadFile('surprise-lab-unsaved-trials.json', recordingsToJson(unsaved), 'application/json'));
  alert(`${reason} The run goes on and keeps every trial in this page; download them before you close it.`, true, button);
}

// A cohort is scored as its seeds, one observer each (the results add the cohort's line).
const settingsOf = (form: SetupForm): StudySettings => ({ scenes: form.scenes, models: expandCohorts(form.models, store.getState().models), pairs: form.pairs, familiarization: form.familiarization, seed: form.seed, ...(form.habituate ? { habituate: true } : {}) });

async function startNew(form: SetupForm): Promise<void> {
  if (store.getState().settingUp) return;
  const started = new Date();
  const run: StoredRun = {
    id: `run-${started.getTime().toString(36)}`, name: `Study ${started.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}`,
    settings: storedSetupOf(form, settingsOf(form)), createdAt: started.toISOString(), status: 'running',
  };
  act.setupStarted();
  let ready = false;
  try {
    ready = await prepare(run, form, []);
  } finally {
    act.setupEnded();
  }
  if (ready) await go();
}

/** The learners' copies of the run being prepared or run (habituation on), freed with the next run. */
let habituation: { dispose(): void } | null = null;

async function prepare(run: StoredRun, form: SetupForm, done: Recording[]): Promise<boolean> {
  alert(null, false);
  habituation?.dispose();
  habituation = null;
  act.runPrepared(form);
  setup.setRunning(true);
  stagePanel.overlay('Loading the observers…');
  try {
    const design = designStudy(settingsOf(form));
    results.setLooking(form.lookingModel === 'none' ? null : { model: form.lookingModel, habituate: form.habituate, orders: form.orders });
    const observers = await loadStudyObservers(design.settings.models, store.getState().models, library);
    const v = APP_VERSIONS;
    let observersForTrial: ((planned: PlannedTrial) => Observer[]) | undefined;
    if (design.settings.habituate) {
      await startTfWasm();
      const { Habituation } = await import('../../experiment/looking/habituation');
      const h = new Habituation(design, observers, (id) => knownScenes.get(id)!.scene);
      habituation = h;
      observersForTrial = (planned) => h.observersFor(planned);
    }
    if (form.lookingModel !== 'none' && form.infants > 1) {
      if (form.habituate) {
        stagePanel.overlay(`Preparing ${form.infants} infants per learner: each learns from the familiarization trials on its own copy…`);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
      results.setLooking({ model: form.lookingModel, habituate: form.habituate, orders: form.orders, infants: form.infants, otherInfants: await otherInfants(design, knownScenes, observers, form.infants, v) });
    }
    const runner: StudyRunner = new StudyRunner({ id: run.id, name: run.name }, design, { scenes: knownScenes, observers, observersFor: observersForTrial, versions: v, now: () => new Date().toISOString() }, {
      save: async (rec) => { try { await putRecording(rec); } catch (e) { act.trialUnsaved(rec); throw e; } },
      present: form.speed === 'instant' ? undefined : (rec, planned) => presentTrial(stagePanel, looking, rec, planned, form, recordingWorld(rec, knownScenes)),
      onTrialStart: (planned, n) => {
        stagePanel.progress(n, design.trials.length);
        if (form.speed === 'instant') stagePanel.overlay(`Scoring trial ${planned.index + 1} of ${design.trials.length} (instant: not drawn)…`);
      },
      onTrialDone: (rec, saveError) => {
        const r = runner;
        stagePanel.progress(r.finished.size, r.total);
        if (saveError) offerUnsaved(`Trial ${rec.place!.trial_index + 1} could not be saved: ${saveError.message}`);
        act.trialDone(rec, r.finished.size);
        stagePanel.replayable(true);
        if (form.speed === 'instant') showStill(rec);
        results.update(r.design, [...r.finished.values()]);
      },
      onError: (planned, e) => alert(`Trial ${planned.index + 1} (${planned.sceneId}, variant ${planned.variant}, ${planned.condition}) failed: ${e.message}. The run is paused; the finished trials are kept.`, true),
    });
    runner.adopt(done);
    act.runnerReady(runner, run.id);
    stagePanel.progress(runner.finished.size, runner.total);
    results.update(design, [...runner.finished.values()]);
    await putRun(run).catch((e: unknown) => offerUnsaved(`This run could not be stored (${e instanceof Error ? e.message : String(e)}).`));
  } catch (e) {
    setup.setRunning(false);
    stagePanel.overlay(null);
    alert(`The study could not start: ${e instanceof Error ? e.message : String(e)}`, true);
    act.runnerFailed();
    return false;
  }
  return true;
}

async function go(): Promise<void> {
  const { runner: r, settingUp, form } = store.getState();
  if (!r || r.isRunning || settingUp) return;
  stagePanel.controls('running');
  act.runStarted();
  // The trial is what to watch now (Start sits low on a small screen).
  const stageBox = byId('stage-panel').getBoundingClientRect();
  if (stageBox.top < 0 || stageBox.bottom > innerHeight) byId('stage-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  stagePanel.looking(form.looking, looking.held);
  const outcome = await r.start();
  stagePanel.looking(false, false);
  if (outcome === 'finished') await finish('finished');
  else { stagePanel.controls('paused'); act.runPaused(); stagePanel.overlay(`Paused after ${r.finished.size} of ${r.total} trials. Resume, or end the run.`); }
}

async function finish(status: 'finished' | 'ended'): Promise<void> {
  const r = store.getState().runner;
  if (!r) return;
  const stored = await getRun(r.run.id).catch(() => undefined);
  if (stored) await putRun({ ...stored, status }).catch(() => undefined);
  stagePanel.controls('none');
  stagePanel.heading(status === 'finished' ? `Study finished: ${r.finished.size} trials; the results are below. Replay shows the last trial again.` : `Run ended after ${r.finished.size} of ${r.total} trials.`, null);
  setup.setRunning(false);
  act.runStopped(status);
  byId('results-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function endRun(): Promise<void> {
  const { runner } = store.getState();
  if (runner?.isRunning) { runner.stop(); stagePanel.controls('stopping'); while (runner.isRunning) await new Promise((ok) => setTimeout(ok, 50)); }
  await finish('ended');
}

/** Instant runs draw nothing while scoring; each finished trial is shown still, at its last frame, with its curves. */
function showStill(rec: Recording): void {
  const world = recordingWorld(rec, knownScenes);
  const phase = rec.place?.phase === 'familiarization';
  stagePanel.heading(`Trial ${(rec.place?.trial_index ?? 0) + 1} of ${rec.place?.trial_count ?? 1} · ${rec.meta.scene_title} (last frame)`,
    { text: phase ? 'familiarization' : rec.meta.condition, kind: phase ? 'familiarization' : rec.meta.condition }, world.note ?? undefined);
  stagePanel.overlay(null);
  stagePanel.stage.show(rec, world, rec.snapshots.length - 1);
  stagePanel.curve.show(rec);
}

async function replay(rec: Recording): Promise<void> {
  if (store.getState().runner?.isRunning) return;
  act.recordingShown(rec);
  const world = recordingWorld(rec, knownScenes);
  const badge = rec.kind === 'free-play' ? null : { text: rec.place?.phase === 'familiarization' ? 'familiarization' : rec.meta.condition, kind: rec.place?.phase === 'familiarization' ? 'familiarization' as const : rec.meta.condition };
  stagePanel.heading(rec.name, badge, world.note ?? undefined);
  stagePanel.overlay(null);
  stagePanel.replayable(true);
  stagePanel.curve.show(rec, 0);
  results.showRecording(rec);
  await stagePanel.stage.play(rec, world, 1, (f) => { stagePanel.curve.reveal(f); });
}

act.markReady();
void offerResume({ store, alert, settingsOf, prepare, go, finish });

if (fuzzOptions.fuzz) {
  const [{ startFuzz }, { StudyFuzz }] = await Promise.all([import('../../web/fuzz/startFuzz'), import('./studyFuzz')]);
  startFuzz(fuzzOptions, (rng) => new StudyFuzz(rng, hook, fuzzOptions.assert));
}
registerOffline();
