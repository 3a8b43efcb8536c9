// The whole store's shape: the union of its slices.
import type { FreePlaySlice } from './freePlaySlice';
import type { ModelsSlice } from './modelsSlice';
import type { PlaybackSlice } from './playbackSlice';
import type { SceneSlice } from './sceneSlice';
import type { TrialSlice } from './trialSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SceneSlice & PlaybackSlice & TrialSlice & ModelsSlice & FreePlaySlice & UiSlice;
