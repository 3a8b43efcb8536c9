// The browser loop: the one place that reads the wall clock. Each animation frame it takes the
// fixed steps the elapsed time is worth, then draws once, interpolated between the last two steps.
import { tickClock, type ClockState } from './fixedStepClock';
import { STEP_S } from '../../sim/units';

/** Most wall time (ms) spent on physics and surprise in one animation frame: when steps cost more
 * (a crowded scene on a slow machine), time on screen runs slower instead of frames stalling. */
export const STEP_BUDGET_MS = 10;

export interface LoopClient {
  /** Whether time runs now. */
  running(): boolean;
  /** 1 = real time. Slow motion runs fewer fixed steps per second; the step stays 1/60 s. */
  speed(): number;
  /** Takes one fixed step; returns false when the trial cannot go on (ended or failed). */
  step(): boolean;
  /** `now` is the animation frame's timestamp (ms). */
  draw(alpha: number, now: number): void;
  /** After each frame: how long its work (steps and drawing) took on the main thread, ms. */
  frameDone?(workMs: number): void;
}

export function startAnimationLoop(client: LoopClient): () => void {
  const clock: ClockState = { acc: 0 };
  let last = performance.now();
  let handle = 0;
  let wasRunning = false;
  const frame = (now: number): void => {
    const started = performance.now();
    let elapsed = now - last;
    last = now;
    const running = client.running();
    if (running && !wasRunning) {
      // Resume with one step owed and no time elapsed: the first step's "before" state is the
      // one on screen, so motion continues from exactly where it stopped.
      clock.acc = 1;
      elapsed = 0;
    }
    wasRunning = running;
    let alpha = 1;
    if (running) {
      const tick = tickClock(clock, elapsed, client.speed() / STEP_S);
      alpha = tick.alpha;
      for (let i = 0; i < tick.steps; i++) {
        if (!client.step()) {
          alpha = 1;
          break;
        }
        // Over budget: the steps still owed are dropped (never a longer time step).
        if (i < tick.steps - 1 && performance.now() - started > STEP_BUDGET_MS) {
          alpha = 1;
          break;
        }
      }
    }
    client.draw(alpha, now);
    client.frameDone?.(performance.now() - started);
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
