// A read-only window into the Plan screen for tests and the curious: `window.__plan`, a projection
// of the page's store, rewritten on every change (the page never reads it back).
import type { ActionRange, PlanAction, TargetZone } from '../../experiment/planning/planProblem';
import { isMoved } from './movedTask';
import type { DrawnStats } from './planOverlay';
import type { PlanPhase, PlanState, PlanStore } from './planStore';

export interface PlannerResultHook {
  action: PlanAction;
  success: boolean;
  predictedPathLength: number;
  realPathLength: number;
  cost: number;
  predictedEntryX: number | null;
  realEntryX: number | null;
  evaluations: number;
  /** Search and real run, wall clock (ms). */
  planMs: number;
}

export interface PlanHookState {
  ready: boolean;
  /** loading: drawing a task; planning: a round is running; playing: a real run is on the stage. */
  state: PlanPhase;
  taskId: string | null;
  /** The basket has been moved from where its task put it. */
  moved: boolean;
  zone: TargetZone | null;
  actions: ActionRange | null;
  /** The simulator's sweep for a moved basket: pushes that land it, of how many (null: not checked). */
  reach: { landed: number; total: number } | null;
  renderer: string;
  planners: string[];
  /** The last round, per planner id. */
  results: Record<string, PlannerResultHook>;
  /** What the stage's overlay drew, per planner id. */
  drawn: Record<string, DrawnStats>;
  /** Whose real run is (or was last) on the stage. */
  playing: string | null;
  verdict: string;
  error: string | null;
}

function project(s: PlanState): PlanHookState {
  const results: Record<string, PlannerResultHook> = {};
  for (const { id, outcome: o, planMs } of s.entries) {
    results[id] = {
      action: o.action, success: o.success, predictedPathLength: o.predictedPath.length, realPathLength: o.realPath.length,
      cost: o.cost, predictedEntryX: o.predictedEntryX, realEntryX: o.realEntryX, evaluations: o.evaluations, planMs,
    };
  }
  return {
    ready: s.ready, state: s.phase, taskId: s.task?.id ?? null, moved: s.task && s.problem ? isMoved(s.task, s.problem) : false,
    zone: s.problem ? { ...s.problem.zone } : null, actions: s.problem?.actions ?? null, reach: s.reach, renderer: s.renderer,
    planners: s.query.models, results, drawn: s.drawn, playing: s.playing, verdict: s.verdict, error: s.error,
  };
}

/** Puts the hook on the window at once (loading, not ready), before the page's store exists. */
export function installPlanHook(): PlanHookState {
  const hook: PlanHookState = {
    ready: false, state: 'loading', taskId: null, moved: false, zone: null, actions: null, reach: null, renderer: '',
    planners: [], results: {}, drawn: {}, playing: null, verdict: '', error: null,
  };
  (window as unknown as { __plan: PlanHookState }).__plan = hook;
  return hook;
}

/** From now on the hook shows the store, rewritten on every change. */
export function mirrorPlanStore(hook: PlanHookState, store: PlanStore): void {
  const write = (s: PlanState): void => { Object.assign(hook, project(s)); };
  write(store.getState());
  store.subscribe(write);
}
