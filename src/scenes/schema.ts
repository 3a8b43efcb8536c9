// The scene file format (zod): what a scene JSON may contain. Resolution to numbers is in resolve.ts.
import { z } from 'zod';
import type { ActionSpec, TriggerSpec, ViolationType } from '../sim/spec';

/** A number, or an arithmetic expression over the scene's params (see expr.ts). */
export const Num = z.union([z.number(), z.string().min(1).max(200)]);
const Vec = z.strictObject({ x: Num, y: Num });
const Id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'expected an id: a letter, then letters, digits, _ or -, at most 64');

export const CONCEPTS = [
  'support', 'gravity-inertia', 'solidity', 'permanence', 'continuity',
  'directional-inertia', 'unchangeableness', 'collision', 'free-play',
] as const;

export const BODY_KINDS = ['ground', 'platform', 'box', 'ball', 'car', 'wall'] as const;

const Body = z.strictObject({
  id: Id,
  kind: z.enum(BODY_KINDS),
  x: Num,
  y: Num,
  width: Num.optional(),
  height: Num.optional(),
  radius: Num.optional(),
  wheelRadius: Num.optional(),
  angle: Num.optional(),
  friction: Num.optional(),
  restitution: Num.optional(),
  density: Num.optional(),
  rollingResistance: Num.optional(),
  held: z.boolean().optional(),
  present: z.boolean().optional(),
  velocity: Vec.optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#d9534f"').optional(),
});

const OccluderMove = z.strictObject({
  at: Num,
  duration: Num,
  x: Num.optional(),
  y: Num.optional(),
  width: Num.optional(),
  height: Num.optional(),
});

const Occluder = z.strictObject({
  id: Id,
  x: Num,
  y: Num,
  width: Num,
  height: Num,
  moves: z.array(OccluderMove).max(100).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#8899aa"').optional(),
});

const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('push'), body: Id, at: Num, velocity: Vec, by: z.enum(['hand', 'impulse']).optional() }),
  z.strictObject({ type: z.literal('release'), body: Id, at: Num }),
  z.strictObject({ type: z.literal('drop'), body: Id, at: Num, velocity: Vec.optional() }),
  z.strictObject({ type: z.literal('carry'), body: Id, at: Num, duration: Num, to: Vec }),
]);

const Trigger = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('time'), at: Num, interpolate: z.boolean().optional() }),
  z.strictObject({ on: z.literal('loses-support') }),
  z.strictObject({ on: z.literal('enters-occluder'), occluder: Id }),
  z.strictObject({ on: z.literal('leaves-occluder'), occluder: Id }),
  z.strictObject({ on: z.literal('reaches-x'), x: Num, interpolate: z.boolean().optional() }),
  z.strictObject({ on: z.literal('comes-to-rest'), below: Num.optional() }),
  z.strictObject({ on: z.literal('contact'), other: Id }),
]);

const base = { body: Id, trigger: Trigger };
const Violation = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('float'), ...base }),
  z.strictObject({ type: z.literal('freeze'), ...base }),
  z.strictObject({ type: z.literal('teleport'), ...base, to: Vec }),
  z.strictObject({ type: z.literal('vanish'), ...base }),
  z.strictObject({ type: z.literal('appear'), ...base }),
  z.strictObject({ type: z.literal('pass-through'), ...base, other: Id }),
  z.strictObject({ type: z.literal('reverse'), ...base }),
  z.strictObject({ type: z.literal('deflect'), ...base, angle: Num }),
  z.strictObject({ type: z.literal('resize'), ...base, scale: Num }),
  z.strictObject({ type: z.literal('reshape'), ...base, kind: z.enum(['box', 'ball']), width: Num.optional(), height: Num.optional(), radius: Num.optional() }),
  z.strictObject({ type: z.literal('transfer'), ...base, other: Id, keep: Num.optional(), asHit: z.boolean().optional() }),
  z.strictObject({ type: z.literal('set-velocity'), ...base, velocity: Vec }),
  z.strictObject({ type: z.literal('scale-velocity'), ...base, by: Vec }),
  z.strictObject({ type: z.literal('weightless'), ...base }),
]);

/** At most this many violations in one scene. */
export const MAX_VIOLATIONS = 8;

const Param = z.strictObject({
  default: z.number(),
  min: z.number(),
  max: z.number(),
  description: z.string().max(300).optional(),
  /** The range `--split heldout` draws from instead of [min, max]: outside the training diet's. */
  heldout: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  /** The diet range this param varies (src/scenes/dietRanges.ts), printed beside the held-out range. */
  diet: z.string().regex(/^[a-z][a-z-]{0,40}$/, 'expected a diet range name like "platform-height"').optional(),
});

export const SceneFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1),
  id: Id,
  /** This scene is a control for the scene with that id (same concept): see scenes/families.ts. */
  control_of: Id.optional(),
  title: z.string().min(1).max(120),
  concept: z.enum(CONCEPTS),
  description: z.string().max(2000).optional(),
  study: z.strictObject({
    citation: z.string().min(1).max(400),
    infants: z.string().max(400).optional(),
  }),
  conditions: z.strictObject({ possible: z.string().max(400), impossible: z.string().max(400) }).optional(),
  world: z.strictObject({
    width: z.number().positive().max(1000),
    height: z.number().positive().max(1000),
    gravity: z.number().min(0).max(1000).optional(),
    substeps: z.number().int().min(1).max(20).optional(),
  }),
  duration: z.number().positive().max(600),
  params: z.record(Id, Param).optional(),
  bodies: z.array(Body).min(1).max(1000),
  occluders: z.array(Occluder).max(100).optional(),
  actions: z.array(Action).max(1000).optional(),
  violation: z.union([Violation, z.array(Violation).min(1).max(MAX_VIOLATIONS)]).nullable().optional(),
});

export type SceneFile = z.infer<typeof SceneFile>;

// The scene file's kinds are the simulator's kinds, no more and no fewer: a kind declared on one
// side only is a compile error here, naming it (the registries are sim/violations.ts, sim/triggers.ts,
// sim/simulation.ts's actions).
type OnlyIn<A, B> = [Exclude<A, B>] extends [never] ? true : Exclude<A, B>;
type FileViolation = SceneViolation;
export const KINDS_AGREE: [
  OnlyIn<ViolationType, FileViolation['type']>, OnlyIn<FileViolation['type'], ViolationType>,
  OnlyIn<TriggerSpec['on'], FileViolation['trigger']['on']>, OnlyIn<FileViolation['trigger']['on'], TriggerSpec['on']>,
  OnlyIn<ActionSpec['type'], NonNullable<SceneFile['actions']>[number]['type']>, OnlyIn<NonNullable<SceneFile['actions']>[number]['type'], ActionSpec['type']>,
] = [true, true, true, true, true, true];
export type SceneBody = z.infer<typeof Body>;
export type SceneViolation = z.infer<typeof Violation>;
export type SceneTrigger = z.infer<typeof Trigger>;
export type NumExpr = z.infer<typeof Num>;
