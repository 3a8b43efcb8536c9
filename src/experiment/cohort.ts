// A cohort's developmental table: per concept and age, the mean and spread of pairwise accuracy
// across seeds, how many seeds pass, when each seed acquires a concept, and which relapse.
import { acquisitionFrames, CONCEPT_ORDER, scenePasses, type ConceptResult } from './development';

/** A checkpoint of the cohort: which seed and age a measured model is. */
export interface CohortMember { model: string; seed: number; experience_frames: number }

export interface CohortCell {
  concept: string;
  experience_frames: number;
  /** Seeds measured at this age. */
  seeds: number;
  mean: number;
  /** Sample standard deviation across seeds (0 for one seed). */
  sd: number;
  min: number;
  max: number;
  /** Seeds that pass the concept: every one of its scenes at accuracy ≥ 0.8 with the lower end of
   * its exact 95% interval above chance (the verdict `develop` and the acquisition ages use). */
  passing: number;
  per_seed: Record<string, number>;
}

export interface CohortSummary {
  seeds: number[];
  ages: number[];
  cells: CohortCell[];
  /** Per concept, per seed: the age from which it passes at every later age (null: never). */
  acquisition: Record<string, Record<string, number | null>>;
  /** Per concept: seeds that pass at some age and fail at a later one. */
  relapses: Record<string, number[]>;
}

export const passes = (r: Pick<ConceptResult, 'pairwise_accuracy' | 'pairwise_ci95'>, pass = 0.8): boolean => r.pairwise_accuracy >= pass && r.pairwise_ci95[0] > 0.5;

/** A concept passed by one checkpoint: every scene of it passes (not the pooled accuracy, which a
 * strong scene can carry past a failed one), so passing, relapses and acquisition agree. */
const conceptPasses = (r: ConceptResult): boolean => {
  const scenes = Object.values(r.per_scene);
  return scenes.length > 0 && scenes.every((s) => scenePasses(s));
};

export function cohortSummary(results: readonly ConceptResult[], members: readonly CohortMember[]): CohortSummary {
  const byModel = new Map(members.map((m) => [m.model, m]));
  const seeds = [...new Set(members.map((m) => m.seed))].sort((a, b) => a - b);
  const ages = [...new Set(members.map((m) => m.experience_frames))].sort((a, b) => a - b);
  const concepts = [...new Set(results.map((r) => r.concept))];
  const cells: CohortCell[] = [];
  const acquisition: CohortSummary['acquisition'] = {};
  const relapses: CohortSummary['relapses'] = {};
  for (const concept of concepts) {
    const mine = results.filter((r) => r.concept === concept && byModel.has(r.model));
    for (const age of ages) {
      const here = mine.filter((r) => byModel.get(r.model)!.experience_frames === age);
      if (here.length === 0) continue;
      const xs = here.map((r) => r.pairwise_accuracy);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
      cells.push({
        concept, experience_frames: age, seeds: here.length, mean, sd, min: Math.min(...xs), max: Math.max(...xs),
        passing: here.filter(conceptPasses).length,
        per_seed: Object.fromEntries(here.map((r) => [String(byModel.get(r.model)!.seed), r.pairwise_accuracy])),
      });
    }
    acquisition[concept] = {};
    relapses[concept] = [];
    for (const seed of seeds) {
      const series = mine.filter((r) => byModel.get(r.model)!.seed === seed);
      acquisition[concept]![String(seed)] = acquisitionFrames(series, concept);
      const ordered = [...series].sort((a, b) => a.experience_frames! - b.experience_frames!);
      const firstPass = ordered.findIndex(conceptPasses);
      if (firstPass !== -1 && ordered.slice(firstPass + 1).some((r) => !conceptPasses(r))) relapses[concept]!.push(seed);
    }
  }
  return { seeds, ages, cells, acquisition, relapses };
}

const ageLabel = (frames: number): string => (frames === 0 ? 'newborn' : frames % 1000 === 0 ? `${frames / 1000}k` : String(frames));

/** Markdown: concept × age, "mean ± sd (passing/seeds)", then each seed's acquisition age and relapses. */
export function cohortTable(summary: CohortSummary, baselines: readonly ConceptResult[] = []): string {
  const baseNames = [...new Set(baselines.map((b) => b.model))];
  const rank = (c: string): number => { const i = (CONCEPT_ORDER as readonly string[]).indexOf(c); return i === -1 ? CONCEPT_ORDER.length : i; };
  const concepts = [...new Set(summary.cells.map((c) => c.concept))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines = [
    `| concept | ${summary.ages.map(ageLabel).join(' | ')}${baseNames.map((b) => ` | ${b}`).join('')} |`,
    `|---|${summary.ages.map(() => '---:').join('|')}${baseNames.map(() => '|---:').join('')}|`,
  ];
  for (const concept of concepts) {
    const cells = summary.ages.map((age) => {
      const c = summary.cells.find((x) => x.concept === concept && x.experience_frames === age);
      return c ? `${c.mean.toFixed(2)} ± ${c.sd.toFixed(2)} (${c.passing}/${c.seeds})` : '';
    });
    const base = baseNames.map((b) => baselines.find((r) => r.concept === concept && r.model === b)?.pairwise_accuracy.toFixed(2) ?? '');
    lines.push(`| ${concept} | ${[...cells, ...base].join(' | ')} |`);
  }
  lines.push('', `| concept | ${summary.seeds.map((s) => `seed ${s} passes from`).join(' | ')} | relapses (pass, then fail later) |`,
    `|---|${summary.seeds.map(() => '---:').join('|')}|---|`);
  for (const concept of concepts) {
    const acq = summary.seeds.map((s) => { const a = summary.acquisition[concept]?.[String(s)]; return a === null || a === undefined ? 'never' : ageLabel(a); });
    const rel = summary.relapses[concept] ?? [];
    lines.push(`| ${concept} | ${acq.join(' | ')} | ${rel.length > 0 ? `seeds ${rel.join(', ')}` : 'none'} |`);
  }
  return `${lines.join('\n')}\n`;
}
