// Surprise computed live, one frame at a time: H rollouts in flight, advanced together in one
// batched prediction per frame, so the cost per frame is one forward pass of H frames.
import type { Observation } from './observation';
import type { StepPredictor } from './predictor';
import { HORIZON } from './constants';
import { advanceRollouts, rolloutSurprise, type RolloutState } from './rollout';
import { nextBelief } from './belief';
import { ArrivalTracker } from './appearance';
import { SightingTracker, sightedSurprise } from './sightings';
import { hasObjectFiles } from './coreKnowledge';
import type { ViewFrame } from './view';

export interface LiveSurpriseFrame {
  frame: number;
  /** Sum over observed moving objects; null before the first rollout has finished. */
  total: number | null;
  perObject: Map<string, number>;
}

export class LiveSurprise {
  private inFlight: { startFrame: number; rollout: RolloutState }[] = [];
  private readonly arrivals = new ArrivalTracker();
  /** Without object files (coreKnowledge.ts): what stayed in sight, as computeSurprise scores it. */
  private readonly sightings: SightingTracker | null;

  constructor(readonly predictor: StepPredictor, readonly horizon = HORIZON) {
    this.sightings = hasObjectFiles(predictor.features) ? null : new SightingTracker();
  }

  reset(): void {
    this.inFlight = [];
    this.arrivals.reset();
    this.sightings?.reset();
  }

  /** Feeds the observation at `frame` (frames must be consecutive); returns the surprise at it.
   * Gives the same numbers as computeSurprise over the whole trial, given the same views. With the
   * view (window and screens at this frame), hidden objects are kept in mind (the rollout started at
   * the previous frame, one step on, is exactly the belief's one-step prediction, so this costs no
   * extra prediction) and objects that appear are scored (ArrivalTracker, fed every frame with a
   * view, as the batch computation feeds it). */
  push(frame: number, obs: Observation, seen?: ViewFrame): LiveSurpriseFrame {
    let result: LiveSurpriseFrame = { frame, total: null, perObject: new Map() };
    const since = this.sightings?.push(frame, obs);
    const view = since ? undefined : seen;
    const arrived = view ? this.arrivals.push(obs, view) : undefined;
    const due = this.inFlight.find((r) => r.startFrame === frame - this.horizon);
    if (due) {
      const perObject = since ? sightedSurprise(due.rollout, obs, due.startFrame, since) : rolloutSurprise(due.rollout, obs, view, arrived);
      let total = 0;
      for (const s of perObject.values()) total += s;
      result = { frame, total, perObject };
    }
    const previous = view ? this.inFlight.find((r) => r.startFrame === frame - 1) : undefined;
    this.inFlight = this.inFlight.filter((r) => r.startFrame > frame - this.horizon);
    this.inFlight.push({ startFrame: frame, rollout: nextBelief(previous?.rollout ?? null, obs, view) });
    advanceRollouts(this.predictor, this.inFlight.map((r) => r.rollout));
    return result;
  }

  /** The expectation in flight that started most recently (for drawing a ghost), if any. */
  latestRollout(): RolloutState | undefined {
    return this.inFlight[this.inFlight.length - 1]?.rollout;
  }
}
