// The whole store's shape: the union of its slices.
import type { PlaybackSlice } from './playbackSlice';
import type { SceneSlice } from './sceneSlice';
import type { TrialSlice } from './trialSlice';
import type { UiSlice } from './uiSlice';

export type AppState = SceneSlice & PlaybackSlice & TrialSlice & UiSlice;
