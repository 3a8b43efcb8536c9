// What a planner is asked: a world, the object it may push, the target zone, and the pushes allowed.
import type { WorldSpec } from '../../sim/spec';
import { Simulation } from '../../sim/simulation';
import { STEP_S } from '../../sim/units';
import { observe, type Observation } from '../../predictor/observation';

/** A basket's mouth: the object must end up with its centre inside [xMin, xMax] (m), resting below
 * the rim top, y + height. `y` is the top of the floor the zone lies on; a flat zone (height 0) is
 * a patch of floor. */
export interface TargetZone {
  xMin: number;
  xMax: number;
  y: number;
  height: number;
}

/** The push a plan chooses: the velocity (m/s, y up) a hand gives the object at `pushFrame`. */
export interface PlanAction {
  vx: number;
  vy: number;
}

/** The pushes a planner may choose from: each component within its range (lo = hi fixes it). */
export interface ActionRange {
  vx: [number, number];
  vy: [number, number];
}

export interface Point {
  x: number;
  y: number;
}

export interface PlanProblem {
  /** The world without actions or violation: the plan adds the one push. */
  world: WorldSpec;
  objectId: string;
  zone: TargetZone;
  actions: ActionRange;
  /** The push happens at this frame; before it the world settles (objects are built touching). */
  pushFrame: number;
  /** Frames after the push: how far a plan looks ahead, and how long the real run lasts. */
  frames: number;
}

/** The world with the plan's push added, as a scene's `push` action by hand (sim/simulation.ts adds
 * the velocity in the step that starts at `pushFrame`), run for the push plus the horizon. */
export function withPush(problem: PlanProblem, action: PlanAction): WorldSpec {
  const { world, objectId, pushFrame, frames } = problem;
  return {
    ...world,
    actions: [{ type: 'push', body: objectId, at: pushFrame * STEP_S, vx: action.vx, vy: action.vy, by: 'hand' }],
    violation: null,
    frames: pushFrame + frames,
  };
}

/** What an observer sees at the moment of the push: the settled world, observed at `pushFrame`. */
export function observeBeforePush(problem: PlanProblem): Observation {
  const sim = new Simulation({ ...problem.world, actions: [], violation: null }, 'possible');
  for (let f = 0; f < problem.pushFrame; f++) sim.step();
  return observe(sim.snapshot());
}

/** The same observation with the push's velocity added to the object, as the simulator adds it:
 * a predictor rolled forward from here predicts the step after the push. */
export function pushedObservation(before: Observation, objectId: string, action: PlanAction): Observation {
  return before.map((o) => (o.id === objectId ? { ...o, vx: o.vx + action.vx, vy: o.vy + action.vy } : o));
}

/** Pushes toward the zone, at speeds up to `maxSpeed` (m/s), horizontal unless `maxLift` > 0: a
 * sensible default for a zone a person placed (the Plan mode). */
export function actionRangeToward(world: WorldSpec, objectId: string, zone: TargetZone, maxSpeed = 3.5, maxLift = 0): ActionRange {
  const body = world.bodies.find((b) => b.id === objectId);
  if (!body) throw new Error(`no body with id "${objectId}"`);
  const right = (zone.xMin + zone.xMax) / 2 >= body.x;
  const lo = 0.25;
  return { vx: right ? [lo, maxSpeed] : [-maxSpeed, -lo], vy: [0, maxLift] };
}
