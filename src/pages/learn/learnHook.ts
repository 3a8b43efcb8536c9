// A read-only window into the Learn screen for tests and the benchmark: `window.__surpriseLearn`.
// It reports the page's store (and the drawing's own counters); it changes nothing, and the page
// never reads it (tests drive the page through its buttons and fields).
import type { FrameStats } from './frameStats';
import type { ProgressReport, RunState } from '../../worker/protocol';
import type { TryResult } from './tryPanel';
import type { Curve, LearnStore } from './learnStore';

export interface LearnHook {
  readonly version: 1;
  /** 'wasm' once the worker's TF.js is up, null before. */
  readonly backend: string | null;
  readonly state: RunState | 'idle';
  readonly progress: ProgressReport | null;
  /** Training loss per finished chunk and validation loss at measured marks, by experience. */
  losses(): { train: [number, number][]; validation: [number, number][] };
  /** Pairwise accuracy per probe scene, by experience. */
  development(): Record<string, [number, number][]>;
  /** Main-thread frame intervals while a learner was training or measuring. */
  frameStats(): FrameStats;
  readonly saved: string[];
  readonly episodesShown: number;
  readonly lastTry: TryResult | null;
  readonly errors: string[];
  /** A cohort run: its seeds, the one training (index), and each seed's curves; null for one learner. */
  cohort(): { seeds: number[]; index: number; curves: Record<string, Record<string, [number, number][]>> } | null;
  /** The developmental chart's data as plotted (x, then one column per series). */
  developmentChart(): { x: number[]; y: (number | null)[][] };
}

declare global {
  interface Window { __surpriseLearn?: LearnHook }
}

/** What the view counts itself (frame intervals, episodes drawn, the last try): not page state. */
export interface ViewCounters { frameStats(): FrameStats; episodesShown(): number; lastTry(): TryResult | null; developmentChart(): { x: number[]; y: (number | null)[][] } }

const copy = (c: Curve): Curve => c.map((p) => [...p] as [number, number]);

export function installLearnHook(store: LearnStore, view: ViewCounters): void {
  window.__surpriseLearn = {
    version: 1,
    get backend() { return store.getState().backend; },
    get state() { return store.getState().runState; },
    get progress() { return store.getState().progress; },
    losses: () => ({ train: copy(store.getState().trainLoss), validation: copy(store.getState().validationLoss) }),
    development: () => Object.fromEntries(Object.entries(store.getState().development).map(([k, v]) => [k, copy(v)])),
    frameStats: view.frameStats,
    get saved() { return store.getState().saved.map((s) => s.name); },
    get episodesShown() { return view.episodesShown(); },
    get lastTry() { return view.lastTry(); },
    get errors() { return [...store.getState().errors]; },
    cohort: () => {
      const c = store.getState().cohort;
      return c ? { seeds: [...c.seeds], index: c.index, curves: Object.fromEntries(Object.entries(c.curves).map(([s, byProbe]) => [s, Object.fromEntries(Object.entries(byProbe).map(([p, v]) => [p, copy(v)]))])) } : null;
    },
    developmentChart: view.developmentChart,
  };
}
