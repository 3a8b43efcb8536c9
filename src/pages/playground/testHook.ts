// A small, read-only window into the page for tests, the benchmark and the curious:
// `window.__surpriseLab`. It reports; it changes nothing (tests drive the page through its keys,
// buttons and pointer).
import type { WorldSnapshot } from '../../sim/snapshot';
import type { AppStore } from './store/appStore';
import type { ViewTransform } from '../../render/viewTransform';
import { toScreenX, toScreenY } from '../../render/viewTransform';
import type { PerfSummary } from './perfStats';
import type { TrialController } from './trialController';

export interface SurpriseLabHook {
  readonly version: 2;
  /** True once start-up is over: the list of observers is known and ?autoplay has been applied. */
  readonly started: boolean;
  /** 'webgl' | 'canvas' | null before the renderer started. */
  readonly renderer: string | null;
  readonly sceneId: string | null;
  readonly condition: string;
  readonly running: boolean;
  readonly speed: number;
  /** The frame on screen (after a step back, earlier than `head`). */
  readonly frame: number;
  /** The newest simulated frame. */
  readonly head: number;
  readonly frames: number;
  readonly onsetFrame: number | null;
  /** Selected observers, in order, and those loaded and running. */
  readonly models: string[];
  /** Every observer the page offers (shipped, saved in this browser, baselines). */
  readonly availableModels: string[];
  readonly modelsReady: boolean;
  /** Observers switched off (could not load, or too slow to run live here), with the reason. */
  readonly suspended: Record<string, string>;
  readonly selectedBody: string | null;
  /** Whether Record is on, and how many recordings this page has saved to IndexedDB. */
  readonly recording: boolean;
  readonly recordingsSaved: number;
  /** A copy of the snapshot on screen (SI units, y up), or of another frame still held. */
  snapshot(frame?: number): WorldSnapshot | null;
  /** Each running observer's total surprise per frame, for frames first..head (null = none yet). */
  surprise(): { first: number; series: Record<string, (number | null)[]>; bands: Record<string, ([number, number] | null)[]>;
    /** Per cohort observer: each of its seeds' totals, by checkpoint id, in the cohort's order. */
    members: Record<string, Record<string, (number | null)[]>> };
  /** Whether the chart has been drawn with a line per observer. */
  chartLines(): number;
  /** The ghost on screen: the observer it belongs to, where it starts, its length and how much of it
   * is predicted (steps), the wall time that took (ms), the last step that can be judged against
   * what happened, and per moving body the predicted path, the first step more than 5 cm off the
   * real one (null: never so far) and the largest distance (m). */
  ghost(): GhostInfo | null;
  /** World point (m, y up) → canvas point in CSS pixels (y down, origin at the canvas's corner). */
  worldToScreen(x: number, y: number): { x: number; y: number } | null;
  /** Canvas pixels per CSS pixel. */
  readonly resolution: number;
  /** Frame intervals and per-step costs measured since the last perfReset() (ms). */
  perf(): PerfSummary;
  perfReset(): void;
}

export interface GhostInfo {
  model: string;
  start: number;
  steps: number;
  built: number;
  buildMs: number;
  judged: number;
  exitStep: number | null;
  paths: { id: string; x: number[]; y: number[]; exitStep: number | null; maxDistance: number }[];
}

declare global {
  interface Window {
    __surpriseLab?: SurpriseLabHook;
  }
}

export function installTestHook(store: AppStore, controller: TrialController, view: () => ViewTransform | null, resolution: () => number,
  chartLines: () => number, started: () => boolean, recordingsSaved: () => number = () => 0): void {
  const hook: SurpriseLabHook = {
    version: 2,
    get started() { return started(); },
    get renderer() { return store.getState().renderer; },
    get sceneId() { return store.getState().sceneId; },
    get condition() { return store.getState().condition; },
    get running() { return store.getState().running; },
    get speed() { return store.getState().speed; },
    get frame() { return controller.session?.frame ?? 0; },
    get head() { return controller.session?.head ?? 0; },
    get frames() { return controller.session?.frames ?? 0; },
    get onsetFrame() { return controller.session?.onsetFrame ?? null; },
    get models() { return controller.bank.ordered.map((t) => t.choice.id); },
    get availableModels() { return store.getState().models.map((m) => m.id); },
    get modelsReady() { return store.getState().modelsStatus !== 'loading' && controller.bank.settled; },
    get suspended() { return { ...store.getState().suspendedModels }; },
    get selectedBody() { return store.getState().selectedBody; },
    get recording() { return controller.recorder.recording; },
    get recordingsSaved() { return recordingsSaved(); },
    snapshot(frame) {
      const s = controller.session;
      const snap = frame === undefined ? s?.current : s?.history.at(frame)?.snapshot;
      return snap ? structuredClone(snap) : null;
    },
    surprise() {
      const s = controller.session;
      const series: Record<string, (number | null)[]> = {};
      const bands: Record<string, ([number, number] | null)[]> = {};
      const members: Record<string, Record<string, (number | null)[]>> = {};
      if (!s) return { first: 0, series, bands, members };
      const records = s.history.range(s.history.first, s.head);
      for (const t of controller.bank.ordered) {
        series[t.choice.id] = records.map((r) => r.surprise.get(t.choice.id)?.total ?? null);
        if (!t.choice.members) continue;
        bands[t.choice.id] = records.map((r) => { const b = r.surprise.get(t.choice.id)?.band; return b ? [b.min, b.max] : null; });
        members[t.choice.id] = Object.fromEntries(t.choice.members.map((m) => [m, records.map((r) => r.surprise.get(m)?.total ?? null)]));
      }
      return { first: s.history.first, series, bands, members };
    },
    chartLines,
    ghost() {
      const g = controller.ghost.ghost;
      const s = controller.session;
      if (!g || !s) return null;
      const d = controller.ghost.divergence(s.history, s.head, controller.bank.changes);
      return {
        model: g.model, start: g.start, steps: g.steps, built: g.built, buildMs: controller.ghost.buildMs,
        judged: d?.judged ?? 0, exitStep: d?.exitStep ?? null,
        paths: g.paths.map((p) => {
          const b = d?.bodies.find((x) => x.id === p.id);
          return { id: p.id, x: [...p.x], y: [...p.y], exitStep: b?.exitStep ?? null, maxDistance: b?.maxDistance ?? 0 };
        }),
      };
    },
    worldToScreen(x, y) {
      const t = view();
      return t ? { x: toScreenX(t, x), y: toScreenY(t, y) } : null;
    },
    get resolution() { return resolution(); },
    perf: () => controller.perf.summary(),
    perfReset: () => controller.perf.reset(),
  };
  Object.defineProperty(window, '__surpriseLab', { value: Object.freeze(hook), configurable: true });
}
