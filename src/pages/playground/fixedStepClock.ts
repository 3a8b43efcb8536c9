// The fixed-step accumulator: how many 1/60 s physics steps a stretch of wall-clock time is worth.
// Pure arithmetic; the browser loop feeds it real time, tests can feed it any numbers.

export interface ClockState {
  /** Physics steps owed but not yet taken, as a fraction of a step (0 ≤ acc). */
  acc: number;
}

export interface ClockTick {
  /** Steps to take now. */
  steps: number;
  /** Where the drawing sits between the last two steps, 0..1. */
  alpha: number;
}

/** Longest stretch of wall time counted at once (a hidden tab must not cause a burst). */
export const MAX_FRAME_MS = 100;
/** Most steps taken in one animation frame; beyond it the display slows down rather than lag. */
export const MAX_STEPS_PER_FRAME = 4;

export function tickClock(state: ClockState, elapsedMs: number, stepsPerSecond: number): ClockTick {
  const ms = Math.min(Math.max(elapsedMs, 0), MAX_FRAME_MS);
  state.acc += (ms * stepsPerSecond) / 1000;
  let steps = Math.floor(state.acc);
  if (steps > MAX_STEPS_PER_FRAME) {
    steps = MAX_STEPS_PER_FRAME;
    state.acc = Math.min(state.acc - steps, 0.999);
  } else state.acc -= steps;
  return { steps, alpha: state.acc };
}
