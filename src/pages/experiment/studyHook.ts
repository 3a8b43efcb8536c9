// A read-only window into the Experiment screen for tests and the curious: `window.__study`, a
// projection of the page's store, rewritten on every change (the page never reads it back).
import type { StudyResults } from '../../experiment/studyResults';
import type { LookingResults } from '../../experiment/looking/lookingStudy';
import type { InterruptedRun, StudyPhase, StudyState, StudyStore } from './studyStore';

export interface StudyHookState {
  ready: boolean;
  state: StudyPhase;
  runId: string | null;
  finished: number;
  total: number;
  /** Trials the browser refused to store (kept in the page, offered as a download). */
  unsaved: number;
  /** A run found unfinished at load: its id and how far it got. */
  interrupted: InterruptedRun | null;
  results: StudyResults | null;
  /** Looking times under the chosen looking model (null: none chosen). */
  looking: LookingResults | null;
}

const project = (s: StudyState): StudyHookState => ({
  ready: s.ready, state: s.phase, runId: s.runId, finished: s.finished, total: s.total,
  unsaved: s.unsaved.length, interrupted: s.interrupted, results: s.results, looking: s.looking,
});

/** Puts the hook on the window at once (idle, not ready), before the page's store exists. */
export function installStudyHook(): StudyHookState {
  const hook: StudyHookState = { ready: false, state: 'idle', runId: null, finished: 0, total: 0, unsaved: 0, interrupted: null, results: null, looking: null };
  (window as unknown as { __study: StudyHookState }).__study = hook;
  return hook;
}

/** From now on the hook shows the store, rewritten on every change. */
export function mirrorStudyStore(hook: StudyHookState, store: StudyStore): void {
  Object.assign(hook, project(store.getState()));
  store.subscribe((s) => { Object.assign(hook, project(s)); });
}
