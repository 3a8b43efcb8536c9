// The browser page: wires the store, the scene catalog, the pixi view, the panels, the keyboard
// and the fixed-step loop together. Thin on purpose; each part lives in its own file.
import '../ui/styles.css';
import { createAppStore } from '../store/appStore';
import { buildCatalog } from './sceneCatalog';
import { SCENE_FILES } from './sceneFiles';
import { createPixiApp, type PixiHandle } from '../render/createPixiApp';
import { SceneView } from '../render/sceneView';
import type { RendererName } from '../store/uiSlice';
import { byId } from '../ui/dom';
import { createHud } from '../ui/hud';
import { mountTransportBar } from '../ui/transportBar';
import { mountScenePanel } from '../ui/scenePanel';
import { mountVariantPanel } from '../ui/variantPanel';
import { mountChartPanel } from '../ui/chartPanel';
import { mountKeysPanel } from '../ui/keysPanel';
import { mountErrorsPanel } from '../ui/errorsPanel';
import { bindKeyboard } from '../ui/keyboard';
import { TrialController } from './trialController';
import { startAnimationLoop } from './animationLoop';
import { installTestHook } from './testHook';
import { blendTime } from '../render/interpolate';

const DEFAULT_SCENE = 'car-off-platform';

async function main(): Promise<void> {
  const store = createAppStore();
  store.getState().setCatalog(buildCatalog(SCENE_FILES), DEFAULT_SCENE);

  const stage = byId('stage');
  const canvasHost = byId('canvas-host');
  const hud = createHud(stage, store);

  let pixi: PixiHandle | null = null;
  try {
    pixi = await createPixiApp(canvasHost);
    store.getState().setRenderer(pixi.name as RendererName);
    if (pixi.fallbackReason) console.warn(`WebGL did not start (${pixi.fallbackReason}); drawing with the canvas renderer.`);
  } catch (e) {
    store.getState().setRendererError(`No renderer could start, so the scene cannot be drawn: ${e instanceof Error ? e.message : String(e)}`);
  }
  const view = pixi ? new SceneView(pixi.app) : null;

  const controller = new TrialController(store, (session) => {
    const world = session.resolved.world;
    stage.style.setProperty('--stage-aspect', `${world.width} / ${world.height}`);
    view?.show(world);
  });
  mountTransportBar(byId('transport'), store, controller);
  mountScenePanel(byId('scene-panel'), store, controller);
  mountVariantPanel(byId('variant-panel'), store, controller);
  const timeline = mountChartPanel(byId('chart-panel'));
  mountKeysPanel(byId('keys-panel'));
  mountErrorsPanel(byId('errors-panel'), store);
  bindKeyboard(window, controller);

  // Redraw only when the picture can have changed (a paused page does not spin the GPU).
  let layoutVersion = 0;
  let drawnKey = '';
  let drawnSnapshot: unknown = null;
  if (pixi && view) {
    const { app } = pixi;
    const fit = (): void => {
      layoutVersion++;
      const w = Math.max(Math.floor(canvasHost.clientWidth), 1);
      const h = Math.max(Math.floor(canvasHost.clientHeight), 1);
      app.renderer.resize(w, h);
      view.resize(w, h);
    };
    new ResizeObserver(fit).observe(canvasHost);
    fit();
  }

  startAnimationLoop({
    running: () => store.getState().running,
    speed: () => store.getState().speed,
    step: () => controller.step(),
    draw: (alpha) => {
      const session = controller.session;
      if (!session) return;
      const before = session.previous;
      const after = session.current;
      hud.update(blendTime(before, after, alpha), session.frame, session.frames);
      timeline.update(session.frame, session.frames, session.events, session.onsetFrame, session.condition === 'impossible');
      const key = `${layoutVersion}|${alpha.toFixed(4)}`;
      if (pixi && view && (key !== drawnKey || after !== drawnSnapshot)) {
        drawnKey = key;
        drawnSnapshot = after;
        view.draw(before, after, alpha);
        pixi.app.render();
      }
    },
  });

  installTestHook(store, controller, () => view?.transform ?? null, () => pixi?.app.renderer.resolution ?? 1);
  store.getState().play();
}

main().catch((e: unknown) => {
  console.error('Surprise Lab could not start:', e);
  const stage = document.getElementById('stage');
  if (stage) stage.append(Object.assign(document.createElement('div'), { className: 'stage-error', textContent: `The page could not start: ${String(e)}` }));
});
