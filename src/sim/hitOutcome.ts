// What a real hit between two bodies would leave them with: the two alone (no gravity, no other
// bodies) in a scratch world, from where they are and as they move, until the hit is over. A
// `transfer` with `asHit` gives them these velocities, so that a launch without contact shares the
// speeds exactly as the engine's own collision of the same two bodies would.
import type { BodySpec, WorldSpec } from './spec';
import type { BodyState, WorldSnapshot } from './snapshot';
import { restoreMatterGlobals, saveMatterGlobals } from './matterReset';

/** The scratch run gives up after this many frames (10 s) without a finished hit. */
export const HIT_MAX_FRAMES = 600;

/** A change of velocity (m/s) or spin (rad/s) between two frames that counts as the hit's. */
const CHANGE = 1e-9;

/** A body's motion after the hit, SI (m/s, rad/s counter-clockwise). */
export interface HitMotion {
  vx: number;
  vy: number;
  angularVelocity: number;
}

/** The scratch world: the two bodies at their present places and velocities (spin not carried:
 * a BodySpec starts without one), nothing else, no gravity, the world's sub-steps. */
export function hitWorld(world: Pick<WorldSpec, 'width' | 'height' | 'substeps'>, parts: readonly { spec: BodySpec; state: BodyState }[]): WorldSpec {
  return {
    width: world.width, height: world.height, gravity: 0, substeps: world.substeps, frames: HIT_MAX_FRAMES,
    bodies: parts.map(({ spec, state }) => ({
      ...spec, x: state.x, y: state.y, angle: state.angle, vx: state.vx, vy: state.vy, held: false, present: true, isStatic: false,
    })),
    occluders: [], actions: [], violation: null,
  };
}

/** Steps the scratch world until `other` has been set moving by the hit and both velocities have
 * stopped changing (they have parted), and returns both motions; null if no hit within the limit. */
export function runHit(step: () => WorldSnapshot, body: string, other: string): { body: HitMotion; other: HitMotion } | null {
  const pick = (s: WorldSnapshot, id: string): BodyState => s.bodies.find((b) => b.id === id)!;
  let before: WorldSnapshot | null = null;
  let hit = false;
  let still = 0;
  for (let f = 0; f < HIT_MAX_FRAMES; f++) {
    const now = step();
    if (before) {
      const changed = [body, other].some((id) => {
        const a = pick(before!, id);
        const b = pick(now, id);
        // Not bit-equality: matter-js's Verlet velocities wobble in their last bits between steps.
        return Math.abs(a.vx - b.vx) > CHANGE || Math.abs(a.vy - b.vy) > CHANGE || Math.abs(a.angularVelocity - b.angularVelocity) > CHANGE;
      });
      if (changed) {
        hit = true;
        still = 0;
      } else if (hit && ++still >= 2) {
        const motion = (id: string): HitMotion => {
          const s = pick(now, id);
          return { vx: s.vx, vy: s.vy, angularVelocity: s.angularVelocity };
        };
        return { body: motion(body), other: motion(other) };
      }
    }
    before = now;
  }
  return null;
}

/** What the simulator hands over to be run as the scratch world (a parameter, not an import of the
 * simulator, which imports this file). */
export interface ScratchWorld { step(): void; snapshot(): WorldSnapshot }

/** The hit of `body` on `other`, the two run alone in a scratch world made by `simulate`; matter-js's
 * id counters are left as they were, so the calling world's later bodies get the ids they would
 * have had. Null when they do not meet within HIT_MAX_FRAMES. */
export function hitInScratchWorld(
  world: Pick<WorldSpec, 'width' | 'height' | 'substeps'>, parts: readonly { spec: BodySpec; state: BodyState }[],
  simulate: (scratch: WorldSpec) => ScratchWorld, body: string, other: string,
): { body: HitMotion; other: HitMotion } | null {
  const saved = saveMatterGlobals();
  try {
    const scratch = simulate(hitWorld(world, parts));
    return runHit(() => {
      scratch.step();
      return scratch.snapshot();
    }, body, other);
  } finally {
    restoreMatterGlobals(saved);
  }
}
