// Store slice: which scenes exist, which one is chosen, and which seeded variant of it.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { CatalogEntry } from '../../../web/catalogEntry';

export interface SceneSlice {
  catalog: CatalogEntry[];
  sceneId: string | null;
  /** Null: the scene's canonical version (every param at its default). */
  variant: number | null;
  seed: number;
  setCatalog: (catalog: CatalogEntry[], preferredId?: string) => void;
  selectScene: (id: string) => void;
  setVariant: (variant: number | null) => void;
  nextVariant: () => void;
  setSeed: (seed: number) => void;
  /** A scene a person loaded from a file: replaces any scene with its id, and is shown at once. */
  addUserScene: (entry: CatalogEntry) => void;
}

const isPlayable = (catalog: CatalogEntry[], id: string | null): boolean =>
  id !== null && catalog.some((e) => e.id === id && e.scene !== null);

export const createSceneSlice: StateCreator<AppState, [], [], SceneSlice> = (set, get) => ({
  catalog: [],
  sceneId: null,
  variant: null,
  seed: 0,
  setCatalog: (catalog, preferredId) => {
    const first = catalog.find((e) => e.scene !== null)?.id ?? null;
    const sceneId = isPlayable(catalog, preferredId ?? null) ? preferredId! : first;
    set({ catalog, sceneId });
  },
  selectScene: (id) => {
    if (!isPlayable(get().catalog, id) || id === get().sceneId) return;
    set({ sceneId: id, variant: null });
  },
  setVariant: (variant) => {
    const v = variant === null || !Number.isFinite(variant) ? null : Math.max(0, Math.floor(variant));
    set({ variant: v });
  },
  nextVariant: () => set({ variant: (get().variant ?? -1) + 1 }),
  setSeed: (seed) => set({ seed: Number.isFinite(seed) ? Math.max(0, Math.floor(seed)) : 0 }),
  addUserScene: (entry) => {
    const catalog = [...get().catalog.filter((e) => e.id !== entry.id), entry];
    // A new object each time, so that loading the same id again rebuilds the trial.
    set({ catalog, sceneId: null });
    set({ sceneId: entry.id, variant: null });
  },
});
