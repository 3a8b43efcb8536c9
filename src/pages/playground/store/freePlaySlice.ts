// Store slice: free play: the selected body, gravity, and which magic the magic button does.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';

/** The violations the magic button offers (each applies to the selected body, right now). */
export const MAGIC_CHOICES = ['float', 'freeze', 'reverse', 'deflect', 'resize', 'teleport', 'vanish', 'pass-through'] as const;
export type MagicChoice = (typeof MAGIC_CHOICES)[number];

export interface FreePlaySlice {
  selectedBody: string | null;
  gravityOn: boolean;
  magic: MagicChoice;
  selectBody: (id: string | null) => void;
  setGravity: (on: boolean) => void;
  setMagic: (magic: MagicChoice) => void;
}

export const createFreePlaySlice: StateCreator<AppState, [], [], FreePlaySlice> = (set) => ({
  selectedBody: null,
  gravityOn: true,
  magic: 'float',
  selectBody: (selectedBody) => set({ selectedBody }),
  setGravity: (gravityOn) => set({ gravityOn }),
  setMagic: (magic) => set({ magic }),
});
