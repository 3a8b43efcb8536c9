// What identifies a suite or develop job across shards: its scenes (by content), its observers (by
// name, experience and weights), pairs and seed; and the shard's scored units at full precision.
import type { SceneFile } from '../scenes/schema';
import type { Observer } from '../experiment/observers';
import { scoredModel, type ScoredModel, type SuiteUnit, type SuiteView } from '../experiment/suite';
import { heldoutRows, sidesOf } from '../experiment/splits';
import { weightsHash } from '../predictor/checkpoint';
import { BadInput } from './errors';

export interface SuiteJob {
  /** `control_of` only where the scene file has one (a reverse direction or a control). */
  scenes: { id: string; concept: SceneFile['concept']; hash: string; control_of?: string }[];
  /** The model names as given on the command line (summary.json lists these). */
  modelNames: string[];
  models: (ScoredModel & { weights_hash: string | null })[];
  pairs: number;
  seed: number;
  /** Which sides each scene ran on, and which ranges its variants came from. */
  mirror: NonNullable<SuiteView['mirror']>;
  split: NonNullable<SuiteView['split']>;
  /** The held-out ranges per scene (for summary.json), when the split is held-out. */
  heldout: Record<string, unknown> | null;
  /** Present only when the rollout surprise was scored on every k-th frame (`suite --stride k`, k > 1),
   * so that shards of different strides refuse to merge and default jobs stay as they were. */
  stride?: number;
  /** Present only when rollouts started at every k-th frame only (`suite --start-stride k`, k > 1). */
  startStride?: number;
}

export function suiteJob(scenes: readonly SceneFile[], modelNames: readonly string[], observers: readonly Observer[], pairs: number, seed: number,
  view: SuiteView & { stride?: number; startStride?: number } = {}): SuiteJob {
  const split = view.split ?? 'default';
  return {
    mirror: view.mirror ?? 'off', split,
    heldout: split === 'heldout' ? Object.fromEntries(scenes.map((s) => [s.id, heldoutRows(s)])) : null,
    scenes: scenes.map((s) => ({
      id: s.id, concept: s.concept, hash: weightsHash(new TextEncoder().encode(JSON.stringify(s))), ...(s.control_of ? { control_of: s.control_of } : {}),
    })),
    modelNames: [...modelNames],
    models: observers.map((o) => ({ ...scoredModel(o), weights_hash: 'checkpointHash' in o ? (o.checkpointHash as string | null) ?? null : null })),
    pairs, seed,
    ...((view.stride ?? 1) > 1 ? { stride: view.stride } : {}),
    ...((view.startStride ?? 1) > 1 ? { startStride: view.startStride } : {}),
  };
}

/** A shard's units, checked enough that a hand-edited file fails with a clear message. */
export function readUnits(payload: unknown, source: string, job: SuiteJob): SuiteUnit[] {
  const units = (payload as { units?: unknown } | null)?.units;
  if (!Array.isArray(units)) throw new BadInput(`${source}: payload.units: expected a list`);
  units.forEach((u: Partial<SuiteUnit>, k) => {
    const ok = u && Number.isInteger(u.scene) && u.scene! >= 0 && u.scene! < job.scenes.length * sidesOf(job.mirror).length && Number.isInteger(u.variant) && u.variant! >= 0
      && u.variant! < job.pairs && Array.isArray(u.scores) && u.scores.length === job.models.length;
    if (!ok) throw new BadInput(`${source}: payload.units[${k}]: expected {scene, variant, onset, scores} for ${job.models.length} models`);
  });
  return units as SuiteUnit[];
}
