// Everything a person can ask the page to do: the buttons, the keyboard and the pointer call these.
import type { Condition } from '../sim/spec';

export type PaletteKind = 'box' | 'ball' | 'car';

export interface Commands {
  togglePlay(): void;
  stepOnce(): void;
  stepBack(): void;
  /** Moves the cursor to a frame of the recent past (scrubbing the timeline). */
  seek(frame: number): void;
  reset(): void;
  setCondition(condition: Condition): void;
  toggleCondition(): void;
  selectScene(id: string): void;
  /** Picks the n-th scene of the picker (1-based, as keys 1–9 do). */
  selectSceneNumber(n: number): void;
  setVariant(variant: number | null): void;
  nextVariant(): void;
  setSeed(seed: number): void;
  setSpeed(speed: number): void;
  toggleModel(id: string): void;
  /** Free play. */
  addBody(kind: PaletteKind): void;
  deleteSelected(): void;
  magicNow(): void;
  setGravity(on: boolean): void;
  /** Reads a scene file a person dropped or picked; a bad file is reported, the scene stays. */
  loadSceneFile(name: string, text: string): void;
}

/** The Record toggle (free play): records the session from now until pressed again. */
export interface RecordToggle {
  readonly recording: boolean;
  toggle(): void;
  /** Calls `fn` whenever `recording` changes; returns a function that stops it. */
  subscribe(fn: () => void): () => void;
}
