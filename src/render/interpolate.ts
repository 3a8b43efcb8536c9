// Blends two snapshots for drawing between fixed steps: the view is a function of (snapshot, alpha).
import type { BodyState, WorldSnapshot } from '../sim/snapshot';

/** Shortest-way blend of two angles (radians). The turn is wrapped into [-π, π] in one step, not by a
 * loop (a loop takes forever on an angle jump of 1e17); within ±3π it gives the loop's exact result. */
export function lerpAngle(a: number, b: number, alpha: number): number {
  const d = b - a;
  if (!Number.isFinite(d)) return b;
  const turns = Math.abs(d) > Math.PI ? Math.round(d / (2 * Math.PI)) : 0;
  return a + (d - turns * 2 * Math.PI) * alpha;
}

/** The state of body `i` at `alpha` between `before` and `after`; other fields come from `after`.
 * A body that jumped (teleport) or changed presence is not smeared across the jump. */
export function blendBody(before: WorldSnapshot, after: WorldSnapshot, i: number, alpha: number): BodyState | null {
  const b = after.bodies[i];
  if (!b) return null;
  const same = before.bodies[i];
  const a = same && same.id === b.id ? same : before.bodies.find((x) => x.id === b.id);
  if (!a || a.present !== b.present || alpha >= 1) return b;
  const jump = Math.hypot(b.x - a.x, b.y - a.y) > 0.5;
  if (jump) return b;
  return {
    ...b,
    x: a.x + (b.x - a.x) * alpha,
    y: a.y + (b.y - a.y) * alpha,
    angle: lerpAngle(a.angle, b.angle, alpha),
  };
}

/** The time (s) shown at `alpha` between two snapshots. */
export function blendTime(before: WorldSnapshot, after: WorldSnapshot, alpha: number): number {
  return before.t + (after.t - before.t) * Math.min(Math.max(alpha, 0), 1);
}
