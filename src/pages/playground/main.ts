// The browser page: wires the store, the scene catalog, the observers, the pixi view, the panels,
// the keyboard, the pointer, the URL and the fixed-step loop together. Thin on purpose; each part
// lives in its own file.
import '../../web/strictCsp';
import { registerOffline } from '../../offline/registerOffline';
import './playground.css';
import { createAppStore } from './store/appStore';
import { buildCatalog } from '../../web/sceneCatalog';
import { SCENE_FILES } from '../../web/sceneFiles';
import { SANDBOX_FILE, SANDBOX_SCENE_TEXT } from './sandboxScene';
import { createPixiApp, type PixiHandle } from '../../render/createPixiApp';
import { SceneView } from '../../render/sceneView';
import type { RendererName } from './store/uiSlice';
import { byId } from '../../ui/dom';
import { createHud } from './panels/hud';
import { mountTransportBar } from './panels/transportBar';
import { mountScenePanel } from './panels/scenePanel';
import { mountVariantPanel } from './panels/variantPanel';
import { mountChartPanel } from '../../ui/chartPanel';
import { mountModelPicker } from './panels/modelPicker';
import { mountGhostLength } from './panels/ghostLengthControl';
import { mountGhostNote } from '../../ui/ghostNote';
import { ghostSentence } from '../../ui/ghostSentence';
import { mountFreePlayPanel } from './panels/freePlayPanel';
import { mountErrorsPanel } from './panels/errorsPanel';
import { mountOverlays } from './panels/overlays';
import { mountSceneFileDrop } from '../../ui/sceneFileDrop';
import { mountRecordingStatus } from '../../ui/recordingStatus';
import { bindKeyboard } from '../../ui/keyboard';
import { mountRealTimeNote } from './panels/realTimeNote';
import { TrialController } from './trialController';
import { startAnimationLoop } from './animationLoop';
import { installTestHook } from './testHook';
import { saveFreePlayTakes } from './freePlaySaving';
import { ModelLibrary } from '../../web/modelLibrary';
import { SurpriseView } from './surpriseView';
import { bindPointer } from './pointerInput';
import { bindStageKeys } from './stageKeys';
import { youngVsOld } from './demoPresets';
import { watch } from './store/watch';
import { DEFAULT_SCENE, applyUrlState, parseUrlState, writeUrlOnChange } from './urlState';
import { defaultModels } from '../../web/defaultModels';
import { blendTime } from '../../render/interpolate';
import { parseFuzzOptions } from '../../web/fuzz/fuzzOptions';
import { ignoredSentence } from '../../web/queryParams';
import { readSharedScene, sharedSuffix, withSharedScene } from '../../web/sharedScene';
import { usedHeight } from '../../render/sceneExtent';
import { simulateTrial } from '../../experiment/trial';
import type { WorldSpec } from '../../sim/spec';

/** Longest run simulated ahead to find how high a scene reaches (frames). */
const EXTENT_FRAMES = 900;
const bands = new WeakMap<WorldSpec, number>();

/** The band of the world the camera shows: as high as anything gets in either condition. */
function bandOf(world: WorldSpec): number {
  let band = bands.get(world);
  if (band === undefined) {
    try {
      const frames = Math.min(world.frames, EXTENT_FRAMES);
      band = usedHeight(world, [simulateTrial(world, 'possible', frames).snapshots, simulateTrial(world, 'impossible', frames).snapshots]);
    } catch {
      band = world.height;
    }
    bands.set(world, band);
  }
  return band;
}
/** Milliseconds per animation frame for growing a ghost asked for while paused. */
const GHOST_SLICE_MS = 8;

async function main(): Promise<void> {
  const url = parseUrlState(location.search);
  const fuzz = parseFuzzOptions(location.search);
  let stepCheck: (() => void) | null = null;
  const store = createAppStore();
  // A scene shared from the Studio (?shared=…) joins the catalogue, in place of a shipped one with its id.
  const shared = await readSharedScene(location.search);
  const sharedScene = shared && 'scene' in shared ? shared : null;
  const sceneTexts: Record<string, string> = { ...SCENE_FILES, [`/${SANDBOX_FILE}`]: SANDBOX_SCENE_TEXT, ...(sharedScene ? { [`/shared/${sharedScene.scene.id}.json`]: sharedScene.text } : {}) };
  store.getState().setCatalog(withSharedScene(buildCatalog({ ...SCENE_FILES, [`/${SANDBOX_FILE}`]: SANDBOX_SCENE_TEXT }), shared), url.scene ?? sharedScene?.scene.id ?? DEFAULT_SCENE);
  if (shared && 'error' in shared) url.ignored.push({ name: 'shared', value: new URLSearchParams(location.search).get('shared') ?? '', why: shared.error });
  applyUrlState(store, url);
  if (url.scene && store.getState().sceneId !== url.scene) url.ignored.unshift({ name: 'scene', value: url.scene, why: 'no scene with this id here' });
  store.getState().setUrlNote(ignoredSentence(url.ignored) || null);

  const stage = byId('stage');
  const canvasHost = byId('canvas-host');
  const hud = createHud(stage, store);
  const ghostNote = mountGhostNote(stage);

  let pixi: PixiHandle | null = null;
  try {
    pixi = await createPixiApp(canvasHost, store.getState().rendererChoice);
    store.getState().setRenderer(pixi.name as RendererName);
    if (pixi.fallbackReason) console.warn(`WebGL did not start (${pixi.fallbackReason}); drawing with the canvas renderer.`);
  } catch (e) {
    store.getState().setRendererError(`No renderer could start, so the scene cannot be drawn: ${e instanceof Error ? e.message : String(e)}`);
  }
  const view = pixi ? new SceneView(pixi.app) : null;

  const library = new ModelLibrary();
  let layoutVersion = 0;
  const controller = new TrialController(store, library, (session) => {
    const world = session.resolved.world;
    const band = bandOf(world);
    stage.style.setProperty('--stage-aspect', `${world.width} / ${band}`);
    view?.show(world, (id) => {
      try {
        return session.simulation.get(id).spec;
      } catch {
        return undefined;
      }
    }, band);
    layoutVersion++;
  });
  const surprise = new SurpriseView(store, controller);
  const realTimeNote = mountRealTimeNote(stage, (c) => controller.dropCost(c));
  const labelOf = (id: string): string => store.getState().models.find((m) => m.id === id)?.label ?? id;

  const recorder = controller.recorder;
  for (const [path, text] of Object.entries(sceneTexts)) recorder.sceneTexts.set(path.replace(/^\//, ''), text);
  mountTransportBar(byId('transport'), store, controller, recorder);
  const saving = saveFreePlayTakes(recorder, mountRecordingStatus(byId('record-status')));
  const fileRow = mountSceneFileDrop(document.body, controller);
  mountScenePanel(byId('scene-panel'), store, controller, fileRow);
  mountModelPicker(byId('models-panel'), store, controller);
  mountGhostLength(byId('models-panel'), store);
  mountFreePlayPanel(byId('freeplay-panel'), store, controller);
  mountVariantPanel(byId('variant-panel'), store, controller);
  const chart = mountChartPanel(byId('chart-panel'), controller);
  mountErrorsPanel(byId('errors-panel'), store);
  mountOverlays(document.body, store);
  for (const [id, overlay] of [['open-help', 'help'], ['open-about', 'about']] as const) {
    byId(id).addEventListener('click', () => store.getState().toggleOverlay(overlay));
  }
  const presentButton = byId('toggle-present');
  presentButton.addEventListener('click', () => store.getState().setPresenting(!store.getState().presenting));
  watch(store, (s) => s.presenting, (on) => {
    document.body.classList.toggle('presenting', on);
    presentButton.setAttribute('aria-pressed', String(on));
    presentButton.textContent = on ? 'Exit presentation' : 'Present';
    chart.restyle();
  });
  bindKeyboard(window, {
    togglePresent: () => store.getState().setPresenting(!store.getState().presenting),
    demo: () => youngVsOld(store, controller),
    commands: controller,
    toggleHelp: () => store.getState().toggleOverlay('help'),
    closeOverlay: () => store.getState().closeOverlay(),
    toggleRecord: () => recorder.toggle(),
    cycleGhost: () => store.getState().cycleGhostSeconds(),
  });
  if (view) bindPointer(canvasHost, store, controller, () => view.transform);
  bindStageKeys(canvasHost, stage, store, controller);

  if (pixi && view) {
    const { app } = pixi;
    const fitToHost = (): void => {
      layoutVersion++;
      const w = Math.max(Math.floor(canvasHost.clientWidth), 1);
      const hgt = Math.max(Math.floor(canvasHost.clientHeight), 1);
      app.renderer.resize(w, hgt);
      view.resize(w, hgt);
    };
    new ResizeObserver(fitToHost).observe(canvasHost);
    fitToHost();
  }

  // Redraw the stage only when the picture can have changed (a paused page does not spin the GPU).
  let drawnKey = '';
  let drawnSnapshot: unknown = null;
  let sentenceOf: unknown;
  startAnimationLoop({
    running: () => store.getState().running,
    speed: () => store.getState().speed,
    step: () => {
      const ok = controller.step();
      stepCheck?.();
      return ok;
    },
    frameDone: (ms) => controller.perf.frameWork(ms),
    draw: (alpha, now) => {
      controller.perf.frame(now);
      controller.realTime.frame(now, store.getState().running, store.getState().speed);
      realTimeNote.update(controller.realTime.verdict, labelOf);
      const session = controller.session;
      if (!session) return;
      const before = session.previous;
      const after = session.current;
      const a = session.frame === session.head ? alpha : 1;
      hud.update(blendTime(before, after, a), session.frame, session.frames);
      surprise.refresh();
      chart.update(surprise, now);
      const running = store.getState().running;
      if (!running) controller.ghost.work(GHOST_SLICE_MS);
      const ghost = controller.ghost.ghost;
      const judged = controller.ghost.divergence(session.history, session.head, controller.bank.changes, running ? 4 : 1);
      if (judged !== sentenceOf) {
        sentenceOf = judged;
        ghostNote.update(ghost && judged ? ghostSentence({ ...ghost, judged, lastFrame: session.frames }) : null);
      }
      if (!pixi || !view) return;
      const selected = store.getState().selectedBody;
      const ghostVersion = `${controller.ghost.version}|${judged?.judged}|${controller.bank.changes}`;
      const key = `${layoutVersion}|${a.toFixed(4)}|${session.frame}|${session.head}|${ghostVersion}|${selected}|${surprise.version}`;
      if (key === drawnKey && after === drawnSnapshot) return;
      drawnKey = key;
      drawnSnapshot = after;
      view.draw(before, after, a, { glow: surprise.glow(), ghost, ghostJudged: judged, ghostVersion, frame: session.frame, selected });
      pixi.app.render();
    },
  });

  let started = false;
  installTestHook(store, controller, () => view?.transform ?? null, () => pixi?.app.renderer.resolution ?? 1, () => chart.lines(), () => started,
    () => saving.saved);

  // The observers: the list of checkpoints, then the URL's choice (or a sensible default).
  const listed = await library.list({ cohort: true });
  store.getState().setAvailableModels(listed.models, listed.models.some((m) => m.kind === 'learned') ? 'ready' : 'failed', listed.error);
  store.getState().setSelectedModels(url.models ?? defaultModels(listed.models));
  writeUrlOnChange(store, sharedSuffix(shared));
  // Checkpoints saved or deleted on the Learn screen (in another tab) join the list without a reload.
  void import('../../storage/savedModels').then(({ onSavedModelsChanged }) => onSavedModelsChanged(() => {
    library.forgetSaved();
    void library.list({ cohort: true }).then((again) => store.getState().setAvailableModels(again.models, again.models.some((m) => m.kind === 'learned') ? 'ready' : 'failed', again.error));
  }));
  // Someone who asked for less motion presses Space to start; nothing moves by itself.
  if (url.autoplay && !matchMedia('(prefers-reduced-motion: reduce)').matches) store.getState().play();
  started = true;
  if (fuzz.fuzz || fuzz.assert) {
    const { startFuzzMode } = await import('./fuzz/fuzzMode');
    stepCheck = startFuzzMode(fuzz, { store, controller, host: canvasHost, view: () => view?.transform ?? null, sceneTexts: Object.values(SCENE_FILES) });
  }
}

main().catch((e: unknown) => {
  console.error('Surprise Lab could not start:', e);
  const stage = document.getElementById('stage');
  if (stage) stage.append(Object.assign(document.createElement('div'), { className: 'stage-error', textContent: `The page could not start: ${String(e)}` }));
});
registerOffline();
