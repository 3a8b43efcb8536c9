// One planning task end to end, for the CLI's suite and the browser's Plan mode alike: plan a push with
// an observer's world model, then run it in the real simulation and compare the forecast with what happened.
import type { Observer } from '../observers';
import { executePlan, predictionError } from './executePlan';
import { DEFAULT_CEM, planPush, type CemSettings } from './planner';
import type { PlanAction, PlanProblem, Point } from './planProblem';

export interface PlanOutcome {
  observer: string;
  action: PlanAction;
  /** The object's centre as the observer predicted it for the chosen push: from the push to where
   * the plan's verdict was reached (it came down to the rim's height, or the horizon). */
  predictedPath: Point[];
  /** The object's centre in the real simulation, from the push to the end of the horizon. */
  realPath: Point[];
  /** The task's rule, in the real simulation: it ends resting inside the zone. */
  success: boolean;
  /** The observer expected the whole object to come down through the mouth. */
  predictedInside: boolean;
  /** The plan's cost under the observer (m from the middle of the mouth; see planCost.ts). */
  cost: number;
  predictedEntryX: number | null;
  realEntryX: number | null;
  /** m between the predicted and the real centre at the last predicted frame. */
  predictionError: number;
  /** Predicted paths the search computed. */
  evaluations: number;
}

/** Synchronous and deterministic: the same problem, observer and settings give the same outcome. */
export function planAndExecute(problem: PlanProblem, observer: Observer, cem: CemSettings = DEFAULT_CEM): PlanOutcome {
  const plan = planPush(problem, observer, cem);
  const run = executePlan(problem, plan.action);
  return {
    observer: observer.name,
    action: plan.action,
    predictedPath: plan.predictedPath,
    realPath: run.realPath,
    success: run.success,
    predictedInside: plan.verdict.inside,
    cost: plan.verdict.cost,
    predictedEntryX: plan.verdict.entryX,
    realEntryX: run.real.entryX,
    predictionError: predictionError(plan.predictedPath, run.realPath),
    evaluations: plan.evaluations,
  };
}
