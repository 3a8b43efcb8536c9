// Surprise for an observer without object files (core switch `object-files` off): it knows an
// object only while the object stays in sight, so it carries nothing hidden, pays nothing for an
// object missing or appearing, and compares only where things are, never their size or kind.
import type { Observation, ObjectState } from './observation';
import { positionSurprise, type RolloutState } from './rollout';

/** Follows, frame by frame (fed in order), the frame at which each moving object's present sighting
 * began: an object that leaves sight and comes back starts a new sighting (a new object, for an
 * observer without object files). The batch and the live computation both go through here. */
export class SightingTracker {
  private since = new Map<string, number>();

  reset(): void {
    this.since = new Map();
  }

  /** The observation at `frame`; returns, for every moving object seen in it, when its sighting began. */
  push(frame: number, obs: Observation): ReadonlyMap<string, number> {
    const next = new Map<string, number>();
    for (const o of obs) if (!o.isStatic) next.set(o.id, this.since.get(o.id) ?? frame);
    this.since = next;
    return next;
  }
}

/** Surprise of a rollout started at `startFrame` (from the observation alone) against the
 * observation now: ½·z² of position for every moving object seen at the start and in sight ever
 * since (`since` from SightingTracker), nothing for any other (gone, hidden, or new), no size or
 * kind term. */
export function sightedSurprise(r: RolloutState, observed: Observation, startFrame: number, since: ReadonlyMap<string, number>): Map<string, number> {
  const byId = new Map<string, ObjectState>();
  for (const o of observed) if (!o.isStatic) byId.set(o.id, o);
  const out = new Map<string, number>();
  r.state.forEach((pred, i) => {
    if (pred.isStatic) return;
    const obs = byId.get(pred.id);
    const began = since.get(pred.id);
    if (!obs || began === undefined || began > startFrame) return;
    out.set(pred.id, positionSurprise(r, i, obs));
  });
  return out;
}
