// A violation that only sets velocities, taking effect part-way through a step as a contact does
// (a trigger with `interpolate`): started between the sub-steps around its moment, and the bodies
// whose velocity it changed moved as if it had come exactly at that moment.
import Matter from 'matter-js';
import type { ViolationType } from './spec';

/** The kinds whose one-off effect is only to set velocities (no persistent force, pin or change of
 * shape or presence): the ones that can stand in for a contact within a step. */
export const SETS_VELOCITY_ONLY: ReadonlySet<ViolationType> = new Set<ViolationType>(['transfer', 'set-velocity', 'scale-velocity', 'reverse', 'deflect']);

/** Where a moment `within` (0 to 1) of a step falls among its `substeps` sub-steps: just before
 * sub-step `index` (`substeps`: after the last one), `into` (0 to 1) of the way through it. */
export function subStepOf(within: number, substeps: number): { index: number; into: number } {
  const at = Math.min(1, Math.max(0, within)) * substeps;
  const index = Math.min(substeps, Math.floor(at));
  return { index, into: index === substeps ? 0 : at - index };
}

/** Runs `start` (a violation that only sets velocities) at the start of a sub-step, then moves every
 * body whose velocity or spin it changed by (old − new) × the time from there to the violation's
 * moment, `into` of a sub-step: at the step's end each body is where a change at that moment would
 * have put it (to within the sub-step's forces), not a whole sub-step — or step — further. */
export function startWithin(bodies: readonly Matter.Body[], into: number, substeps: number, start: () => void): void {
  const before = bodies.map((b) => ({ v: Matter.Body.getVelocity(b), spin: Matter.Body.getAngularVelocity(b) }));
  start();
  if (into === 0) return;
  // matter-js velocities are per 1/60 s (its base delta, our step); the lag is `into` of a sub-step.
  const lag = into / substeps;
  bodies.forEach((b, k) => {
    const old = before[k]!;
    const v = Matter.Body.getVelocity(b);
    const dx = (old.v.x - v.x) * lag;
    const dy = (old.v.y - v.y) * lag;
    if (dx !== 0 || dy !== 0) Matter.Body.setPosition(b, { x: b.position.x + dx, y: b.position.y + dy });
    const dAngle = (old.spin - Matter.Body.getAngularVelocity(b)) * lag;
    if (dAngle !== 0) Matter.Body.setAngle(b, b.angle + dAngle);
  });
}
