// What a person did to a trial, stamped with the frame it happened at, so that the trial can be
// re-simulated exactly (step back, then change the past). Applied before the step from that frame.
import type { BodySpec, ViolationSpec } from '../../sim/spec';

export type Input =
  | { frame: number; kind: 'push'; body: string; vx: number; vy: number }
  | { frame: number; kind: 'add'; spec: BodySpec }
  | { frame: number; kind: 'remove'; body: string }
  | { frame: number; kind: 'gravity'; on: boolean }
  | { frame: number; kind: 'magic'; violation: ViolationSpec }
  /** Grab `body` at `pointB` (px from its centre of mass) with the pointer at (x, y) (matter px). */
  | { frame: number; kind: 'grab'; body: string; pointB: { x: number; y: number }; x: number; y: number }
  | { frame: number; kind: 'drag'; x: number; y: number }
  | { frame: number; kind: 'release' };

/** Inputs at frames before `frame` (what stays when the past is changed at `frame`). */
export function before(log: readonly Input[], frame: number): Input[] {
  return log.filter((i) => i.frame < frame);
}
