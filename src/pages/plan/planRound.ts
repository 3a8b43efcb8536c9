// One round of plans: each chosen planner in turn plans and executes the same problem, with a
// pause between planners so the page can show progress (a plan blocks for a few hundred ms).
import type { Observer } from '../../experiment/observers';
import { planAndExecute, type PlanOutcome } from '../../experiment/planning/planAndExecute';
import type { CemSettings } from '../../experiment/planning/planner';
import type { PlanProblem } from '../../experiment/planning/planProblem';

export interface RoundEntry { id: string; outcome: PlanOutcome; planMs: number }

export interface RoundHooks {
  /** Before planner `index` starts (the page shows "Planning with …"). */
  starting(id: string, index: number, count: number): void;
  /** Loads the planner's world model (a learner's checkpoint on first use). */
  observer(id: string): Promise<Observer>;
  /** After each planner, with every entry so far. */
  finished(entries: readonly RoundEntry[]): void;
}

const yieldToPage = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

export async function planRound(problem: PlanProblem, cem: CemSettings, ids: readonly string[], hooks: RoundHooks): Promise<RoundEntry[]> {
  const entries: RoundEntry[] = [];
  for (const [i, id] of ids.entries()) {
    hooks.starting(id, i, ids.length);
    const observer = await hooks.observer(id);
    await yieldToPage();
    const t0 = performance.now();
    const outcome = planAndExecute(problem, observer, cem);
    entries.push({ id, outcome, planMs: performance.now() - t0 });
    hooks.finished(entries);
  }
  return entries;
}
