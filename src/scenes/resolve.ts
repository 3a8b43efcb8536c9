// Turns a scene file into a WorldSpec for one variant: draws params from their ranges (seeded),
// evaluates expressions, fills defaults, and checks that every number makes physical sense.
import type { ActionSpec, BodySpec, OccluderMove, OccluderSpec, WorldSpec } from '../sim/spec';
import { createRng, mixSeed } from '../sim/rng';
import { unreachable } from '../sim/exhaustive';
import type { NumExpr, SceneBody, SceneFile } from './schema';
import { resolveViolation, sceneViolationsOf } from './resolveViolation';
import { CONSTANTS, ExprError, evaluateExpr } from './expr';
import { SceneError, type SceneIssue } from './sceneError';
import { STEP_S } from '../sim/units';
import { sceneWork, workProblem } from './workBudget';
import { mirrorWorld } from './mirror';
import { DIET_RANGES } from './dietRanges';

/** Which ranges variants are drawn from: each param's [min, max], or its `heldout` range. */
export type Split = 'default' | 'heldout';

export interface VariantChoice {
  /** Omit for the scene's canonical version (every param at its default). */
  variant?: number | undefined;
  seed?: number | undefined;
  /** 'heldout': params with a `heldout` range draw from it (the others from [min, max]). */
  split?: Split | undefined;
  /** Run the scene mirrored left–right (scenes/mirror.ts). */
  mirrored?: boolean | undefined;
}

export interface ResolvedScene {
  scene: SceneFile;
  world: WorldSpec;
  params: Record<string, number>;
  variant: number | null;
  seed: number;
  split: Split;
  mirrored: boolean;
}

/** Param values for a variant: defaults for the canonical scene, else uniform in [min, max] (or,
 * in the held-out split, in the param's `heldout` range where it has one: the same draws, other ranges). */
export function drawParams(scene: SceneFile, choice: VariantChoice = {}): Record<string, number> {
  const params: Record<string, number> = {};
  const names = Object.keys(scene.params ?? {}).sort();
  const rng = choice.variant === undefined ? null : createRng(mixSeed(choice.seed ?? 0, choice.variant, 0x5ce7e));
  for (const name of names) {
    const p = scene.params![name]!;
    const range = choice.split === 'heldout' && p.heldout ? p.heldout : p;
    // A fixed range draws nothing, so a param added for its held-out range alone leaves the
    // training split's variants as they were.
    params[name] = !rng ? p.default : range.min === range.max ? range.min : rng.uniform(range.min, range.max);
  }
  return params;
}

export function resolveScene(scene: SceneFile, choice: VariantChoice = {}, source = scene.id): ResolvedScene {
  const params = drawParams(scene, choice);
  const issues: SceneIssue[] = [];
  const built = buildWorld(scene, params, issues);
  if (issues.length > 0) throw new SceneError(source, issues);
  const mirrored = choice.mirrored ?? false;
  const world = mirrored ? mirrorWorld(built) : built;
  return { scene, world, params, variant: choice.variant ?? null, seed: choice.seed ?? 0, split: choice.split ?? 'default', mirrored };
}

/** Checks what the schema cannot: ids that exist, params in range, numbers that make sense at
 * the defaults and at both ends of every range. */
export function checkSemantics(scene: SceneFile): SceneIssue[] {
  const issues: SceneIssue[] = [];
  // The one link check that needs no other file: the run, the pages and the studio refuse it as validate does.
  if (scene.control_of === scene.id) issues.push({ path: 'control_of', message: 'a scene cannot be its own control' });
  // Times round to whole frames: a trial shorter than half a frame would have no step at all.
  if (Math.round(scene.duration / STEP_S) < 1) issues.push({ path: 'duration', message: `expected at least one frame (${(STEP_S / 2).toFixed(4)} s rounds up to 1/60 s), got ${scene.duration} s: no step would be simulated` });
  for (const [name, p] of Object.entries(scene.params ?? {})) {
    if (p.heldout && !(p.heldout.min <= p.heldout.max)) issues.push({ path: `params.${name}.heldout`, message: `expected min ≤ max, got ${p.heldout.min}, ${p.heldout.max}` });
    if (p.diet !== undefined && !Object.hasOwn(DIET_RANGES, p.diet)) issues.push({ path: `params.${name}.diet`, message: `no diet range "${p.diet}" (known: ${Object.keys(DIET_RANGES).join(', ')})` });
    if (Object.hasOwn(CONSTANTS, name)) issues.push({ path: `params.${name}`, message: `"${name}" is a constant in expressions; name the param otherwise` });
    if (!(p.min <= p.default && p.default <= p.max)) {
      issues.push({ path: `params.${name}`, message: `expected min ≤ default ≤ max, got ${p.min}, ${p.default}, ${p.max}` });
    }
  }
  if (issues.length > 0) return issues;
  const corners: Record<string, number>[] = [drawParams(scene)];
  const entries = Object.entries(scene.params ?? {});
  if (entries.length > 0) {
    corners.push(Object.fromEntries(entries.map(([n, p]) => [n, p.min])));
    corners.push(Object.fromEntries(entries.map(([n, p]) => [n, p.max])));
    if (entries.some(([, p]) => p.heldout)) {
      corners.push(Object.fromEntries(entries.map(([n, p]) => [n, (p.heldout ?? p).min])));
      corners.push(Object.fromEntries(entries.map(([n, p]) => [n, (p.heldout ?? p).max])));
    }
  }
  for (const params of corners) {
    const world = buildWorld(scene, params, issues);
    if (issues.length > 0) break;
    const tooMuch = workProblem(sceneWork(world));
    if (tooMuch) {
      issues.push({ path: 'bodies', message: tooMuch });
      break;
    }
  }
  return issues;
}

function buildWorld(scene: SceneFile, params: Record<string, number>, issues: SceneIssue[]): WorldSpec {
  const num = (value: NumExpr | undefined, path: string, fallback: number, rule: NumRule = 'any'): number => {
    if (value === undefined) return fallback;
    let v: number;
    try {
      v = typeof value === 'number' ? value : evaluateExpr(value, (n) => (Object.hasOwn(params, n) ? params[n] : undefined));
    } catch (e) {
      issues.push({ path, message: e instanceof ExprError ? `bad expression ${JSON.stringify(value)}: ${e.message}` : String(e) });
      return fallback;
    }
    if (!Number.isFinite(v)) issues.push({ path, message: `expected a finite number, got ${v}` });
    else if (Math.abs(v) > 1e4) issues.push({ path, message: `expected a number within ±10000, got ${v}` });
    else if ((rule === 'positive' || rule === 'size') && !(v > 0)) issues.push({ path, message: `expected a positive number, got ${v}` });
    else if (rule === 'size' && v < MIN_SIZE_M) issues.push({ path, message: `expected a size ≥ ${MIN_SIZE_M} m (1 mm), got ${v}` });
    else if (rule === 'nonneg' && !(v >= 0)) issues.push({ path, message: `expected a number ≥ 0, got ${v}` });
    return v;
  };
  const ids = new Set<string>();
  const bodies: BodySpec[] = scene.bodies.map((b, i) => {
    const path = `bodies[${i}]`;
    if (ids.has(b.id)) issues.push({ path: `${path}.id`, message: `duplicate id "${b.id}"` });
    ids.add(b.id);
    return resolveBody(b, path, num, issues);
  });
  const occluderIds = new Set<string>();
  const occluders: OccluderSpec[] = (scene.occluders ?? []).map((o, i) => {
    const path = `occluders[${i}]`;
    if (ids.has(o.id) || occluderIds.has(o.id)) issues.push({ path: `${path}.id`, message: `duplicate id "${o.id}"` });
    occluderIds.add(o.id);
    const spec: OccluderSpec = {
      id: o.id, x: num(o.x, `${path}.x`, 0), y: num(o.y, `${path}.y`, 0),
      width: num(o.width, `${path}.width`, 1, 'positive'), height: num(o.height, `${path}.height`, 1, 'positive'),
      color: o.color,
    };
    if (o.moves && o.moves.length > 0) spec.moves = resolveMoves(o.moves, spec, path, num, issues);
    return spec;
  });
  const dynamicBody = (id: string, path: string): void => {
    const b = bodies.find((x) => x.id === id);
    if (!b) issues.push({ path, message: `no body with id "${id}"` });
    else if (b.isStatic) issues.push({ path, message: `body "${id}" is static (${b.kind}); it cannot be moved` });
  };
  const actions: ActionSpec[] = (scene.actions ?? []).map((a, i) => {
    const path = `actions[${i}]`;
    dynamicBody(a.body, `${path}.body`);
    const at = num(a.at, `${path}.at`, 0, 'nonneg');
    if (a.type === 'push') {
      return { type: 'push', body: a.body, at, vx: num(a.velocity.x, `${path}.velocity.x`, 0), vy: num(a.velocity.y, `${path}.velocity.y`, 0), by: a.by ?? 'hand' };
    }
    if (a.type === 'carry') {
      if (!bodies.find((b) => b.id === a.body)?.held) issues.push({ path: `${path}.body`, message: `body "${a.body}" is not held, so a hand cannot carry it` });
      return { type: 'carry', body: a.body, at, duration: num(a.duration, `${path}.duration`, 1, 'positive'), x: num(a.to.x, `${path}.to.x`, 0), y: num(a.to.y, `${path}.to.y`, 0) };
    }
    if (a.type === 'release') {
      if (!bodies.find((b) => b.id === a.body)?.held) issues.push({ path: `${path}.body`, message: `body "${a.body}" is not held, so it cannot be released` });
      return { type: 'release', body: a.body, at };
    }
    if (a.type === 'drop') return { type: 'drop', body: a.body, at, vx: num(a.velocity?.x, `${path}.velocity.x`, 0), vy: num(a.velocity?.y, `${path}.velocity.y`, 0) };
    return unreachable(a, 'action');
  });
  checkReleases(actions, issues);
  const sceneViolations = sceneViolationsOf(scene);
  const violations = sceneViolations.map((v) => resolveViolation(v.value, v.path, {
    num, issues, bodyIds: ids, occluderIds, dynamicBody,
  }));
  return {
    width: scene.world.width,
    height: scene.world.height,
    gravity: scene.world.gravity ?? 9.81,
    substeps: scene.world.substeps ?? 4,
    bodies, occluders, actions,
    violation: violations[0] ?? null,
    ...(violations.length > 1 ? { moreViolations: violations.slice(1) } : {}),
    frames: Math.round(scene.duration / STEP_S),
  };
}

/** A held body is let go once: a `release` or `carry` after an earlier `release` or `drop` of it finds
 * no hand holding it (the docs call that an error; the simulation would stop at that frame). */
function checkReleases(actions: readonly ActionSpec[], issues: SceneIssue[]): void {
  const letGo = actions.map((a, i) => ({ a, i })).filter(({ a }) => a.type === 'release' || a.type === 'drop');
  const before = (a: ActionSpec, i: number, b: ActionSpec, j: number): boolean => j !== i && b.body === a.body && (b.at < a.at || (b.at === a.at && j < i));
  actions.forEach((a, i) => {
    if (a.type !== 'release' && a.type !== 'carry') return;
    const earlier = letGo.find(({ a: b, i: j }) => before(a, i, b, j));
    if (!earlier) return;
    const what = a.type === 'release' ? 'released again' : 'carried by a hand afterwards';
    issues.push({ path: `actions[${i}]`, message: `body "${a.body}" is already let go by actions[${earlier.i}] (${earlier.a.type} at ${earlier.a.at} s), so it cannot be ${what}` });
  });
}

/** What a number must be: anything finite, > 0, ≥ 0, or a body's size (≥ MIN_SIZE_M). */
export type NumRule = 'any' | 'positive' | 'nonneg' | 'size';
export type NumFn = (value: NumExpr | undefined, path: string, fallback: number, rule?: NumRule) => number;

const KIND_DEFAULTS: Record<SceneBody['kind'], { friction: number; restitution: number; isStatic: boolean; rollingResistance: number }> = {
  ground: { friction: 0.6, restitution: 0, isStatic: true, rollingResistance: 0 },
  platform: { friction: 0.6, restitution: 0, isStatic: true, rollingResistance: 0 },
  wall: { friction: 0.3, restitution: 0, isStatic: true, rollingResistance: 0 },
  box: { friction: 0.02, restitution: 0, isStatic: false, rollingResistance: 0 },
  ball: { friction: 0.01, restitution: 0.2, isStatic: false, rollingResistance: 0 },
  car: { friction: 0, restitution: 0, isStatic: false, rollingResistance: 0.3 },
};

/** Smallest size of a body (width, height, radius, wheel radius; m): matter-js divides by areas and
 * inertias that vanish below about 1e-5 m (a 1e-6 m ball, a 1e-5 m car: non-finite at the first step),
 * so a millimetre keeps a hundredfold margin and is still far below anything an infant study shows. */
export const MIN_SIZE_M = 1e-3;

/** Lightest density a body may have (kg/m²): lighter ones get accelerations matter-js cannot integrate. */
export const MIN_DENSITY = 1e-3;

function density(value: number, path: string, issues: SceneIssue[]): number {
  if (value > 0 && value < MIN_DENSITY) issues.push({ path, message: `expected a density ≥ ${MIN_DENSITY} kg/m², got ${value}` });
  return value;
}

function resolveBody(b: SceneBody, path: string, num: NumFn, issues: SceneIssue[]): BodySpec {
  const d = KIND_DEFAULTS[b.kind];
  const isBall = b.kind === 'ball';
  if (isBall && b.radius === undefined) issues.push({ path: `${path}.radius`, message: 'a ball needs a radius' });
  if (!isBall && (b.width === undefined || b.height === undefined)) {
    issues.push({ path: `${path}.${b.width === undefined ? 'width' : 'height'}`, message: `a ${b.kind} needs a width and a height` });
  }
  const radius = num(b.radius, `${path}.radius`, 0.1, 'size');
  const width = isBall ? radius * 2 : num(b.width, `${path}.width`, 1, 'size');
  const height = isBall ? radius * 2 : num(b.height, `${path}.height`, 1, 'size');
  const wheelRadius = b.kind === 'car' ? num(b.wheelRadius, `${path}.wheelRadius`, height * 0.25, 'size') : 0;
  if (b.kind === 'car' && wheelRadius * 2 > height) issues.push({ path: `${path}.wheelRadius`, message: `wheels (radius ${wheelRadius}) are taller than the car (height ${height})` });
  if (b.kind === 'car' && wheelRadius * 4.6 > width) issues.push({ path: `${path}.wheelRadius`, message: `two wheels of radius ${wheelRadius} do not fit under a car ${width} wide` });
  const friction = num(b.friction, `${path}.friction`, d.friction, 'nonneg');
  const restitution = num(b.restitution, `${path}.restitution`, d.restitution, 'nonneg');
  if (friction > 10) issues.push({ path: `${path}.friction`, message: `expected a friction ≤ 10, got ${friction}` });
  if (restitution > 1) issues.push({ path: `${path}.restitution`, message: `expected a restitution ≤ 1, got ${restitution}` });
  return {
    id: b.id, kind: b.kind,
    x: num(b.x, `${path}.x`, 0), y: num(b.y, `${path}.y`, 0),
    width, height, radius, wheelRadius,
    angle: num(b.angle, `${path}.angle`, 0),
    isStatic: d.isStatic,
    friction, restitution,
    density: density(num(b.density, `${path}.density`, 10, 'positive'), `${path}.density`, issues),
    rollingResistance: num(b.rollingResistance, `${path}.rollingResistance`, d.rollingResistance, 'nonneg'),
    held: b.held ?? false,
    present: b.present ?? true,
    vx: num(b.velocity?.x, `${path}.velocity.x`, 0),
    vy: num(b.velocity?.y, `${path}.velocity.y`, 0),
    color: b.color,
  };
}

function resolveMoves(moves: NonNullable<SceneFile['occluders']>[number]['moves'] & object, start: OccluderSpec,
  path: string, num: NumFn, issues: SceneIssue[]): OccluderMove[] {
  const out: OccluderMove[] = [];
  let prev = { x: start.x, y: start.y, width: start.width, height: start.height };
  let free = 0;
  moves.forEach((m, k) => {
    const p = `${path}.moves[${k}]`;
    const at = num(m.at, `${p}.at`, 0, 'nonneg');
    const duration = num(m.duration, `${p}.duration`, 0, 'nonneg');
    if (at < free - 1e-9) issues.push({ path: `${p}.at`, message: `a move starts at ${at} s, before the previous one ends (${free} s): moves go in time order and do not overlap` });
    free = at + duration;
    const next = {
      at, duration,
      x: num(m.x, `${p}.x`, prev.x), y: num(m.y, `${p}.y`, prev.y),
      width: num(m.width, `${p}.width`, prev.width, 'positive'), height: num(m.height, `${p}.height`, prev.height, 'positive'),
    };
    out.push(next);
    prev = next;
  });
  return out;
}

