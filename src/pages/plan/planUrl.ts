// The Plan screen's address: which task (family, number, seed), which planners, and where the
// basket was moved to, read at start and written back so a link reopens the same page.
import { TASK_FAMILIES, type TaskFamily } from '../../experiment/planning/planTask';

export interface PlanQuery {
  family: TaskFamily;
  task: number;
  seed: number;
  models: string[];
  /** The basket's middle (m) when a person moved it; null where the task put it. */
  x: number | null;
}

export const TASK_LIMIT = 9999;
export const SEED_LIMIT = 4294967295;
export const DEFAULT_MODELS = ['learner-100k', 'constant-velocity', 'oracle'];
/** The task first shown: one where the observers differ. On basket task 4 (seed 1) constant
 * velocity, which ignores gravity, misses and the simulator lands the box (measured with
 * `lab plan --model constant-velocity,oracle --tasks 8 --seed 1`: basket tasks 0–3 are landed by
 * both, so the first screen showed no difference). */
export const DEFAULT_TASK = 4;

const wholeIn = (text: string | null, lo: number, hi: number): number | null => {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= lo && n <= hi ? n : null;
};

/** Reads the query; anything missing or malformed takes its default, and is named in `ignored`. */
export function readPlanQuery(search: string, knownModels: readonly string[]): { query: PlanQuery; ignored: string[] } {
  const p = new URLSearchParams(search);
  const ignored: string[] = [];
  const family = p.get('family');
  const okFamily = TASK_FAMILIES.find((f) => f === family);
  if (family !== null && !okFamily) ignored.push(`family “${family}”`);
  const task = wholeIn(p.get('task'), 0, TASK_LIMIT);
  if (p.has('task') && task === null) ignored.push(`task “${p.get('task')}”`);
  const seed = wholeIn(p.get('seed'), 0, SEED_LIMIT);
  if (p.has('seed') && seed === null) ignored.push(`seed “${p.get('seed')}”`);
  let models = DEFAULT_MODELS.filter((m) => knownModels.includes(m));
  if (p.has('models')) {
    const asked = (p.get('models') ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    for (const m of asked) if (!knownModels.includes(m)) ignored.push(`planner “${m}”`);
    models = [...new Set(asked.filter((m) => knownModels.includes(m)))];
  }
  const xText = p.get('x');
  const x = xText !== null && Number.isFinite(Number(xText)) && xText.trim() !== '' ? Number(xText) : null;
  if (xText !== null && x === null) ignored.push(`basket position “${xText}”`);
  return { query: { family: okFamily ?? 'basket', task: task ?? DEFAULT_TASK, seed: seed ?? 1, models, x }, ignored };
}

/** The query string for a state (models comma-separated, as a person would type them). */
export function planQueryString(q: PlanQuery): string {
  const parts = [`family=${q.family}`, `task=${q.task}`, `seed=${q.seed}`, `models=${q.models.map(encodeURIComponent).join(',')}`];
  if (q.x !== null) parts.push(`x=${q.x.toFixed(2)}`);
  return `?${parts.join('&')}`;
}
