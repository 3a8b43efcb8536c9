// A read-only window into the Plan screen for tests and the curious: `window.__plan`.
import type { ActionRange, PlanAction, TargetZone } from '../../experiment/planning/planProblem';
import type { DrawnStats } from './planOverlay';

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
  state: 'loading' | 'idle' | 'planning' | 'playing' | 'done' | 'error';
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

export function installPlanHook(): PlanHookState {
  const state: PlanHookState = {
    ready: false, state: 'loading', taskId: null, moved: false, zone: null, actions: null, reach: null, renderer: '',
    planners: [], results: {}, drawn: {}, playing: null, verdict: '', error: null,
  };
  (window as unknown as { __plan: PlanHookState }).__plan = state;
  return state;
}
