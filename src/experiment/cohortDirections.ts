// A cohort's table by direction: each concept's classic scenes and its reverse scenes and controls
// (a scene file with `control_of`) apart, and each scene alone, so that "passes the concept" can be
// told from "passes one direction of it" (docs/development.md, *Both directions across seeds*).
import { CONCEPT_ORDER, scenePasses, type ConceptResult } from './development';
import type { CohortCell, CohortMember } from './cohort';

export type Direction = 'classic' | 'reverse';

/** A cohort cell (mean, spread and passing seeds at one age) for a row of scenes: a direction of a
 * concept, or one scene; `passing` counts the seeds passing every scene of the row. */
export interface DirectionCell extends CohortCell {
  /** 'classic' or 'reverse' for a direction row; the scene id for a scene row. */
  row: string;
  /** The scenes pooled in this row (their mirrored sides too, when the run had them). */
  scenes: string[];
}

/** A mirrored run names a scene's mirrored side `ID (mirrored)`: both sides are the scene's. */
export const baseSceneId = (key: string): string => key.replace(/ \(mirrored\)$/, '');

/** The direction of a scene: reverse when it names the scene it reverses or controls. */
export const sceneDirection = (controlOf: ReadonlyMap<string, string | undefined>, key: string): Direction =>
  controlOf.get(baseSceneId(key)) ? 'reverse' : 'classic';

function cell(concept: string, row: string, age: number, series: { seed: number; result: ConceptResult }[], keep: (key: string) => boolean): DirectionCell | null {
  const perSeed: [number, number][] = [];
  let passing = 0;
  let scenes: string[] = [];
  for (const { seed, result } of series) {
    const keys = Object.keys(result.per_scene).filter(keep).sort();
    if (keys.length === 0) continue;
    scenes = keys;
    const scores = keys.map((k) => result.per_scene[k]!);
    perSeed.push([seed, scores.reduce((s, x) => s + x.pairwise_accuracy, 0) / scores.length]);
    if (scores.every((s) => scenePasses(s))) passing++;
  }
  if (perSeed.length === 0) return null;
  const xs = perSeed.map(([, x]) => x);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return {
    concept, row, scenes, experience_frames: age, seeds: xs.length, mean, sd, min: Math.min(...xs), max: Math.max(...xs), passing,
    per_seed: Object.fromEntries(perSeed.map(([s, x]) => [String(s), x])),
  };
}

/** Per concept, direction and age (then per scene and age): mean ± sd across the cohort's seeds and
 * how many seeds pass. `controlOf` maps each scene id to the scene it reverses or controls. */
export function cohortDirections(results: readonly ConceptResult[], members: readonly CohortMember[],
  controlOf: ReadonlyMap<string, string | undefined>): { directions: DirectionCell[]; scenes: DirectionCell[] } {
  const byModel = new Map(members.map((m) => [m.model, m]));
  const ages = [...new Set(members.map((m) => m.experience_frames))].sort((a, b) => a - b);
  const directions: DirectionCell[] = [];
  const scenes: DirectionCell[] = [];
  for (const concept of [...new Set(results.map((r) => r.concept))]) {
    const mine = results.filter((r) => r.concept === concept && byModel.has(r.model));
    const sceneIds = [...new Set(mine.flatMap((r) => Object.keys(r.per_scene).map(baseSceneId)))].sort();
    for (const age of ages) {
      const series = mine.filter((r) => byModel.get(r.model)!.experience_frames === age).map((result) => ({ seed: byModel.get(result.model)!.seed, result }));
      for (const d of ['classic', 'reverse'] as const) {
        const c = cell(concept, d, age, series, (k) => sceneDirection(controlOf, k) === d);
        if (c) directions.push(c);
      }
      for (const id of sceneIds) {
        const c = cell(concept, id, age, series, (k) => baseSceneId(k) === id);
        if (c) scenes.push(c);
      }
    }
  }
  return { directions, scenes };
}

const ageLabel = (frames: number): string => (frames === 0 ? 'newborn' : frames % 1000 === 0 ? `${frames / 1000}k` : String(frames));
const rank = (c: string): number => { const i = (CONCEPT_ORDER as readonly string[]).indexOf(c); return i === -1 ? CONCEPT_ORDER.length : i; };

/** Markdown: one row per concept and direction (then per scene), one column per age, each cell
 * "mean ± sd [min–max] (passing/seeds)". */
export function cohortDirectionTable(t: { directions: DirectionCell[]; scenes: DirectionCell[] }): string {
  const ages = [...new Set([...t.directions, ...t.scenes].map((c) => c.experience_frames))].sort((a, b) => a - b);
  const format = (c: DirectionCell | undefined): string =>
    (c ? `${c.mean.toFixed(2)} ± ${c.sd.toFixed(2)} [${c.min.toFixed(2)}–${c.max.toFixed(2)}] (${c.passing}/${c.seeds})` : '');
  const table = (cells: DirectionCell[], label: (c: DirectionCell) => string, head: string): string[] => {
    const rows = [...new Map(cells.map((c) => [`${c.concept}\u0000${c.row}`, c])).values()]
      .sort((a, b) => rank(a.concept) - rank(b.concept) || a.concept.localeCompare(b.concept) || (a.row === 'classic' ? -1 : b.row === 'classic' ? 1 : a.row.localeCompare(b.row)));
    return [
      `| ${head} | ${ages.map(ageLabel).join(' | ')} |`,
      `|---|${ages.map(() => '---:').join('|')}|`,
      ...rows.map((r) => `| ${label(r)} | ${ages.map((age) => format(cells.find((c) => c.concept === r.concept && c.row === r.row && c.experience_frames === age))).join(' | ')} |`),
    ];
  };
  const lines = [
    ...table(t.directions, (c) => `${c.concept}, ${c.row === 'classic' ? 'classic' : 'reverse/control'} (${c.scenes.length})`, 'concept, direction (scenes)'),
    '',
    ...table(t.scenes, (c) => `${c.row} (${c.concept}${c.row && isReverse(t, c) ? ', reverse/control' : ''})`, 'scene (concept)'),
  ];
  return `${lines.join('\n')}\n`;
}

const isReverse = (t: { directions: DirectionCell[] }, c: DirectionCell): boolean =>
  t.directions.some((d) => d.concept === c.concept && d.row === 'reverse' && d.scenes.some((s) => baseSceneId(s) === c.row));
