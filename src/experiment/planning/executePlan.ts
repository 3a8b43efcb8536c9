// Runs a chosen push in the real simulation: the object's real path, where it ends, and whether it succeeded.
import { Simulation } from '../../sim/simulation';
import type { BodyState } from '../../sim/snapshot';
import { halfExtents } from '../../predictor/observation';
import { distance, judgePath, type PathVerdict } from './planCost';
import { withPush, type PlanAction, type PlanProblem, type Point } from './planProblem';

/** An object counts as at rest below this speed (m/s). */
export const REST_SPEED = 0.1;
/** How far above the rim top the object's bottom may be and still count as in the basket (m): the
 * contact solver leaves bodies a hair apart. */
const CONTACT_SLACK_M = 0.01;

export interface Execution {
  /** The object's centre at the push and after each of the `frames` steps that follow. */
  realPath: Point[];
  /** The object at the end of the run. */
  final: Pick<BodyState, 'x' | 'y' | 'vx' | 'vy' | 'angle' | 'present'>;
  /** At the end it rests with its centre inside the zone, below the rim top, still in the world. */
  success: boolean;
  /** The same mouth verdict the planner's cost uses, on the real path. */
  real: PathVerdict;
}

/** Whether an object's state counts as done: resting inside the zone (the task's success rule). */
export function restsInside(problem: PlanProblem, state: BodyState): boolean {
  const { zone } = problem;
  const { ey } = halfExtents(state);
  return state.present
    && state.x >= zone.xMin && state.x <= zone.xMax
    && state.y - ey <= zone.y + zone.height + CONTACT_SLACK_M
    && distance(state.vx, state.vy) < REST_SPEED;
}

export function executePlan(problem: PlanProblem, action: PlanAction): Execution {
  const sim = new Simulation(withPush(problem, action), 'possible');
  for (let f = 0; f < problem.pushFrame; f++) sim.step();
  const objectState = (): BodyState => sim.snapshot().bodies.find((b) => b.id === problem.objectId)!;
  const start = objectState();
  const realPath: Point[] = [{ x: start.x, y: start.y }];
  let last = start;
  for (let f = 0; f < problem.frames; f++) {
    sim.step();
    last = objectState();
    realPath.push({ x: last.x, y: last.y });
  }
  const { ex, ey } = halfExtents(start);
  return {
    realPath,
    final: { x: last.x, y: last.y, vx: last.vx, vy: last.vy, angle: last.angle, present: last.present },
    success: restsInside(problem, last),
    real: judgePath(realPath, problem.zone, ex, ey),
  };
}

/** Distance (m) between where the prediction put the object at its last predicted point and where
 * the object really was at the same frame: how wrong the forecast the plan rested on was. */
export function predictionError(predicted: readonly Point[], real: readonly Point[]): number {
  if (predicted.length === 0) return 0;
  const i = Math.min(predicted.length, real.length) - 1;
  return distance(predicted[i]!.x - real[i]!.x, predicted[i]!.y - real[i]!.y);
}
