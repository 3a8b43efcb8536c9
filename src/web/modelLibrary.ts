// The observers the page can show: the shipped checkpoints listed in models/index.json (loaded on
// first use, then kept), the constant-velocity and gravity-only baselines, and the ideal observer.
// The index also lists the cohort (more seeds of the same learner, in models/seed-S/); pages that offer it
// ask, and then also get each age's cohort as one observer (`cohort:learner-100k`, cohortChoice.ts).
import { ConstantVelocityPredictor, type StepPredictor } from '../predictor/predictor';
import type { ModelChoice } from './modelChoice';
import { GravityOnlyPredictor } from '../predictor/gravityOnly';
import { cohortChoices, isCohort, savedCohortChoices } from './cohortChoice';

const BASE = `${import.meta.env.BASE_URL}models/`;

export const CONSTANT_VELOCITY: ModelChoice = {
  id: 'constant-velocity', kind: 'constant-velocity', experienceFrames: 0, label: 'constant velocity',
  note: 'Baseline: knows inertia, not gravity. Expects every object to keep its velocity.',
};
export const GRAVITY_ONLY: ModelChoice = {
  id: 'gravity-only', kind: 'gravity-only', experienceFrames: 0, label: 'gravity only',
  note: 'Baseline: knows gravity, not support. Expects every object to fall freely, even one resting on a table.',
};
export const ORACLE_CHOICE: ModelChoice = {
  id: 'oracle', kind: 'oracle', experienceFrames: Number.POSITIVE_INFINITY, label: 'ideal observer',
  note: 'The simulator itself, run beside the scene without the magic: the best any observer can do.',
};

/** "12k frames (3.3 min)" style words for an amount of experience. */
export function experienceWords(frames: number): string {
  if (frames === 0) return 'no experience';
  const minutes = frames / 60 / 60;
  const count = frames >= 1000 ? `${Math.round(frames / 1000)}k` : String(frames);
  return `${count} frames (${minutes < 10 ? minutes.toFixed(1) : Math.round(minutes)} min)`;
}

interface IndexEntry { name: string; experience_frames: number; seed: number | null; path: string }

/** A checkpoint folder under models/: `learner-6k` or `seed-2/learner-6k` (nothing that climbs out). */
const CHECKPOINT_PATH = /^(seed-\d+\/)?[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

function readIndex(value: unknown): IndexEntry[] {
  const list = Array.isArray(value) ? value : (value as { checkpoints?: unknown; models?: unknown } | null)?.checkpoints ?? (value as { models?: unknown } | null)?.models;
  if (!Array.isArray(list)) throw new Error('models/index.json: expected a list of {name, experience_frames}');
  return list.map((e, i) => {
    const entry = e as Partial<IndexEntry>;
    if (typeof entry?.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(entry.name) || typeof entry.experience_frames !== 'number') {
      throw new Error(`models/index.json: [${i}] needs a name and a numeric experience_frames`);
    }
    const path = (e as { path?: unknown }).path ?? entry.name;
    if (typeof path !== 'string' || !CHECKPOINT_PATH.test(path)) throw new Error(`models/index.json: [${i}].path must be a checkpoint folder such as seed-2/learner-6k`);
    const seed = (e as { seed?: unknown }).seed;
    return { name: entry.name, experience_frames: entry.experience_frames, seed: typeof seed === 'number' ? seed : null, path };
  });
}

/** Checkpoints grown on the Learn screen in this browser (src/storage/savedModels.ts), as
 * `saved:NAME`; none if storage is unavailable. */
async function savedChoices(): Promise<ModelChoice[]> {
  try {
    const { listSavedModels } = await import('../storage/savedModels');
    return (await listSavedModels()).map((m) => ({
      id: `saved:${m.name}`, kind: 'learned' as const, experienceFrames: m.experienceFrames, label: `${m.name} (saved)`,
      note: `Grown on the Learn screen in this browser: watched ${experienceWords(m.experienceFrames)}.`,
    }));
  } catch {
    return [];
  }
}

export class ModelLibrary {
  private readonly loaded = new Map<string, Promise<StepPredictor>>();
  /** Where each listed checkpoint lives under models/. */
  private readonly paths = new Map<string, string>();

  /** Fetches the list of shipped checkpoints; the baselines are always there. With `cohort`, the
   * other seeds too (marked with `cohortSeed`), listed before the main series so that the main
   * series stays last: the oldest learner of seed 1 is still the default, with its usual colour. */
  async list(options: { cohort?: boolean } = {}): Promise<{ models: ModelChoice[]; error: string | null }> {
    const baselines = [CONSTANT_VELOCITY, GRAVITY_ONLY, ORACLE_CHOICE];
    try {
      const res = await fetch(`${BASE}index.json`, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`models/index.json: HTTP ${res.status}`);
      const entries = readIndex(await res.json());
      const inFolder = (e: IndexEntry): boolean => e.path.includes('/');
      const byAge = (a: IndexEntry, b: IndexEntry): number => a.experience_frames - b.experience_frames;
      const cohort = options.cohort ? entries.filter(inFolder).sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0) || byAge(a, b)) : [];
      // Each age's seeds as one observer, between the other seeds and the main series (whose oldest learner stays last).
      const cohorts = options.cohort ? cohortChoices(entries) : [];
      const learned: ModelChoice[] = [...cohort, ...entries.filter((e) => !inFolder(e)).sort(byAge)].map((e) => {
        this.paths.set(e.name, e.path);
        const seedWords = e.seed === null ? '' : ` (training seed ${e.seed})`;
        return {
          id: e.name, kind: 'learned', experienceFrames: e.experience_frames, label: e.name,
          note: `A learner that watched ${experienceWords(e.experience_frames)} of ordinary physics${seedWords}.`,
          ...(inFolder(e) && e.seed !== null ? { cohortSeed: e.seed } : {}),
        };
      });
      const main = learned.filter((m) => m.cohortSeed === undefined);
      const saved = await savedChoices();
      const savedCohorts = options.cohort ? savedCohortChoices(saved) : [];
      return { models: [...saved, ...learned.filter((m) => m.cohortSeed !== undefined), ...savedCohorts, ...cohorts, ...main, ...baselines], error: null };
    } catch (e) {
      return { models: [...(await savedChoices()), ...baselines], error: `No learned checkpoints (${e instanceof Error ? e.message : String(e)}); the baselines still work.` };
    }
  }

  /** A cohort's members' predictors, in its (seed) order; each loads like a listed checkpoint. */
  members(cohort: ModelChoice): Promise<{ id: string; predictor: StepPredictor }[]> {
    return Promise.all((cohort.members ?? []).map(async (id) => ({
      id, predictor: await this.predictor({ id, kind: 'learned', experienceFrames: cohort.experienceFrames, label: id, note: '' }),
    })));
  }

  /** Drops loaded checkpoints saved in this browser (one may have been replaced under its name). */
  forgetSaved(): void {
    for (const id of [...this.loaded.keys()]) if (id.startsWith('saved:')) this.loaded.delete(id);
  }

  /** The predictor for a learned checkpoint or a baseline (the oracle is not a predictor). */
  predictor(choice: ModelChoice): Promise<StepPredictor> {
    if (isCohort(choice)) return Promise.reject(new Error(`${choice.id} is a cohort of ${choice.members!.length} checkpoints, not one predictor: load its members`));
    let p = this.loaded.get(choice.id);
    if (!p) {
      // TF.js (and its wasm) load only when the first learner is picked: a separate chunk.
      p = choice.kind === 'constant-velocity' ? Promise.resolve(new ConstantVelocityPredictor())
        : choice.kind === 'gravity-only' ? Promise.resolve(new GravityOnlyPredictor())
        : choice.id.startsWith('saved:') ? import('../storage/savedModels').then((m) => m.loadSavedModel(choice.id.slice('saved:'.length)))
        : import('./checkpointLoader').then((m) => {
          const path = this.paths.get(choice.id) ?? choice.id;
          return m.loadCheckpoint(`${BASE}${path}/`, `models/${path}`, choice.id);
        });
      this.loaded.set(choice.id, p);
      p.catch(() => this.loaded.delete(choice.id));
    }
    return p;
  }
}
