// The Learn screen's state in one zustand (vanilla) store: the run settings and diet as a person
// set them, the run's state as the worker reports it, the curves so far, the saved checkpoints and
// the errors. Changed only through the named actions; the test hook reads it (learnHook.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperienceDiet } from '../../predictor/experience';
import type { CheckpointSummary } from '../../storage/checkpointStore';
import type { ProgressReport, RunState } from '../../worker/protocol';
import type { RunForm } from './runForm';
import { cohortCurve, type SeedCurves } from './cohortCurve';

/** A curve: [experience frames, value] points in the order they came. */
export type Curve = [number, number][];

export interface LearnState {
  runState: RunState | 'idle';
  /** 'wasm' once the worker's TF.js is up, null before. */
  backend: string | null;
  progress: ProgressReport | null;
  form: RunForm;
  /** The saved checkpoint the run continues (its name), or null for a newborn. */
  continueFrom: string | null;
  diet: ExperienceDiet;
  saved: CheckpointSummary[];
  /** The probe scenes of the run on the charts. */
  probeIds: string[];
  trainLoss: Curve;
  validationLoss: Curve;
  /** Pairwise accuracy per probe scene, by experience. */
  development: Record<string, Curve>;
  errors: string[];
  /** A cohort run (several seeds, trained one after another), or null for one learner. */
  cohort: { seeds: number[]; index: number; curves: SeedCurves } | null;
}

export interface LearnActions {
  settingsEdited(form: RunForm, continueFrom: string | null): void;
  dietChanged(diet: ExperienceDiet): void;
  /** A new run's charts: empty curves for these probe scenes. */
  chartsReset(probeIds: string[]): void;
  runStateChanged(state: RunState | 'idle'): void;
  backendReady(backend: string): void;
  progressed(progress: ProgressReport): void;
  lossMeasured(frames: number, trainLoss: number, validationLoss: number | null): void;
  developmentMeasured(frames: number, accuracy: Record<string, number>): void;
  savedListed(saved: CheckpointSummary[]): void;
  failed(message: string): void;
  /** A cohort run begins (null: a run of one learner). */
  cohortStarted(seeds: number[] | null): void;
  /** The cohort's next seed starts (its losses start over). */
  seedStarted(index: number): void;
}

export type LearnStore = StoreApi<LearnState & LearnActions>;

export function createLearnStore(form: RunForm, diet: ExperienceDiet): LearnStore {
  return createStore<LearnState & LearnActions>()((set, get) => ({
    runState: 'idle', backend: null, progress: null, form, continueFrom: null, diet, saved: [], probeIds: [],
    trainLoss: [], validationLoss: [], development: {}, errors: [], cohort: null,
    settingsEdited: (next, continueFrom) => set({ form: next, continueFrom }),
    dietChanged: (next) => set({ diet: next }),
    chartsReset: (probeIds) => set({ probeIds, trainLoss: [], validationLoss: [], development: Object.fromEntries(probeIds.map((id) => [id, []])) }),
    runStateChanged: (runState) => set({ runState }),
    backendReady: (backend) => set({ backend }),
    progressed: (progress) => set({ progress }),
    lossMeasured: (frames, train, validation) => {
      const s = get();
      set({
        trainLoss: Number.isFinite(train) ? [...s.trainLoss, [frames, train]] : s.trainLoss,
        validationLoss: validation !== null ? [...s.validationLoss, [frames, validation]] : s.validationLoss,
      });
    },
    developmentMeasured: (frames, accuracy) => {
      const cohort = get().cohort;
      if (cohort) {
        // A cohort: the seed's own curve is kept, and `development` is the mean over the seeds measured at each mark.
        const seed = String(cohort.seeds[cohort.index]);
        const mine = { ...(cohort.curves[seed] ?? {}) };
        for (const id of get().probeIds) { const a = accuracy[id]; if (a !== undefined) mine[id] = [...(mine[id] ?? []), [frames, a]]; }
        const curves = { ...cohort.curves, [seed]: mine };
        set({ cohort: { ...cohort, curves }, development: Object.fromEntries(get().probeIds.map((id) => [id, cohortCurve(curves, id).map((c) => [c.x, c.mean] as [number, number])])) });
        return;
      }
      const development = { ...get().development };
      for (const id of get().probeIds) {
        const a = accuracy[id];
        if (a !== undefined) development[id] = [...(development[id] ?? []), [frames, a]];
      }
      set({ development });
    },
    savedListed: (saved) => set({ saved }),
    failed: (message) => set({ errors: [...get().errors, message] }),
    cohortStarted: (seeds) => set({ cohort: seeds ? { seeds, index: 0, curves: {} } : null }),
    seedStarted: (index) => { const c = get().cohort; if (c) set({ cohort: { ...c, index }, trainLoss: [], validationLoss: [] }); },
  }));
}
