// The pointer on the stage: press on a body to select it; hold and drag to carry it (a matter-js
// mouse constraint, through the view transform); click and flick quickly to push it. While
// paused nothing can be carried, so any press-move-release on a body is a push.
import type { AppStore } from './store/appStore';
import { toWorldX, toWorldY, type ViewTransform } from '../../render/viewTransform';
import type { TrialController } from './trialController';

/** A press shorter than this that moved is a flick (a push), not a carry. */
const FLICK_MS = 250;
const FLICK_MIN_PX = 6;
/** Fastest push a flick gives (m/s). */
const MAX_FLICK = 4;

export function bindPointer(host: HTMLElement, store: AppStore, controller: TrialController, view: () => ViewTransform | null): void {
  let press: { id: string; t: number; x: number; y: number; pointer: number } | null = null;
  let trail: { t: number; x: number; y: number }[] = [];

  const world = (e: PointerEvent): { x: number; y: number } | null => {
    const t = view();
    if (!t) return null;
    const r = host.getBoundingClientRect();
    return { x: toWorldX(t, e.clientX - r.left), y: toWorldY(t, e.clientY - r.top) };
  };

  host.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const p = world(e);
    if (!p) return;
    const id = controller.bodyAt(p.x, p.y);
    store.getState().selectBody(id);
    if (!id) return;
    e.preventDefault();
    host.setPointerCapture(e.pointerId);
    press = { id, t: e.timeStamp, x: e.clientX, y: e.clientY, pointer: e.pointerId };
    trail = [{ t: e.timeStamp, ...p }];
    if (store.getState().running) controller.grab(id, p.x, p.y);
    host.classList.add('is-dragging');
  });

  host.addEventListener('pointermove', (e) => {
    const p = world(e);
    if (!p) return;
    if (!press) {
      host.classList.toggle('over-body', controller.bodyAt(p.x, p.y) !== null);
      return;
    }
    trail.push({ t: e.timeStamp, ...p });
    if (trail.length > 12) trail.shift();
    controller.dragTo(p.x, p.y);
  });

  const end = (e: PointerEvent): void => {
    if (!press || e.pointerId !== press.pointer) return;
    const quick = e.timeStamp - press.t < FLICK_MS || !store.getState().running;
    const moved = Math.hypot(e.clientX - press.x, e.clientY - press.y) >= FLICK_MIN_PX;
    controller.release();
    if (quick && moved && trail.length >= 2) {
      const a = trail[0]!;
      const b = trail[trail.length - 1]!;
      const dt = Math.max((b.t - a.t) / 1000, 1 / 120);
      let vx = (b.x - a.x) / dt;
      let vy = (b.y - a.y) / dt;
      const speed = Math.hypot(vx, vy);
      if (speed > MAX_FLICK) {
        vx *= MAX_FLICK / speed;
        vy *= MAX_FLICK / speed;
      }
      controller.push(press.id, vx, vy);
    }
    press = null;
    trail = [];
    host.classList.remove('is-dragging');
  };
  host.addEventListener('pointerup', end);
  host.addEventListener('pointercancel', end);
}
