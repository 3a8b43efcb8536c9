// Whether the simulator can still land the object in a basket a person moved: the same sweep of
// pushes generateTask uses to prove a task solvable, run in slices so the page stays responsive.
import { executePlan } from '../../experiment/planning/executePlan';
import type { PlanAction, PlanProblem } from '../../experiment/planning/planProblem';
import { actionGrid } from '../../experiment/planning/planTask';

export interface Reach {
  /** Pushes of the sweep that land it, of `total`. */
  landed: number;
  total: number;
  /** The first push of the sweep that lands it, or null. */
  example: PlanAction | null;
}

/** 24 speeds, or 8 speeds × 8 lifts when the hand may lift: generateTask's sweep. */
const sweepOf = (problem: PlanProblem): PlanAction[] => actionGrid(problem.actions, problem.actions.vy[1] > problem.actions.vy[0] ? 8 : 24);
/** Work done before yielding to the page (ms). */
const SLICE_MS = 12;

/** Runs the sweep; resolves null if `cancelled()` turns true between slices. */
export async function checkReach(problem: PlanProblem, cancelled: () => boolean): Promise<Reach | null> {
  const sweep = sweepOf(problem);
  let landed = 0;
  let example: PlanAction | null = null;
  let i = 0;
  while (i < sweep.length) {
    await new Promise((ok) => setTimeout(ok, 0));
    if (cancelled()) return null;
    const until = performance.now() + SLICE_MS;
    do {
      const a = sweep[i++]!;
      if (executePlan(problem, a).success) { landed++; example ??= a; }
    } while (i < sweep.length && performance.now() < until);
  }
  return { landed, total: sweep.length, example };
}

export function reachWords(r: Reach): string {
  if (r.landed === 0) return `The simulator lands it with none of ${r.total} pushes in the range: any plan will miss (move the basket back, or let the planners fail honestly).`;
  const e = r.example!;
  const push = e.vy > 0 ? `${e.vx.toFixed(2)} m/s across and ${e.vy.toFixed(2)} m/s up` : `${Math.abs(e.vx).toFixed(2)} m/s`;
  return `Reachable: the simulator lands it with ${r.landed} of ${r.total} pushes in the range (for one, ${push}).`;
}
