// The Experiment screen's state in one zustand (vanilla) store: the observers on offer, the setup
// as chosen, the study runner and its phase, the trial on the stage, trials the browser would not
// store, and the results. Changed only through the named actions; the test hook is a projection.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Recording } from '../../experiment/recording';
import type { StudyResults } from '../../experiment/studyResults';
import type { LookingResults } from '../../experiment/looking/lookingStudy';
import type { ModelChoice } from '../../web/modelChoice';
import type { SetupForm } from './setupForm';
import type { StudyRunner } from './studyRunner';

export type StudyPhase = 'idle' | 'running' | 'paused' | 'finished' | 'ended';
export interface InterruptedRun { runId: string; finished: number; total: number }

export interface StudyState {
  ready: boolean;
  phase: StudyPhase;
  models: ModelChoice[];
  /** The setup as last checked valid (what a run starts with; what the address bar holds). */
  form: SetupForm;
  /** The setup's fields as they stand, valid or not (kept when the panel is built again). */
  typedForm: SetupForm;
  runner: StudyRunner | null;
  runId: string | null;
  finished: number;
  total: number;
  /** From the moment a run is being set up until it is ready: a second Start or Resume is ignored. */
  settingUp: boolean;
  /** The trial last shown on the stage (Replay plays it again). */
  shown: Recording | null;
  /** Trials the browser refused to store (kept in the page, offered as a download). */
  unsaved: Recording[];
  interrupted: InterruptedRun | null;
  results: StudyResults | null;
  /** The observers' looking times (a looking model chosen); null otherwise. */
  looking: LookingResults | null;
}

export interface StudyActions {
  modelsListed(models: ModelChoice[]): void;
  formChosen(form: SetupForm): void;
  formTyped(form: SetupForm): void;
  setupStarted(): void;
  setupEnded(): void;
  /** A run is being prepared with this setup: the unsaved list starts empty. */
  runPrepared(form: SetupForm): void;
  runnerReady(runner: StudyRunner, runId: string): void;
  runnerFailed(): void;
  trialUnsaved(rec: Recording): void;
  trialDone(rec: Recording, finished: number): void;
  runStarted(): void;
  runPaused(): void;
  runStopped(status: 'finished' | 'ended'): void;
  recordingShown(rec: Recording): void;
  resultsChanged(results: StudyResults | null, looking?: LookingResults | null): void;
  interruptedFound(run: InterruptedRun): void;
  markReady(): void;
}

export type StudyStore = StoreApi<StudyState & StudyActions>;

export function createStudyStore(models: ModelChoice[], form: SetupForm): StudyStore {
  return createStore<StudyState & StudyActions>()((set, get) => ({
    ready: false, phase: 'idle', models, form, typedForm: form, runner: null, runId: null, finished: 0, total: 0,
    settingUp: false, shown: null, unsaved: [], interrupted: null, results: null, looking: null,
    modelsListed: (next) => set({ models: next }),
    formChosen: (next) => set({ form: next }),
    formTyped: (next) => set({ typedForm: next }),
    setupStarted: () => set({ settingUp: true }),
    setupEnded: () => set({ settingUp: false }),
    runPrepared: (next) => set({ form: next, unsaved: [] }),
    runnerReady: (runner, runId) => set({ runner, runId, total: runner.total, finished: runner.finished.size }),
    runnerFailed: () => set({ runner: null }),
    trialUnsaved: (rec) => set({ unsaved: [...get().unsaved, rec] }),
    trialDone: (rec, finished) => set({ shown: rec, finished }),
    runStarted: () => set({ phase: 'running' }),
    runPaused: () => set({ phase: 'paused' }),
    runStopped: (status) => set({ phase: status }),
    recordingShown: (rec) => set({ shown: rec }),
    resultsChanged: (results, looking = null) => set({ results, looking }),
    interruptedFound: (run) => set({ interrupted: run }),
    markReady: () => set({ ready: true }),
  }));
}
