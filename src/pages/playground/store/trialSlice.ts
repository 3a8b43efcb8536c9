// Store slice: facts about the trial on screen that change rarely (built, onset, ended, failed).
// The per-frame body states never come through here: the renderer reads snapshots directly.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';

export interface TrialInfo {
  /** Frames in the whole trial (1/60 s each). */
  frames: number;
  /** Param values of the variant on screen. */
  params: Record<string, number>;
  /** Frame at which the violation starts (or, in the possible condition, where its twin diverges). */
  onsetFrame: number | null;
  ended: boolean;
  /** What the violation does, in words ("the car floats"); null when the scene has none. */
  magic: string | null;
}

export interface TrialSlice {
  trial: TrialInfo | null;
  /** Why the chosen scene/variant could not be built or run (the previous trial stays on screen). */
  trialError: string | null;
  /** The recording: true while the frame on screen is in the recorded past (after a step back or
   * a scrub), false when it is the newest simulated frame. */
  inPast: boolean;
  setInPast: (inPast: boolean) => void;
  trialStarted: (info: Pick<TrialInfo, 'frames' | 'params' | 'magic'>) => void;
  /** The onset on screen: reached, or (after stepping back before it) not yet. */
  setOnset: (frame: number | null) => void;
  trialEnded: () => void;
  /** Stepped back from the end: the trial can go on. */
  trialResumed: () => void;
  /** The running trial broke (e.g. the physics exploded): time stops. */
  trialFailed: (message: string) => void;
  /** A new choice could not be built: say why; the trial on screen goes on. */
  buildFailed: (message: string) => void;
}

export const createTrialSlice: StateCreator<AppState, [], [], TrialSlice> = (set, get) => ({
  trial: null,
  trialError: null,
  inPast: false,
  setInPast: (inPast) => {
    if (get().inPast !== inPast) set({ inPast });
  },
  trialStarted: (info) => set({ trial: { ...info, onsetFrame: null, ended: false }, trialError: null }),
  setOnset: (frame) => {
    const t = get().trial;
    if (t && t.onsetFrame !== frame) set({ trial: { ...t, onsetFrame: frame } });
  },
  trialEnded: () => {
    const t = get().trial;
    if (t && !t.ended) set({ trial: { ...t, ended: true }, running: false });
  },
  trialResumed: () => {
    const t = get().trial;
    if (t?.ended) set({ trial: { ...t, ended: false } });
  },
  trialFailed: (message) => set({ trialError: message, running: false }),
  buildFailed: (message) => set({ trialError: message }),
});
