// Pairs whose violation never started (no onset: the trigger never fired): both twins are then the
// same trial and every observer ties on them, so a scene whose trigger never fires scores 0.50 for
// everyone (and a study's looking differs only by noise). The suite, the development run and the
// study say so instead of reporting it silently.
import { entriesOf, type SuiteUnit } from './suite';
import type { Recording } from './recording';
import type { MirrorChoice } from './splits';

export interface OnsetGap {
  scene: string;
  mirrored: boolean;
  /** Pairs of this entry with no onset, out of `pairs` run. */
  without: number;
  pairs: number;
}

/** Per suite entry (scene and side) that had any, how many of its pairs had no onset. */
export function pairsWithoutOnset(scenes: readonly { id: string }[], mirror: MirrorChoice | undefined, units: readonly SuiteUnit[]): OnsetGap[] {
  const entries = entriesOf(scenes, mirror);
  const gaps = entries.map(({ scene, mirrored }) => ({ scene: scene.id, mirrored, without: 0, pairs: 0 }));
  for (const u of units) {
    const gap = gaps[u.scene]!;
    gap.pairs++;
    if (u.onset === null) gap.without++;
  }
  return gaps.filter((g) => g.without > 0);
}

/** The same count for a study's test pairs (its recordings, one per trial), per scene. */
export function studyPairsWithoutOnset(recordings: readonly Recording[]): OnsetGap[] {
  const gaps = new Map<string, OnsetGap>();
  for (const r of recordings) {
    if (r.place?.phase !== 'test' || r.meta.condition !== 'impossible') continue;
    const gap = gaps.get(r.meta.scene_id) ?? { scene: r.meta.scene_id, mirrored: false, without: 0, pairs: 0 };
    gap.pairs++;
    if (r.meta.onset_frame === null) gap.without++;
    gaps.set(gap.scene, gap);
  }
  return [...gaps.values()].filter((g) => g.without > 0);
}

/** One line per gap: `SCENE: the violation never started in 2 of 8 pairs (…)`. `where(id)` names the
 * scene (its file, in the CLI). */
export function onsetGapLines(gaps: readonly OnsetGap[], where: (id: string) => string): string[] {
  return gaps.map((g) => `${where(g.scene)}${g.mirrored ? ' (mirrored)' : ''}: the violation never started in ${g.without} of ${g.pairs} pairs `
    + '(its trigger never fired, so both twins were the same trial: a tie, or a difference in looking, there is no surprise at a violation); `lab check` names the trigger');
}
