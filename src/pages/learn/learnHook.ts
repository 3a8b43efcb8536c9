// A read-only window into the Learn screen for tests and the benchmark: `window.__surpriseLearn`.
// It reports; it changes nothing (tests drive the page through its buttons and fields).
import type { FrameStats } from './frameStats';
import type { ProgressReport, RunState } from '../../worker/protocol';
import type { TryResult } from './tryPanel';

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
}

declare global {
  interface Window { __surpriseLearn?: LearnHook }
}

export function installLearnHook(hook: LearnHook): void {
  window.__surpriseLearn = hook;
}
