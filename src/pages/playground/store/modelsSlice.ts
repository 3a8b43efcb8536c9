// Store slice: the observers a person can pick (shipped checkpoints, the baselines, the ideal
// observer), which are shown, how loading the checkpoints went, and how far ahead the ghost looks.
// Surprise values and the ghost itself never come here.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { ModelChoice } from '../../../web/modelChoice';

export type ModelsStatus = 'loading' | 'ready' | 'failed';

export interface ModelsSlice {
  models: ModelChoice[];
  selectedModels: string[];
  modelsStatus: ModelsStatus;
  modelsError: string | null;
  /** Models whose live surprise was switched off because it could not keep up (id → reason). */
  suspendedModels: Record<string, string>;
  setAvailableModels: (models: ModelChoice[], status: ModelsStatus, error?: string | null) => void;
  setSelectedModels: (ids: string[]) => void;
  toggleModel: (id: string) => void;
  suspendModel: (id: string, reason: string) => void;
  /** How far the ghost (the observer in focus's rollout) looks ahead, in seconds. */
  ghostSeconds: GhostSeconds;
  setGhostSeconds: (seconds: number) => void;
  /** 1 s → 2 s → 5 s → 10 s → 1 s (the G key). */
  cycleGhostSeconds: () => void;
  /** The observer whose ghost is shown (null: the most experienced learner shown). */
  ghostModel: string | null;
  setGhostModel: (id: string | null) => void;
}

export const MAX_SELECTED_MODELS = 4;

/** The ghost lengths offered (seconds); 1 s is the default. */
export const GHOST_SECONDS = [1, 2, 5, 10] as const;
export type GhostSeconds = (typeof GHOST_SECONDS)[number];
export const isGhostSeconds = (s: number): s is GhostSeconds => (GHOST_SECONDS as readonly number[]).includes(s);

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set, get) => ({
  models: [],
  selectedModels: [],
  modelsStatus: 'loading',
  modelsError: null,
  suspendedModels: {},
  setAvailableModels: (models, status, error = null) => {
    const known = new Set(models.map((m) => m.id));
    set({ models, modelsStatus: status, modelsError: error, selectedModels: get().selectedModels.filter((id) => known.has(id)) });
  },
  setSelectedModels: (ids) => {
    const known = new Set(get().models.map((m) => m.id));
    const unique = [...new Set(ids)].filter((id) => known.has(id)).slice(0, MAX_SELECTED_MODELS);
    set({ selectedModels: unique });
  },
  toggleModel: (id) => {
    const s = get().selectedModels;
    if (s.includes(id)) set({ selectedModels: s.filter((x) => x !== id) });
    else if (s.length < MAX_SELECTED_MODELS && get().models.some((m) => m.id === id)) set({ selectedModels: [...s, id] });
  },
  suspendModel: (id, reason) => set({ suspendedModels: { ...get().suspendedModels, [id]: reason } }),
  ghostSeconds: 1,
  setGhostSeconds: (seconds) => {
    if (isGhostSeconds(seconds)) set({ ghostSeconds: seconds });
  },
  ghostModel: null,
  setGhostModel: (id) => set({ ghostModel: id }),
  cycleGhostSeconds: () => {
    const i = GHOST_SECONDS.indexOf(get().ghostSeconds);
    set({ ghostSeconds: GHOST_SECONDS[(i + 1) % GHOST_SECONDS.length]! });
  },
});
