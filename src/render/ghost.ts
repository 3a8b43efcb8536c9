// What the ghost layer draws: an observer's rolled-out expectation of each moving body's path.
import type { BodyKind } from '../sim/spec';

export interface GhostPath {
  id: string;
  kind: BodyKind;
  width: number;
  height: number;
  /** Predicted poses for frames start+0 .. start+N (metres, radians; y up). */
  x: Float64Array;
  y: Float64Array;
  angle: Float64Array;
}

export interface Ghost {
  /** The frame the rollout started from. */
  start: number;
  paths: GhostPath[];
}
