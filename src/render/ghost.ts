// What the ghost layer draws: an observer's rolled-out expectation of each moving body's path.
import type { BodyKind } from '../sim/spec';

export interface GhostPath {
  id: string;
  kind: BodyKind;
  width: number;
  height: number;
  /** Predicted poses for frames start+0 .. start+steps (metres, radians; y up); valid up to `built`. */
  x: Float64Array;
  y: Float64Array;
  angle: Float64Array;
}

export interface Ghost {
  /** The frame the rollout started from. */
  start: number;
  /** Its length in steps of 1/60 s. */
  steps: number;
  /** Steps predicted so far: a long ghost asked for while paused grows over a few animation frames. */
  built: number;
  /** The observer it is the expectation of (its label). */
  model: string;
  paths: GhostPath[];
}
