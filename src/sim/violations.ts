// The "magic": effects that break physics for one body, applied from the onset frame on — one
// registry entry per kind (its effect and its words), checked exhaustive by the compiler.
import Matter from 'matter-js';
import type { BodySpec, ViolationSpec, ViolationType } from './spec';
import type { BuiltBody } from './bodies';
import { cos, sin } from './portableTrig';
import { toPxAngularVelocity, toPxVelocity, toPxX, toPxY, type WorldFrame } from './units';
import type { HitMotion } from './hitOutcome';

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
  /** The velocities a real hit of `body` on `other` would leave them with (sim/hitOutcome.ts). */
  hit(body: string, other: string): { body: HitMotion; other: HitMotion };
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

/** A violation of kind K, narrowed. */
export type ViolationOf<K extends ViolationType> = Extract<ViolationSpec, { type: K }>;

/** One registry entry per kind: its effect at onset and its words. (Its scene-file schema is in
 * scenes/schema.ts, which the compiler holds to the same list of kinds.) */
export interface ViolationKind<K extends ViolationType> {
  /** The one-off part at onset; what must persist goes on `active`. */
  start(host: ViolationHost, spec: ViolationOf<K>, target: BuiltBody, active: ActiveViolation): void;
  /** For the banner: "the car floats", given `it` ("the car") and `noun` for another body ("platform"). */
  words(spec: ViolationOf<K>, it: string, noun: (id: string) => string): string;
}

/** Every kind of magic. A kind missing here is a compile error naming it (the mapped type). */
export const VIOLATION_KINDS: { readonly [K in ViolationType]: ViolationKind<K> } = {
  float: {
    start: (_h, _s, { body: b }, active) => {
      // Floats on at its height: keep the horizontal motion, drop the vertical and the spin.
      Matter.Body.setVelocity(b, { x: b.velocity.x, y: 0 });
      Matter.Body.setAngularVelocity(b, 0);
      active.cancelGravity = true;
    },
    words: (_s, it) => `${it} floats`,
  },
  freeze: {
    start: (_h, _s, { body: b }, active) => {
      Matter.Body.setVelocity(b, { x: 0, y: 0 });
      Matter.Body.setAngularVelocity(b, 0);
      active.cancelGravity = true;
      active.pinAt = { x: b.position.x, y: b.position.y, angle: b.angle };
    },
    words: (_s, it) => `${it} freezes in mid-motion`,
  },
  teleport: {
    start: (host, spec, target) => {
      const x = toPxX(spec.x) - target.offsetX;
      const y = toPxY(host.frame, spec.y) - target.offsetY;
      Matter.Body.setPosition(target.body, { x, y });
    },
    words: (_s, it) => `${it} jumps to another place`,
  },
  vanish: { start: (host, spec) => host.setPresent(spec.body, false), words: (_s, it) => `${it} vanishes` },
  appear: { start: (host, spec) => host.setPresent(spec.body, true), words: (_s, it) => `${it} appears from nowhere` },
  'pass-through': {
    start: (host, spec, { body: b }) => {
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
    },
    words: (spec, it, noun) => `${it} passes through the ${noun(spec.other)}`,
  },
  reverse: {
    start: (_h, _s, { body: b }) => {
      Matter.Body.setVelocity(b, { x: -b.velocity.x, y: -b.velocity.y });
      Matter.Body.setAngularVelocity(b, -b.angularVelocity);
    },
    words: (_s, it) => `${it} turns back by itself`,
  },
  deflect: {
    start: (_h, spec, { body: b }) => {
      // SI angles turn counter-clockwise with y up; in pixels (y down) that is clockwise.
      const c = cos(-spec.angle);
      const s = sin(-spec.angle);
      const v = b.velocity;
      Matter.Body.setVelocity(b, { x: v.x * c - v.y * s, y: v.x * s + v.y * c });
    },
    words: (_s, it) => `${it} swerves with nothing to push it`,
  },
  resize: {
    start: (_h, spec, target) => {
      Matter.Body.scale(target.body, spec.scale, spec.scale);
      target.spec.width *= spec.scale;
      target.spec.height *= spec.scale;
      target.spec.radius *= spec.scale;
      target.spec.wheelRadius *= spec.scale;
      target.offsetX *= spec.scale;
      target.offsetY *= spec.scale;
    },
    words: (_s, it) => `${it} changes size`,
  },
  reshape: {
    start: (host, spec, target) => {
      const isBall = spec.kind === 'ball';
      host.replace(spec.body, {
        ...target.spec, kind: spec.kind,
        width: isBall ? spec.radius * 2 : spec.width,
        height: isBall ? spec.radius * 2 : spec.height,
        radius: isBall ? spec.radius : 0,
        wheelRadius: 0,
        rollingResistance: 0,
      });
    },
    words: (_s, it) => `${it} changes shape`,
  },
  transfer: {
    start: (host, spec, { body: b }) => {
      const other = host.get(spec.other).body;
      if (spec.asHit) {
        // The speeds (and spins) a real hit of the two would leave, the hit itself left out.
        const hit = host.hit(spec.body, spec.other);
        Matter.Body.setVelocity(other, toPxVelocity(hit.other.vx, hit.other.vy));
        Matter.Body.setAngularVelocity(other, toPxAngularVelocity(hit.other.angularVelocity));
        Matter.Body.setVelocity(b, toPxVelocity(hit.body.vx, hit.body.vy));
        Matter.Body.setAngularVelocity(b, toPxAngularVelocity(hit.body.angularVelocity));
        return;
      }
      // A launch with no contact: `other` moves off with (1 − keep) of the body's velocity, the body
      // goes on with `keep` of it (a collision of equal masses with restitution e has keep = (1 − e)/2).
      const v = Matter.Body.getVelocity(b);
      Matter.Body.setVelocity(other, { x: v.x * (1 - spec.keep), y: v.y * (1 - spec.keep) });
      Matter.Body.setVelocity(b, { x: v.x * spec.keep, y: v.y * spec.keep });
      Matter.Body.setAngularVelocity(b, 0);
    },
    // Said of the other body: it is the one that moves off untouched.
    words: (spec, _it, noun) => `the ${noun(spec.other)} moves off before anything touches it`,
  },
  'set-velocity': {
    start: (_h, spec, { body: b }) => Matter.Body.setVelocity(b, toPxVelocity(spec.vx, spec.vy)),
    words: (_s, it) => `${it} changes its motion with nothing to push it`,
  },
  'scale-velocity': {
    // Relative to its own motion: (−1, 1) turns it back horizontally and keeps its fall.
    start: (_h, spec, { body: b }) => Matter.Body.setVelocity(b, { x: b.velocity.x * spec.sx, y: b.velocity.y * spec.sy }),
    words: (_s, it) => `${it} changes its motion with nothing to push it`,
  },
  weightless: {
    // Gravity off, motion kept: a body leaving a ramp goes on along the slope.
    start: (_h, _s, _t, active) => { active.cancelGravity = true; },
    words: (_s, it) => `${it} stops falling and goes on as it was going`,
  },
};

/** Every kind, in the registry's order. */
export const VIOLATION_TYPES = Object.keys(VIOLATION_KINDS) as ViolationType[];

/** The registry entry for a violation, typed to its kind. */
export const violationKind = <K extends ViolationType>(spec: ViolationOf<K>): ViolationKind<K> => VIOLATION_KINDS[spec.type as K];

/** Applies the one-off part of a violation at its onset and returns what must persist. */
export function startViolation(host: ViolationHost, spec: ViolationSpec): ActiveViolation {
  const target = host.get(spec.body);
  const active: ActiveViolation = { spec, cancelGravity: false, pinAt: null };
  violationKind(spec).start(host, spec, target, active);
  return active;
}
