// Carried-then-released boxes for the experience diet (diet knob `carries`, `train --carries P`): an
// unseen hand pushes a box along a platform top, or lowers it onto the top, by the `carry` action the
// support scenes use, stops with part of it over the edge, holds it there a moment and lets go.
import type { ActionSpec, BodySpec } from '../sim/spec';
import type { Rng } from '../sim/rng';

/** A surface an object can be set on (experience.ts): its span, its top and the spans already taken. */
export interface CarrySurface { x0: number; x1: number; top: number; occupied: [number, number][] }

/** Share of the box's width beyond the edge when let go: a stay keeps its middle over the top
 * (up to 45% beyond), a fall has it past the edge (55–95% beyond, the support scenes' 72–88% inside). */
export const CARRY_STAY_BEYOND: readonly [number, number] = [0.05, 0.45];
export const CARRY_FALL_BEYOND: readonly [number, number] = [0.55, 0.95];
/** The hand's speed (m/s), pushing distance and lowering height (m): about the scenes' ranges. */
const SPEED: readonly [number, number] = [0.45, 1.0];
const TRAVEL: readonly [number, number] = [0.3, 0.8];
const LIFT: readonly [number, number] = [0.3, 0.7];
/** When the hand starts (s), the longest it takes to get there (s), and how long it holds the box
 * still at the edge before letting go (s; the scenes: 0.3): let go by 1.5 s, so an episode of 150
 * frames (2.5 s) still shows a second of what follows. */
const START: readonly [number, number] = [0.05, 0.3];
const LONGEST = 0.8;
const HOLD: readonly [number, number] = [0.1, 0.4];
/** The box is fully on the top where a push starts, this far in from the edges (m). */
const INSET = 0.02;
const CLEARANCE = 0.05;

/** What was drawn for one carry (for tests and the docs). */
export interface CarryPlan { mode: 'push' | 'lower'; right: boolean; falls: boolean; beyond: number; releaseAt: number }

/**
 * Makes `box` (a fresh dynamic box, not yet placed) a held box carried to one edge of a random
 * platform and released there, pushing its body and actions; returns what was drawn, or null (nothing
 * added) when there is no platform or the path is taken. The random numbers drawn do not depend on
 * the outcome until the path is checked, so a skipped carry changes nothing that follows but the rng.
 */
export function addCarry(rng: Rng, box: BodySpec, surfaces: readonly CarrySurface[], statics: readonly BodySpec[],
  placed: BodySpec[], actions: ActionSpec[], worldWidth: number): CarryPlan | null {
  const platforms = surfaces.slice(1);
  if (platforms.length === 0) return null;
  const s = rng.pick(platforms);
  const right = rng.chance(0.5);
  const falls = rng.chance(0.5);
  const [lo, hi] = falls ? CARRY_FALL_BEYOND : CARRY_STAY_BEYOND;
  const beyond = rng.uniform(lo, hi);
  let mode: CarryPlan['mode'] = rng.chance(0.5) ? 'push' : 'lower';
  const travel = rng.uniform(TRAVEL[0], TRAVEL[1]);
  const lift = rng.uniform(LIFT[0], LIFT[1]);
  const speed = rng.uniform(SPEED[0], SPEED[1]);
  const startAt = rng.uniform(START[0], START[1]);
  const hold = rng.uniform(HOLD[0], HOLD[1]);
  const w = box.width, h = box.height;
  const toX = right ? s.x1 - w / 2 + beyond * w : s.x0 + w / 2 - beyond * w;
  const toY = s.top + h / 2;
  // A push needs room behind the edge: the box starts fully on the top; where there is too little, the hand lowers it instead.
  const room = right ? toX - (s.x0 + w / 2 + INSET) : s.x1 - w / 2 - INSET - toX;
  const pushed = Math.min(travel, room);
  if (mode === 'push' && pushed < TRAVEL[0]) mode = 'lower';
  const fromX = mode === 'push' ? (right ? toX - pushed : toX + pushed) : toX;
  const fromY = mode === 'push' ? toY : toY + lift;
  if (toX - w / 2 < 0.1 || toX + w / 2 > worldWidth - 0.1) return null;
  // The swept rectangle must be clear of what stands on the top and of every other object and static body.
  const sx0 = Math.min(fromX, toX) - w / 2, sx1 = Math.max(fromX, toX) + w / 2;
  const sy0 = toY - h / 2, sy1 = fromY + h / 2;
  if (s.occupied.some(([a, b]) => sx1 > a - CLEARANCE && sx0 < b + CLEARANCE)) return null;
  const overlaps = (b: BodySpec, margin: number): boolean =>
    sx1 > b.x - b.width / 2 - margin && sx0 < b.x + b.width / 2 + margin && sy1 > b.y - b.height / 2 - margin && sy0 < b.y + b.height / 2 + margin;
  if (placed.some((b) => overlaps(b, CLEARANCE))) return null;
  if (statics.some((b) => b.isStatic && overlaps(b, -1e-6))) return null;
  box.x = fromX;
  box.y = fromY;
  box.held = true;
  const duration = Math.min(LONGEST, (mode === 'push' ? pushed : lift) / speed);
  const releaseAt = startAt + duration + hold;
  actions.push({ type: 'carry', body: box.id, at: startAt, duration, x: toX, y: toY });
  actions.push({ type: 'release', body: box.id, at: releaseAt });
  s.occupied.push([sx0, sx1]);
  placed.push(box);
  return { mode, right, falls, beyond, releaseAt };
}
