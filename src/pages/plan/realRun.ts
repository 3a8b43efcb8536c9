// The snapshots the stage plays: the task's world at rest, or the real simulation of a chosen push
// from the first frame to the end of the horizon. Physics stays here, out of the view.
import { withPush, type PlanAction, type PlanProblem } from '../../experiment/planning/planProblem';
import { Simulation } from '../../sim/simulation';
import type { WorldSnapshot } from '../../sim/snapshot';
import type { WorldSpec } from '../../sim/spec';

/** The world as built, before anything moves (what the stage shows while a person sets the task up). */
export function stillSnapshot(problem: PlanProblem): WorldSnapshot {
  return new Simulation({ ...problem.world, actions: [], violation: null }, 'possible').snapshot();
}

export interface RealRun {
  /** The world with the push as a hand's action (the stage draws the hand). */
  world: WorldSpec;
  /** Frame 0 (settling starts), then one snapshot per step up to push frame + horizon. */
  snapshots: WorldSnapshot[];
}

/** The same run executePlan judges, kept frame by frame for drawing. */
export function realRun(problem: PlanProblem, action: PlanAction): RealRun {
  const world = withPush(problem, action);
  const sim = new Simulation(world, 'possible');
  const snapshots = [sim.snapshot()];
  for (let f = 0; f < problem.pushFrame + problem.frames; f++) {
    sim.step();
    snapshots.push(sim.snapshot());
  }
  return { world, snapshots };
}
