// The Plan screen's address: which task (family, number, seed), which planners, and where the
// basket was moved to, read at start and written back so a link reopens the same page.
import { TASK_FAMILIES, type TaskFamily } from '../../experiment/planning/planTask';
import { commaList, oneOf, readQuery, wholeNumber, writeQuery, type QuerySpec } from '../../web/queryParams';

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

/** The Plan screen's parameters, declared once (the planners offered are known at run time). */
export function planQuerySpec(knownModels: readonly string[]): QuerySpec<PlanQuery> {
  return {
    family: { type: TASK_FAMILIES.join(' | '), help: 'the task family', default: 'basket', read: oneOf(TASK_FAMILIES), write: (v) => v },
    task: { type: `whole number 0–${TASK_LIMIT}`, help: 'the task number in its family', default: 0, read: wholeNumber(0, TASK_LIMIT, { trim: true }), write: String },
    seed: { type: `whole number 0–${SEED_LIMIT}`, help: 'the seed tasks are drawn with', default: 1, read: wholeNumber(0, SEED_LIMIT, { trim: true }), write: String },
    models: {
      label: 'planner', type: 'names, comma-separated', help: 'the planners compared', default: DEFAULT_MODELS.filter((m) => knownModels.includes(m)),
      read: (text, ignore) => {
        const asked = commaList(text);
        for (const m of asked) if (!knownModels.includes(m)) ignore(m);
        return [...new Set(asked.filter((m) => knownModels.includes(m)))];
      },
      write: (v) => v.map(encodeURIComponent).join(','),
    },
    x: {
      label: 'basket position', type: 'metres', help: 'where a person moved the basket (its middle)', default: null,
      read: (text, ignore) => {
        const x = Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : null;
        if (x === null) ignore(text);
        return x ?? undefined;
      },
      write: (v) => (v === null ? null : v.toFixed(2)),
    },
  };
}

/** Reads the query; anything missing or malformed takes its default, and is named in `ignored`. */
export function readPlanQuery(search: string, knownModels: readonly string[]): { query: PlanQuery; ignored: string[] } {
  const { values, ignored } = readQuery(planQuerySpec(knownModels), search);
  return { query: values, ignored };
}

/** The query string for a state (models comma-separated, as a person would type them). */
export function planQueryString(q: PlanQuery): string {
  return writeQuery(planQuerySpec(q.models), q);
}
