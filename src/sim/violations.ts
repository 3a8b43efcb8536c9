// The "magic": effects that break physics for one body, applied from the onset frame on.
import Matter from 'matter-js';
import type { BodySpec, ViolationSpec } from './spec';
import type { BuiltBody } from './bodies';
import { cos, sin } from './portableTrig';
import { toPxVelocity, toPxX, toPxY, type WorldFrame } from './units';

/** What a running violation needs each sub-step. */
export interface ActiveViolation {
  spec: ViolationSpec;
  /** Cancel gravity on the body every sub-step (a counter-force; never isStatic toggling). */
  cancelGravity: boolean;
  /** Hold the body at this pixel position with zero velocity (freeze). */
  pinAt: { x: number; y: number; angle: number } | null;
}

export interface ViolationHost {
  frame: WorldFrame;
  world: Matter.World;
  get(id: string): BuiltBody;
  setPresent(id: string, present: boolean): void;
  /** Swaps the body for one built from `spec`, at the same place, angle and motion. */
  replace(id: string, spec: BodySpec): void;
}

/** matter-js's default collision category: every body starts in it. */
const DEFAULT_CATEGORY = 1;

/** The lowest category bit no body of the world uses yet (31 pass-through targets at most). */
function freeCategory(world: Matter.World): number {
  let used = DEFAULT_CATEGORY;
  for (const body of Matter.Composite.allBodies(world)) used |= body.collisionFilter.category ?? DEFAULT_CATEGORY;
  for (let bit = 1; bit < 31; bit++) if ((used & (1 << bit)) === 0) return 1 << bit;
  throw new Error('pass-through: more than 30 bodies to pass through in one world');
}

/** Applies the one-off part of a violation at its onset and returns what must persist. */
export function startViolation(host: ViolationHost, spec: ViolationSpec): ActiveViolation {
  const target = host.get(spec.body);
  const b = target.body;
  const active: ActiveViolation = { spec, cancelGravity: false, pinAt: null };
  switch (spec.type) {
    case 'float':
      // Floats on at its height: keep the horizontal motion, drop the vertical and the spin.
      Matter.Body.setVelocity(b, { x: b.velocity.x, y: 0 });
      Matter.Body.setAngularVelocity(b, 0);
      active.cancelGravity = true;
      break;
    case 'freeze':
      Matter.Body.setVelocity(b, { x: 0, y: 0 });
      Matter.Body.setAngularVelocity(b, 0);
      active.cancelGravity = true;
      active.pinAt = { x: b.position.x, y: b.position.y, angle: b.angle };
      break;
    case 'teleport': {
      const x = toPxX(spec.x) - target.offsetX;
      const y = toPxY(host.frame, spec.y) - target.offsetY;
      Matter.Body.setPosition(b, { x, y });
      break;
    }
    case 'vanish':
      host.setPresent(spec.body, false);
      break;
    case 'appear':
      host.setPresent(spec.body, true);
      break;
    case 'pass-through': {
      // By collision categories, not a shared group: a body may pass through several others (each
      // violation in a list adds one), and every other pair keeps colliding. `other` gets a category
      // bit of its own (once), and the body stops accepting that bit.
      const other = host.get(spec.other).body;
      let category = other.collisionFilter.category ?? DEFAULT_CATEGORY;
      if (category === DEFAULT_CATEGORY) {
        category = freeCategory(host.world);
        for (const part of other.parts) part.collisionFilter = { ...part.collisionFilter, category };
      }
      for (const part of b.parts) part.collisionFilter = { ...part.collisionFilter, mask: (part.collisionFilter.mask ?? 0xffffffff) & ~category };
      break;
    }
    case 'reverse':
      Matter.Body.setVelocity(b, { x: -b.velocity.x, y: -b.velocity.y });
      Matter.Body.setAngularVelocity(b, -b.angularVelocity);
      break;
    case 'deflect': {
      // SI angles turn counter-clockwise with y up; in pixels (y down) that is clockwise.
      const c = cos(-spec.angle);
      const s = sin(-spec.angle);
      const v = b.velocity;
      Matter.Body.setVelocity(b, { x: v.x * c - v.y * s, y: v.x * s + v.y * c });
      break;
    }
    case 'resize':
      Matter.Body.scale(b, spec.scale, spec.scale);
      target.spec.width *= spec.scale;
      target.spec.height *= spec.scale;
      target.spec.radius *= spec.scale;
      target.spec.wheelRadius *= spec.scale;
      target.offsetX *= spec.scale;
      target.offsetY *= spec.scale;
      break;
    case 'reshape': {
      const isBall = spec.kind === 'ball';
      host.replace(spec.body, {
        ...target.spec, kind: spec.kind,
        width: isBall ? spec.radius * 2 : spec.width,
        height: isBall ? spec.radius * 2 : spec.height,
        radius: isBall ? spec.radius : 0,
        wheelRadius: 0,
        rollingResistance: 0,
      });
      break;
    }
    case 'set-velocity':
      Matter.Body.setVelocity(b, toPxVelocity(spec.vx, spec.vy));
      break;
    case 'scale-velocity':
      // Relative to its own motion: (−1, 1) turns it back horizontally and keeps its fall.
      Matter.Body.setVelocity(b, { x: b.velocity.x * spec.sx, y: b.velocity.y * spec.sy });
      break;
    case 'weightless':
      // Gravity off, motion kept: a body leaving a ramp goes on along the slope.
      active.cancelGravity = true;
      break;
    case 'transfer': {
      // A launch with no contact: `other` moves off with (1 − keep) of the body's velocity, the body
      // goes on with `keep` of it (a collision of equal masses with restitution e has keep = (1 − e)/2).
      const other = host.get(spec.other).body;
      const v = Matter.Body.getVelocity(b);
      Matter.Body.setVelocity(other, { x: v.x * (1 - spec.keep), y: v.y * (1 - spec.keep) });
      Matter.Body.setVelocity(b, { x: v.x * spec.keep, y: v.y * spec.keep });
      Matter.Body.setAngularVelocity(b, 0);
      break;
    }
  }
  return active;
}
