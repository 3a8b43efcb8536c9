// Store slice: the condition shown, whether time runs, and how fast (steps per second, never dt).
import type { StateCreator } from 'zustand/vanilla';
import type { Condition } from '../../../sim/spec';
import type { AppState } from './appState';

export const SPEEDS = [1, 0.5, 0.25, 0.1] as const;

export interface PlaybackSlice {
  condition: Condition;
  running: boolean;
  /** 1 = real time (60 fixed steps per second); 0.25 = a quarter as many steps per second. */
  speed: number;
  play: () => void;
  pause: () => void;
  setCondition: (condition: Condition) => void;
  toggleCondition: () => void;
  setSpeed: (speed: number) => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  condition: 'possible',
  running: false,
  speed: 1,
  play: () => set({ running: true }),
  pause: () => set({ running: false }),
  setCondition: (condition) => set({ condition }),
  toggleCondition: () => set({ condition: get().condition === 'possible' ? 'impossible' : 'possible' }),
  setSpeed: (speed) => {
    if ((SPEEDS as readonly number[]).includes(speed)) set({ speed });
  },
});
