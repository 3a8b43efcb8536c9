// Store slice: view facts that are not about physics (renderer, overlays, a refused scene file).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { RendererChoice } from '../../../render/createPixiApp';

export type RendererName = 'webgl' | 'canvas' | 'webgpu';
export type Overlay = 'help' | 'about' | null;

export interface FileProblem {
  file: string;
  /** One line per problem, each naming the JSON path. */
  errors: string[];
}

export interface UiSlice {
  renderer: RendererName | null;
  /** What was asked to draw the stage (?renderer; createPixiApp): read once, at start. */
  rendererChoice: RendererChoice;
  setRendererChoice: (choice: RendererChoice) => void;
  /** Set when no renderer could start: the page explains instead of drawing. */
  rendererError: string | null;
  overlay: Overlay;
  /** The last scene file a person loaded that could not be used (the scene on screen stays). */
  fileProblem: FileProblem | null;
  /** Which parameters of the page's link were ignored and why (null when all were used). */
  urlNote: string | null;
  setRenderer: (renderer: RendererName) => void;
  setRendererError: (message: string) => void;
  toggleOverlay: (overlay: Exclude<Overlay, null>) => void;
  closeOverlay: () => void;
  setFileProblem: (problem: FileProblem | null) => void;
  setUrlNote: (note: string | null) => void;
  /** Presentation mode: the stage and the chart stacked full width in large type, panels hidden. */
  presenting: boolean;
  setPresenting: (on: boolean) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  renderer: null,
  rendererChoice: 'auto',
  setRendererChoice: (rendererChoice) => set({ rendererChoice }),
  rendererError: null,
  overlay: null,
  fileProblem: null,
  urlNote: null,
  setRenderer: (renderer) => set({ renderer }),
  setRendererError: (rendererError) => set({ rendererError }),
  toggleOverlay: (overlay) => set({ overlay: get().overlay === overlay ? null : overlay }),
  closeOverlay: () => set({ overlay: null }),
  setFileProblem: (fileProblem) => set({ fileProblem }),
  setUrlNote: (urlNote) => set({ urlNote }),
  presenting: false,
  setPresenting: (presenting) => set({ presenting }),
});
