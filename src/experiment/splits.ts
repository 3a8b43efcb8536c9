// Mirrored and held-out splits of the suite: which sides a scene runs on, the left/right gap of
// each observer, and a scene's held-out ranges beside the training diet's.
import type { SceneFile } from '../scenes/schema';
import { DIET_RANGES, heldoutRelation, type DietRange } from '../scenes/dietRanges';
import type { SuiteResult } from './suite';

export type MirrorChoice = 'off' | 'on' | 'both';

/** The sides a scene runs on: as drawn (false), mirrored (true). */
export function sidesOf(mirror: MirrorChoice = 'off'): boolean[] {
  return mirror === 'both' ? [false, true] : [mirror === 'on'];
}

export interface MirrorGap {
  scene: string; concept: string; model: string;
  /** Pairwise accuracy on the scene as drawn, and mirrored left–right (same variants). */
  accuracy: number; accuracy_mirrored: number;
  /** accuracy − accuracy_mirrored: positive when the observer does better on the scene as drawn. */
  gap: number;
  mean_score_impossible: number; mean_score_impossible_mirrored: number;
}

/** One row per scene × model that ran both ways. */
export function mirrorGaps(results: readonly SuiteResult[]): MirrorGap[] {
  const out: MirrorGap[] = [];
  for (const r of results) {
    if (r.mirrored) continue;
    const m = results.find((x) => x.mirrored && x.scene === r.scene && x.model === r.model && x.split === r.split);
    if (!m) continue;
    out.push({
      scene: r.scene, concept: r.concept, model: r.model,
      accuracy: r.pairwise_accuracy, accuracy_mirrored: m.pairwise_accuracy, gap: r.pairwise_accuracy - m.pairwise_accuracy,
      mean_score_impossible: r.mean_score_impossible, mean_score_impossible_mirrored: m.mean_score_impossible,
    });
  }
  return out;
}

export interface HeldoutRow {
  param: string;
  heldout: { min: number; max: number };
  /** The training split's range of the param. */
  range: { min: number; max: number };
  description: string | null;
  /** The diet range the param varies, if the scene names one, and how the held-out range sits against it. */
  diet: (DietRange & { name: string; relation: 'outside' | 'overlaps' | 'inside' }) | null;
}

/** A scene's params that have a held-out range, each beside the diet's range it names. */
export function heldoutRows(scene: SceneFile): HeldoutRow[] {
  return Object.entries(scene.params ?? {}).filter(([, p]) => p.heldout).map(([param, p]) => {
    const range = p.diet !== undefined && Object.hasOwn(DIET_RANGES, p.diet) ? DIET_RANGES[p.diet as keyof typeof DIET_RANGES] : null;
    return {
      param, heldout: p.heldout!, range: { min: p.min, max: p.max }, description: p.description ?? null,
      diet: range ? { ...range, name: p.diet!, relation: heldoutRelation(p.heldout!, range) } : null,
    };
  });
}

/** One line per held-out param: "platformHeight  held-out [1.7, 2.1]  training [0.7, 1.3]  diet platform-height [0.25, 1.6] m (outside)". */
export function heldoutLines(scene: SceneFile): string[] {
  const r = (x: { min: number; max: number }): string => `[${x.min}, ${x.max}]`;
  return heldoutRows(scene).map((row) => `${scene.id}\t${row.param}\theld-out ${r(row.heldout)}\ttraining ${r(row.range)}\t${row.diet
    ? `diet ${row.diet.name} ${r(row.diet)}${row.diet.unit ? ` ${row.diet.unit}` : ''} (${row.diet.relation})` : 'no diet range named'}`);
}
