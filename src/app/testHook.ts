// A small, read-only window into the page for tests and the curious: `window.__surpriseLab`.
// It reports; it changes nothing (tests drive the page through its keys and buttons).
import type { WorldSnapshot } from '../sim/snapshot';
import type { AppStore } from '../store/appStore';
import type { ViewTransform } from '../render/viewTransform';
import { toScreenX, toScreenY } from '../render/viewTransform';
import type { TrialController } from './trialController';

export interface SurpriseLabHook {
  readonly version: 1;
  /** 'webgl' | 'canvas' | null before the renderer started. */
  readonly renderer: string | null;
  readonly sceneId: string | null;
  readonly condition: string;
  readonly running: boolean;
  readonly frame: number;
  readonly frames: number;
  readonly onsetFrame: number | null;
  /** A copy of the latest snapshot (SI units, y up). */
  snapshot(): WorldSnapshot | null;
  /** World point (m, y up) → canvas point in CSS pixels (y down, origin at the canvas's corner). */
  worldToScreen(x: number, y: number): { x: number; y: number } | null;
  /** Canvas pixels per CSS pixel. */
  readonly resolution: number;
}

declare global {
  interface Window {
    __surpriseLab?: SurpriseLabHook;
  }
}

export function installTestHook(store: AppStore, controller: TrialController, view: () => ViewTransform | null, resolution: () => number): void {
  const hook: SurpriseLabHook = {
    version: 1,
    get renderer() { return store.getState().renderer; },
    get sceneId() { return store.getState().sceneId; },
    get condition() { return store.getState().condition; },
    get running() { return store.getState().running; },
    get frame() { return controller.session?.frame ?? 0; },
    get frames() { return controller.session?.frames ?? 0; },
    get onsetFrame() { return controller.session?.onsetFrame ?? null; },
    snapshot() {
      const s = controller.session?.current;
      return s ? structuredClone(s) : null;
    },
    worldToScreen(x, y) {
      const t = view();
      return t ? { x: toScreenX(t, x), y: toScreenY(t, y) } : null;
    },
    get resolution() { return resolution(); },
  };
  Object.defineProperty(window, '__surpriseLab', { value: Object.freeze(hook), configurable: true });
}
