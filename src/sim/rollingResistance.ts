// Rolling resistance of wheeled bodies: what a toy car's axles and tyres take from its motion each step.
import Matter from 'matter-js';
import type { BuiltBody } from './bodies';
import { STEP_S, fromPxVelocity, toPxVelocity } from './units';

/** Share of a wheeled body's spin left after each step on the ground: its rocking on the wheels dies out. */
const SPIN_KEPT = 0.85;

/** Wheeled bodies touching the ground lose speed to rolling resistance (m/s² × 1/60 s), and their
 * rocking on the wheels dies out (15% of spin per step). */
export function applyRollingResistance(built: ReadonlyMap<string, BuiltBody>, touching: Set<string>): void {
  for (const id of touching) {
    const b = built.get(id);
    if (!b || b.spec.rollingResistance <= 0) continue;
    const body = b.body;
    const pxVelocity = Matter.Body.getVelocity(body);
    const v = fromPxVelocity(pxVelocity);
    const slowed = Math.max(0, Math.abs(v.vx) - b.spec.rollingResistance * STEP_S) * Math.sign(v.vx);
    Matter.Body.setVelocity(body, { x: toPxVelocity(slowed, 0).x, y: pxVelocity.y });
    Matter.Body.setAngularVelocity(body, Matter.Body.getAngularVelocity(body) * SPIN_KEPT);
  }
}
