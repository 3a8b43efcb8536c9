// The planning comparison: every observer plans every seeded task; success rates per task family with
// 95% Wilson intervals, beside the rate of a push drawn at random (what planning with no model gets),
// and McNemar's exact test for every two observers on the same tasks.
import { createRng, mixSeed } from '../../sim/rng';
import type { Observer } from '../observers';
import { mcnemarExact, type McNemarResult } from '../mcnemar';
import { executePlan } from './executePlan';
import { planAndExecute } from './planAndExecute';
import type { CemSettings } from './planner';
import type { PlanAction } from './planProblem';
import type { PlanTask } from './planTask';

export interface PlanSuiteOptions {
  tasks: readonly PlanTask[];
  observers: readonly Observer[];
  cem: CemSettings;
  /** Random pushes per task run in the real simulation to estimate the chance rate; 0 skips it. */
  chanceSamples: number;
  /** Reads a clock (ms) to time each plan; the core never reads one itself. */
  clock?: () => number;
}

export interface PlanRow {
  task: string; family: string; kind: string; direction: 'right' | 'left'; run_up_m: number; basket_m: number;
  model: string; vx: number; vy: number;
  predicted_entry_x: number | null; real_entry_x: number | null;
  predicted_inside: boolean; success: boolean;
  cost_m: number; prediction_error_m: number; evaluations: number;
  /** Wall-clock time of the plan (not of the real run), when a clock was given. */
  plan_ms: number | null;
}

export interface ChanceRow { task: string; family: string; samples: number; successes: number }

export interface PlanRate {
  family: string; model: string; tasks: number; successes: number; rate: number; ci95: [number, number];
}

/** Two observers on the same tasks of a family (or 'all'): which tasks each alone succeeded in. */
export interface PlanComparison extends McNemarResult { family: string; model_a: string; model_b: string; tasks: number }

export interface PlanSuiteResult {
  rows: PlanRow[];
  rates: PlanRate[];
  comparisons: PlanComparison[];
  chance: ChanceRow[];
  /** Mean share of random pushes that succeed, per family (and 'all'). */
  chanceRates: { family: string; rate: number }[];
}

/** Wilson score interval for k successes in n trials: sound at 0/n and n/n, unlike the normal one. */
export function wilsonInterval(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the bound on that side is exactly 0 or 1 (rounding would leave 0.9999…).
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** The seed of a task's search: the same for every observer (common random numbers), so observers
 * differ only by their predictions. */
export const cemSeedFor = (cem: CemSettings, task: PlanTask): number => mixSeed(cem.seed, task.seed, task.index);

/** Random pushes over the task's range, one per stratum (seeded by the task). */
export function randomPushes(task: PlanTask, samples: number): PlanAction[] {
  const rng = createRng(mixSeed(task.seed, task.index, 0xc4a7ce));
  const pick = (r: [number, number], k: number): number => r[0] + ((k + rng.next()) / samples) * (r[1] - r[0]);
  const order = Array.from({ length: samples }, (_, k) => k);
  for (let i = samples - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.map((k, i) => ({ vx: pick(task.actions.vx, i), vy: pick(task.actions.vy, k) }));
}

export function runPlanSuite(o: PlanSuiteOptions, progress?: (done: number, total: number, label: string) => void): PlanSuiteResult {
  const rows: PlanRow[] = [];
  const chance: ChanceRow[] = [];
  const total = o.tasks.length * (o.observers.length + (o.chanceSamples > 0 ? 1 : 0));
  let done = 0;
  for (const task of o.tasks) {
    const cem = { ...o.cem, seed: cemSeedFor(o.cem, task) };
    for (const observer of o.observers) {
      const t0 = o.clock?.();
      const r = planAndExecute(task, observer, cem);
      const t1 = o.clock?.();
      rows.push({
        task: task.id, family: task.family, kind: task.kind, direction: task.actions.vx[0] < 0 ? 'left' : 'right',
        run_up_m: task.runUp, basket_m: task.zone.xMax - task.zone.xMin,
        model: observer.name, vx: r.action.vx, vy: r.action.vy,
        predicted_entry_x: r.predictedEntryX, real_entry_x: r.realEntryX,
        predicted_inside: r.predictedInside, success: r.success,
        cost_m: r.cost, prediction_error_m: r.predictionError, evaluations: r.evaluations,
        plan_ms: t0 === undefined || t1 === undefined ? null : t1 - t0,
      });
      progress?.(++done, total, `${task.id} ${observer.name}`);
    }
    if (o.chanceSamples > 0) {
      const successes = randomPushes(task, o.chanceSamples).filter((a) => executePlan(task, a).success).length;
      chance.push({ task: task.id, family: task.family, samples: o.chanceSamples, successes });
      progress?.(++done, total, `${task.id} random pushes`);
    }
  }
  return { rows, rates: successRates(rows), comparisons: planComparisons(rows), chance, chanceRates: chanceRates(chance) };
}

const familiesOf = (items: readonly { family: string }[]): string[] => {
  const families = [...new Set(items.map((r) => r.family))];
  return families.length > 1 ? [...families, 'all'] : families;
};

/** Success rate per family × model, and over all families when there are several. */
export function successRates(rows: readonly PlanRow[]): PlanRate[] {
  const models = [...new Set(rows.map((r) => r.model))];
  const out: PlanRate[] = [];
  for (const family of familiesOf(rows)) {
    for (const model of models) {
      const mine = rows.filter((r) => r.model === model && (family === 'all' || r.family === family));
      const successes = mine.filter((r) => r.success).length;
      out.push({ family, model, tasks: mine.length, successes, rate: mine.length ? successes / mine.length : 0, ci95: wilsonInterval(successes, mine.length) });
    }
  }
  return out;
}

/** McNemar's exact test for every two models (in the rows' order), per family and over all: the
 * tasks are the same for both (same task, same search seed), so only the tasks where one succeeded
 * and the other failed tell them apart. */
export function planComparisons(rows: readonly PlanRow[]): PlanComparison[] {
  const models = [...new Set(rows.map((r) => r.model))];
  const out: PlanComparison[] = [];
  for (const family of familiesOf(rows)) {
    const mine = rows.filter((r) => family === 'all' || r.family === family);
    const tasks = [...new Set(mine.map((r) => r.task))];
    const successOf = (model: string): Map<string, boolean> => new Map(mine.filter((r) => r.model === model).map((r) => [r.task, r.success]));
    for (let a = 0; a < models.length; a++) {
      for (let b = a + 1; b < models.length; b++) {
        const A = successOf(models[a]!), B = successOf(models[b]!);
        const shared = tasks.filter((t) => A.has(t) && B.has(t));
        out.push({ family, model_a: models[a]!, model_b: models[b]!, tasks: shared.length, ...mcnemarExact(shared.map((t) => A.get(t)!), shared.map((t) => B.get(t)!)) });
      }
    }
  }
  return out;
}

/** Success rate per push direction × model over all families: the world is mirror-symmetric, so a
 * model that learned physics should not care which way it pushes. */
export function directionRates(rows: readonly PlanRow[]): PlanRate[] {
  return successRates(rows.map((r) => ({ ...r, family: r.direction }))).filter((r) => r.family !== 'all');
}

function chanceRates(chance: readonly ChanceRow[]): { family: string; rate: number }[] {
  return familiesOf(chance).map((family) => {
    const mine = chance.filter((c) => family === 'all' || c.family === family);
    return { family, rate: mine.reduce((s, c) => s + c.successes / c.samples, 0) / Math.max(1, mine.length) };
  });
}

const CSV_COLUMNS: readonly (keyof PlanRow)[] = [
  'task', 'family', 'kind', 'direction', 'run_up_m', 'basket_m', 'model', 'vx', 'vy', 'predicted_entry_x', 'real_entry_x',
  'predicted_inside', 'success', 'cost_m', 'prediction_error_m', 'evaluations', 'plan_ms',
];

/** One row per task × model; numbers to 4 decimals, empty where there is none. */
export function planRowsCsv(rows: readonly PlanRow[]): string {
  const cell = (v: PlanRow[keyof PlanRow]): string => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toFixed(4))) : '';
    if (typeof v === 'boolean') return v ? '1' : '0';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `${[CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}
