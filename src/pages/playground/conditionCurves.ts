// Both conditions' surprise curves of the scripted trial, for each observer shown: computed once
// per scene and observer (the same code as the suite), so the chart can draw the other condition
// faintly under the live one and keep one fixed scale across both.
import { simulateTrial } from '../../experiment/trial';
import { observe } from '../../predictor/observation';
import { computeSurprise, oracleSurprise, HORIZON } from '../../predictor/surprise';
import { viewsOf } from '../../predictor/view';
import type { Condition, WorldSpec } from '../../sim/spec';
import type { SurpriseTrack } from './surpriseTrack';
import { CohortTrack } from './cohortTrack';
import { cohortCurves } from '../../experiment/cohortBand';

export interface ConditionCurves {
  possible: Float64Array;
  impossible: Float64Array;
  /** Largest finite value in either condition (0 when none). */
  max: number;
}

const worlds = new WeakMap<WorldSpec, Map<string, ConditionCurves>>();
const observed = new WeakMap<WorldSpec, Record<Condition, ReturnType<typeof observe>[]>>();

function observationsOf(world: WorldSpec): Record<Condition, ReturnType<typeof observe>[]> {
  let o = observed.get(world);
  if (!o) {
    o = {
      possible: simulateTrial(world, 'possible').snapshots.map(observe),
      impossible: simulateTrial(world, 'impossible').snapshots.map(observe),
    };
    observed.set(world, o);
  }
  return o;
}

/** The two curves of one observer on a world's scripted trial (memoised per world and observer). */
export function conditionCurves(world: WorldSpec, track: SurpriseTrack): ConditionCurves {
  let byModel = worlds.get(world);
  if (!byModel) worlds.set(world, (byModel = new Map()));
  const known = byModel.get(track.choice.id);
  if (known) return known;
  const obs = observationsOf(world);
  const views = viewsOf(world, obs.possible.length - 1);
  const viewed = views.length === obs.possible.length ? views : undefined;
  // A cohort's curve is the mean of its seeds' curves.
  const curve = (c: Condition): Float64Array => (track instanceof CohortTrack
    ? cohortCurves(track.members.map((m) => computeSurprise(m.predictor, obs[c], HORIZON, viewed).total)).mean
    : track.predictor
    ? computeSurprise(track.predictor, obs[c], HORIZON, viewed).total
    : oracleSurprise(obs[c], obs.possible).total);
  const possible = curve('possible');
  const impossible = curve('impossible');
  let max = 0;
  for (const a of [possible, impossible]) for (const v of a) if (Number.isFinite(v) && v > max) max = v;
  const out = { possible, impossible, max };
  byModel.set(track.choice.id, out);
  return out;
}
