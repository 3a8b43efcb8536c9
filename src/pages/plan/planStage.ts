// The Plan screen's stage: the task drawn with the playground's renderer (SceneView), the overlay
// of basket and paths on top, the basket dragged along the floor (pointer, or ←/→ when focused),
// and the real run of a plan played back with a ✓/✗ mark where the object ended.
import type { PlanProblem, TargetZone } from '../../experiment/planning/planProblem';
import type { WorldSnapshot } from '../../sim/snapshot';
import type { BodySpec, WorldSpec } from '../../sim/spec';
import { createPixiApp } from '../../render/createPixiApp';
import { SceneView, type Overlays } from '../../render/sceneView';
import { toScreenX, toScreenY, toWorldX, toWorldY } from '../../render/viewTransform';
import { h } from '../../ui/dom';
import { PlanOverlay, type DrawnPath, type DrawnStats } from './planOverlay';

/** The stage shows the world up to a little above the highest thing in the task (the tasks' 4 m
 * world is mostly sky): the highest body's top, plus room for a lob's rise, plus a margin. Only
 * the view is cropped; the world is not. */
function shownHeight(problem: PlanProblem): number {
  const top = problem.world.bodies.reduce((hi, b) => Math.max(hi, b.y + (b.kind === 'ball' ? b.radius : b.height / 2)), 0);
  const lift = problem.actions.vy[1];
  const rise = lift > 0 ? (lift * lift) / (2 * problem.world.gravity) : 0;
  return Math.min(problem.world.height, Math.max(2, top + rise + 0.5));
}
const KEY_STEP_M = 0.05;
const BIG_KEY_STEP_M = 0.25;
/** How far around the basket a press still grabs it (m). */
const GRAB_MARGIN_M = 0.2;
/** Narrower stages show no ✓/✗ label over the scene (px). */
const MARK_MIN_STAGE_PX = 560;

/** The ✓/✗ label of a real run; `side` is where it goes beside the object (+1: right), away from
 * the way it came, so that it does not hide the paths. */
export interface Mark { text: string; colour: string; side: 1 | -1 }

export interface PlanStage {
  readonly renderer: string;
  /** Draws a problem's world still, as built, with its basket. */
  show(problem: PlanProblem, still: WorldSnapshot): void;
  setPaths(paths: readonly DrawnPath[]): void;
  setPathsVisible(visible: boolean): void;
  /** Plays snapshots at real time (60 per second); resolves at the end, or early when stopped. */
  play(world: WorldSpec, snapshots: readonly WorldSnapshot[], mark: Mark): Promise<'ended' | 'stopped'>;
  stop(): void;
  /** Whether the basket may be moved now (not while planning). */
  setMovable(movable: boolean): void;
  drawn(): Record<string, DrawnStats>;
}

export interface StageCallbacks {
  /** A person moved the basket's middle to `x` (m); `settled` once the drag or key press is over. */
  moveBasket(x: number, settled: boolean): void;
}

const noOverlays = (frame: number): Overlays => ({ glow: new Map(), ghost: null, frame, selected: null });

export async function createPlanStage(host: HTMLElement, callbacks: StageCallbacks): Promise<PlanStage> {
  const pixi = await createPixiApp(host);
  const view = new SceneView(pixi.app);
  const overlay = new PlanOverlay();
  pixi.app.stage.addChild(overlay.view);
  const markEl = h('div', { class: 'plan-mark', 'data-testid': 'plan-mark', hidden: true });
  host.append(markEl);

  let zone: TargetZone | null = null;
  let movable = true;
  let dragging: { pointerId: number; grabDx: number } | null = null;
  let last: { before: WorldSnapshot; after: WorldSnapshot; alpha: number; frame: number } | null = null;
  let mark: (Mark & { x: number; y: number }) | null = null;
  /** Bumped by every play and stop: a playback whose number is out of date ends at its next frame. */
  let playback = 0;

  const render = (): void => {
    if (last) view.draw(last.before, last.after, last.alpha, noOverlays(last.frame));
    if (zone) overlay.setZone(zone, dragging !== null || document.activeElement === host);
    overlay.redraw(view.transform);
    placeMark();
    pixi.app.render();
  };
  const fitToHost = (): void => {
    const w = Math.max(host.clientWidth, 1), hgt = Math.max(host.clientHeight, 1);
    pixi.app.renderer.resize(w, hgt);
    view.resize(w, hgt);
  };
  const placeMark = (): void => {
    // On a narrow stage the label would hide the scene; the status line under it says the same.
    markEl.hidden = mark === null || host.clientWidth < MARK_MIN_STAGE_PX;
    if (!mark || markEl.hidden) return;
    markEl.textContent = mark.text;
    markEl.style.borderColor = mark.colour;
    const t = view.transform;
    const w = markEl.offsetWidth, hgt = markEl.offsetHeight;
    const sx = toScreenX(t, mark.x), gap = 14;
    let x = mark.side > 0 ? sx + gap : sx - gap - w;
    // No room on that side (the basket near the world's edge): the other side.
    if (x < 4 || x + w > host.clientWidth - 4) x = mark.side > 0 ? sx - gap - w : sx + gap;
    x = Math.min(Math.max(x, 4), host.clientWidth - w - 4);
    const y = Math.min(Math.max(toScreenY(t, mark.y) - hgt / 2, 4), host.clientHeight - hgt - 4);
    markEl.style.transform = `translate(${x.toFixed(0)}px, ${y.toFixed(0)}px)`;
  };
  new ResizeObserver(() => { fitToHost(); render(); }).observe(host);
  fitToHost();

  let shown = 2;
  const shownWorld = (world: WorldSpec): WorldSpec => ({ ...world, height: shown });
  const bind = (world: WorldSpec): void => {
    const byId = new Map<string, BodySpec>(world.bodies.map((b) => [b.id, b]));
    view.show(shownWorld(world), (id) => byId.get(id));
    fitToHost();
  };

  // Dragging the basket: a press on or near it grabs it; moves follow the pointer along the floor.
  const worldAt = (e: PointerEvent): { x: number; y: number } => {
    const r = host.getBoundingClientRect();
    return { x: toWorldX(view.transform, e.clientX - r.left), y: toWorldY(view.transform, e.clientY - r.top) };
  };
  const onBasket = (p: { x: number; y: number }): boolean => zone !== null
    && p.x >= zone.xMin - GRAB_MARGIN_M && p.x <= zone.xMax + GRAB_MARGIN_M
    && p.y >= zone.y - 2 * GRAB_MARGIN_M && p.y <= zone.y + zone.height + 2 * GRAB_MARGIN_M;
  const middle = (): number => (zone ? (zone.xMin + zone.xMax) / 2 : 0);
  host.addEventListener('pointerdown', (e) => {
    if (!movable || !zone || !onBasket(worldAt(e))) return;
    e.preventDefault();
    host.focus({ preventScroll: true });
    dragging = { pointerId: e.pointerId, grabDx: worldAt(e).x - middle() };
    host.setPointerCapture(e.pointerId);
    host.classList.add('is-dragging');
    render();
  });
  host.addEventListener('pointermove', (e) => {
    if (!dragging) {
      host.classList.toggle('can-grab', movable && onBasket(worldAt(e)));
      return;
    }
    if (e.pointerId !== dragging.pointerId) return;
    callbacks.moveBasket(worldAt(e).x - dragging.grabDx, false);
  });
  const endDrag = (e: PointerEvent): void => {
    if (!dragging || e.pointerId !== dragging.pointerId) return;
    const x = worldAt(e).x - dragging.grabDx;
    dragging = null;
    host.classList.remove('is-dragging');
    callbacks.moveBasket(x, true);
  };
  host.addEventListener('pointerup', endDrag);
  host.addEventListener('pointercancel', endDrag);
  host.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    if (!movable || !zone) return;
    const step = (e.shiftKey ? BIG_KEY_STEP_M : KEY_STEP_M) * (e.key === 'ArrowLeft' ? -1 : 1);
    callbacks.moveBasket(middle() + step, true);
  });
  host.addEventListener('focus', render);
  host.addEventListener('blur', render);

  return {
    renderer: pixi.name,
    show(problem, still) {
      shown = shownHeight(problem);
      host.style.aspectRatio = `${problem.world.width} / ${shown.toFixed(2)}`;
      bind(problem.world);
      zone = problem.zone;
      mark = null;
      last = { before: still, after: still, alpha: 0, frame: 0 };
      render();
    },
    setPaths(paths) { overlay.setPaths(paths); render(); },
    setPathsVisible(visible) { overlay.setPathsVisible(visible); render(); },
    play(world, snapshots, m) {
      bind(world);
      const mine = ++playback;
      mark = null;
      const lastFrame = snapshots.length - 1;
      return new Promise((done) => {
        let start: number | null = null;
        const tick = (now: number): void => {
          if (mine !== playback) { done('stopped'); return; }
          start ??= now;
          const f = Math.min(lastFrame, ((now - start) / 1000) * 60);
          const i = Math.floor(f);
          last = { before: snapshots[i]!, after: snapshots[Math.min(lastFrame, i + 1)]!, alpha: f - i, frame: i };
          if (f >= lastFrame) {
            const obj = snapshots[lastFrame]!.bodies.find((b) => !b.isStatic);
            mark = obj ? { ...m, x: obj.x, y: obj.y + obj.height / 2 } : null;
            render();
            done('ended');
            return;
          }
          render();
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    stop() { playback++; },
    setMovable(next) {
      movable = next;
      host.classList.toggle('can-grab', false);
    },
    drawn: () => overlay.drawn(),
  };
}
