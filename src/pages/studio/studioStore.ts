// The Studio's one store (zustand vanilla): the document with its undo history, the selection, a
// drag's uncommitted preview, the seed of the variants, and what the page tells the person.
import { createStore } from 'zustand/vanilla';
import type { Edit } from './model/jsonEdit';
import { commitEdit, redo, startHistory, undo, type History } from './model/history';
import type { SceneDraft } from './model/sceneDraft';
import type { Guide } from './model/snapping';

export interface Notice { text: string; error: boolean }

export interface StudioState {
  history: History<SceneDraft>;
  /** What the document was loaded from ("blank stage", "copy of car-off-platform", a file name). */
  origin: string;
  selected: string | null;
  /** The document while a drag is under way (committed as one edit when the pointer lets go). */
  preview: SceneDraft | null;
  guides: Guide[];
  seed: number;
  variants: number;
  onion: boolean;
  notice: Notice | null;
}

export interface StudioActions {
  edit(edit: Edit, label: string): void;
  undo(): void;
  redo(): void;
  /** A new document (blank, a copy, an imported file): a fresh history. */
  load(doc: SceneDraft, origin: string): void;
  select(id: string | null): void;
  previewDrag(doc: SceneDraft | null, guides?: Guide[]): void;
  setSeed(seed: number): void;
  setOnion(on: boolean): void;
  tell(text: string | null, error?: boolean): void;
}

export type StudioStore = ReturnType<typeof createStudioStore>;

export const docOf = (s: StudioState): SceneDraft => s.preview ?? s.history.doc;

export function createStudioStore(doc: SceneDraft, origin: string) {
  return createStore<StudioState & StudioActions>()((set, get) => ({
    history: startHistory(doc),
    origin,
    selected: null,
    preview: null,
    guides: [],
    seed: 0,
    variants: 6,
    onion: true,
    notice: null,
    edit: (edit, label) => set({ history: commitEdit(get().history, edit, label), preview: null, guides: [] }),
    undo: () => set({ history: undo(get().history), preview: null }),
    redo: () => set({ history: redo(get().history), preview: null }),
    load: (next, from) => set({ history: startHistory(next), origin: from, selected: null, preview: null, guides: [] }),
    select: (id) => set({ selected: id }),
    previewDrag: (preview, guides = []) => set({ preview, guides }),
    setSeed: (seed) => set({ seed }),
    setOnion: (onion) => set({ onion }),
    tell: (text, error = false) => set({ notice: text === null ? null : { text, error } }),
  }));
}
