// The Plan screen's state in one zustand (vanilla) store: the query, the task and its (maybe moved)
// problem, the last round's plans, the real run on the stage, and the phase. Changed only through
// the named actions below; the page's test hook is a read-only projection of it (planHook.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlanProblem } from '../../experiment/planning/planProblem';
import type { PlanTask } from '../../experiment/planning/planTask';
import type { DrawnStats } from './planOverlay';
import type { PlanQuery } from './planUrl';
import type { RoundEntry } from './planRound';
import type { TaskForm } from './taskPanel';

/** loading: drawing a task; planning: a round is running; playing: a real run is on the stage. */
export type PlanPhase = 'loading' | 'idle' | 'planning' | 'playing' | 'done' | 'error';

export interface PlanState {
  ready: boolean;
  phase: PlanPhase;
  /** What the address bar says (and is rewritten to). */
  query: PlanQuery;
  /** The planners ticked, in the planner list's order (the address keeps the order it came in). */
  planners: string[];
  /** The task fields as typed (null while they are not valid). */
  typedTask: TaskForm | null;
  task: PlanTask | null;
  /** The task's problem, with the basket where the person put it. */
  problem: PlanProblem | null;
  /** The round's plans so far (one per planner that has finished). */
  entries: RoundEntry[];
  /** A round is running: no new task, no basket moves, no replays. */
  busy: boolean;
  /** The simulator's sweep for a moved basket (null: not checked). */
  reach: { landed: number; total: number } | null;
  /** Bumped whenever a running reach check is out of date. */
  reachToken: number;
  /** Whose real run is (or was last) on the stage. */
  playing: string | null;
  verdict: string;
  error: string | null;
  drawn: Record<string, DrawnStats>;
  renderer: string;
}

export interface PlanActions {
  taskEdited(form: TaskForm | null): void;
  plannersChosen(ids: string[]): void;
  taskLoading(): void;
  taskFailed(message: string): void;
  /** A task (or a moved basket) is on the stage: old plans, verdict and run are dropped. */
  problemShown(task: PlanTask, problem: PlanProblem, query: PlanQuery): void;
  settled(): void;
  /** Makes any reach check under way out of date; returns the new check's token. */
  reachStarted(): number;
  reachChecked(token: number, reach: { landed: number; total: number }): void;
  planningStarted(): void;
  roundProgress(entries: readonly RoundEntry[]): void;
  planningFailed(message: string): void;
  planningEnded(): void;
  verdictReached(verdict: string): void;
  playStarted(id: string): void;
  /** The run of `id` reached its end; true if it is still the one on the stage. */
  playEnded(id: string): boolean;
  drawnChanged(drawn: Record<string, DrawnStats>): void;
  rendererChosen(name: string): void;
  markReady(): void;
}

export type PlanStore = StoreApi<PlanState & PlanActions>;

/** `listed`: every planner id in the planner list's order. */
export function createPlanStore(query: PlanQuery, listed: readonly string[]): PlanStore {
  return createStore<PlanState & PlanActions>()((set, get) => ({
    ready: false, phase: 'loading', query, planners: listed.filter((id) => query.models.includes(id)), typedTask: null, task: null, problem: null, entries: [], busy: false,
    reach: null, reachToken: 0, playing: null, verdict: '', error: null, drawn: {}, renderer: '',
    taskEdited: (form) => set({ typedTask: form }),
    plannersChosen: (ids) => set({ planners: ids, query: { ...get().query, models: ids } }),
    taskLoading: () => set({ phase: 'loading' }),
    taskFailed: (message) => set({ phase: 'error', error: message }),
    problemShown: (task, problem, next) => set({ task, problem, query: next, entries: [], drawn: {}, verdict: '', playing: null }),
    settled: () => set({ phase: 'idle' }),
    reachStarted: () => {
      const reachToken = get().reachToken + 1;
      set({ reachToken, reach: null });
      return reachToken;
    },
    reachChecked: (token, reach) => { if (token === get().reachToken) set({ reach }); },
    planningStarted: () => set({ busy: true, phase: 'planning', entries: [], verdict: '', reachToken: get().reachToken + 1 }),
    roundProgress: (entries) => set({ entries: [...entries] }),
    planningFailed: (message) => set({ phase: 'error', error: message }),
    planningEnded: () => set({ busy: false }),
    verdictReached: (verdict) => set({ verdict }),
    playStarted: (id) => set({ phase: 'playing', playing: id }),
    playEnded: (id) => {
      if (get().playing !== id) return false;
      set({ phase: 'done' });
      return true;
    },
    drawnChanged: (drawn) => set({ drawn }),
    rendererChosen: (renderer) => set({ renderer }),
    markReady: () => set({ ready: true }),
  }));
}
