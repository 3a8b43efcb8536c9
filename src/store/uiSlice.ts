// Store slice: view facts that are not about physics (which renderer is drawing, overlays).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';

export type RendererName = 'webgl' | 'canvas' | 'webgpu';

export interface UiSlice {
  renderer: RendererName | null;
  /** Set when no renderer could start: the page explains instead of drawing. */
  rendererError: string | null;
  helpOpen: boolean;
  setRenderer: (renderer: RendererName) => void;
  setRendererError: (message: string) => void;
  toggleHelp: () => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  renderer: null,
  rendererError: null,
  helpOpen: false,
  setRenderer: (renderer) => set({ renderer }),
  setRendererError: (rendererError) => set({ rendererError }),
  toggleHelp: () => set({ helpOpen: !get().helpOpen }),
});
