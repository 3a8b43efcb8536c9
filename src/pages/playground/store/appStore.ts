// Creates the page's zustand (vanilla) store from its slices.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState';
import { createFreePlaySlice } from './freePlaySlice';
import { createModelsSlice } from './modelsSlice';
import { createPlaybackSlice } from './playbackSlice';
import { createSceneSlice } from './sceneSlice';
import { createTrialSlice } from './trialSlice';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSceneSlice(...a),
    ...createPlaybackSlice(...a),
    ...createTrialSlice(...a),
    ...createModelsSlice(...a),
    ...createFreePlaySlice(...a),
    ...createUiSlice(...a),
  }));
}
