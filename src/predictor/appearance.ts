// Surprise at an appearance: an object seen that the observer's belief did not hold, scored by the
// chance that it was where nobody had looked just before (docs/surprise.md).
import type { ObjectState, Observation } from './observation';
import { probabilityUnexplored, type ViewFrame } from './view';
import { MISSING_SURPRISE, POSITION_NOISE_M } from './constants';
import { STEP_S } from '../sim/units';
import { log } from '../sim/portableMath';

const FLOOR = POSITION_NOISE_M * POSITION_NOISE_M;

/** The surprise of an object seen now and not the frame before, given the view of the frame before:
 * −ln P(it was where nobody had looked), capped at MISSING_SURPRISE. Where it was is one step back
 * along its seen velocity (exactly the rollout's step, run backwards), with the (1 cm)² floor; "where
 * nobody had looked" is outside the window or in the view's unexplored space. Coming out from behind
 * a screen that has stood since the start, or in from beyond the window's edge: P ≈ 1, no surprise.
 * Appearing in plain view, or from behind a screen that went up in front of empty space: the cap. */
export function appearanceSurprise(before: ViewFrame, o: ObjectState): number {
  const p = probabilityUnexplored(before, o.x - o.vx * STEP_S, o.y - o.vy * STEP_S, FLOOR, FLOOR);
  return Math.min(MISSING_SURPRISE, -log(p));
}

/** Follows which moving objects are in sight from frame to frame (frames fed in order) and what each
 * one's appearance cost: the surprise of every object seen now whose sighting began after the first
 * frame fed. A rollout that does not carry such an object is charged this (rolloutSurprise), just as
 * one that carries an object no longer seen is charged for its absence. The batch and the live
 * computation both go through here, so they agree exactly. */
export class ArrivalTracker {
  private before: { seen: Set<string>; view: ViewFrame } | null = null;
  private costs: Map<string, number> = new Map();

  reset(): void {
    this.before = null;
    this.costs = new Map();
  }

  /** The observation and view of the next frame; returns the nonzero appearance costs of the objects seen in it. */
  push(obs: Observation, view: ViewFrame): ReadonlyMap<string, number> {
    const next = new Map<string, number>();
    const seen = new Set<string>();
    for (const o of obs) {
      if (o.isStatic) continue;
      seen.add(o.id);
      // At the first frame fed, what is seen is where the belief starts: nothing has appeared.
      if (!this.before) continue;
      const cost = this.before.seen.has(o.id) ? this.costs.get(o.id) ?? 0 : appearanceSurprise(this.before.view, o);
      if (cost > 0) next.set(o.id, cost);
    }
    this.before = { seen, view };
    this.costs = next;
    return next;
  }
}
