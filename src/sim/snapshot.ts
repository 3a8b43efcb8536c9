// Plain per-body states in SI units: what an observer (the learner, the chart, an export) sees.
import type { BodyKind } from './spec';

export interface BodyState {
  id: string;
  kind: BodyKind;
  x: number;
  y: number;
  vx: number;
  vy: number;
  angle: number;
  angularVelocity: number;
  width: number;
  height: number;
  isStatic: boolean;
  /** False while hidden behind an occluder or absent (vanished, not yet appeared). */
  visible: boolean;
  /** False once vanished or before it appears: the body takes no part in physics. */
  present: boolean;
}

export interface WorldSnapshot {
  frame: number;
  t: number;
  bodies: BodyState[];
}

export type SimEventKind = 'push' | 'release' | 'loses-support' | 'violation-onset' | 'left-world';
export interface SimEvent {
  frame: number;
  kind: SimEventKind;
  body: string;
}
