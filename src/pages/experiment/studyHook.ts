// A read-only window into the Experiment screen for tests and the curious: `window.__study`.
import type { StudyResults } from '../../experiment/studyResults';

export interface StudyHookState {
  ready: boolean;
  state: 'idle' | 'running' | 'paused' | 'finished' | 'ended';
  runId: string | null;
  finished: number;
  total: number;
  /** Trials the browser refused to store (kept in the page, offered as a download). */
  unsaved: number;
  /** A run found unfinished at load: its id and how far it got. */
  interrupted: { runId: string; finished: number; total: number } | null;
  results: StudyResults | null;
}

export function installStudyHook(): StudyHookState {
  const state: StudyHookState = { ready: false, state: 'idle', runId: null, finished: 0, total: 0, unsaved: 0, interrupted: null, results: null };
  (window as unknown as { __study: StudyHookState }).__study = state;
  return state;
}
