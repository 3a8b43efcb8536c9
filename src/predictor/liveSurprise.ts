// Surprise computed live, one frame at a time: H rollouts in flight, advanced together in one
// batched prediction per frame, so the cost per frame is one forward pass of H frames.
import type { Observation } from './observation';
import type { StepPredictor } from './predictor';
import { HORIZON } from './constants';
import { advanceRollouts, cloneRollout, rolloutSurprise, type RolloutState } from './rollout';
import { sameStart } from './rolloutMemo';
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

/** A rollout in flight. A start the same as the one before (a scene at rest) is not rolled out
 * again: it shares the earlier rollout, which is finished (and no longer advanced) by the time
 * this one is due, and keeps a copy of that rollout one step on (what nextBelief and the ghost read). */
interface InFlight {
  startFrame: number;
  /** The start as it was (the rollout's own state moves on). */
  start: RolloutState;
  rollout: RolloutState;
  /** False for a start that shares an earlier one's rollout. */
  advancing: boolean;
  /** For a shared one: the rollout one step on from its start. */
  afterOne?: RolloutState;
}

export class LiveSurprise {
  private inFlight: InFlight[] = [];
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
    const previous = this.inFlight.find((r) => r.startFrame === frame - 1);
    this.inFlight = this.inFlight.filter((r) => r.startFrame > frame - this.horizon);
    const belief = nextBelief(view && previous ? oneStepOn(previous) : null, obs, view);
    if (previous && this.horizon > 0 && sameStart(belief, previous.start)) {
      // The previous start's rollout is one step on now (advanced once, at the previous frame).
      const afterOne = previous.advancing ? cloneRollout(previous.rollout) : previous.afterOne!;
      this.inFlight.push({ startFrame: frame, start: previous.start, rollout: previous.rollout, advancing: false, afterOne });
    } else {
      // The state array is never changed (a step replaces it); the variances are added to in place.
      const start = { state: belief.state, velocityVariance: Float64Array.from(belief.velocityVariance), positionVariance: Float64Array.from(belief.positionVariance) };
      this.inFlight.push({ startFrame: frame, start, rollout: belief, advancing: true });
    }
    const advancing: RolloutState[] = [];
    for (const r of this.inFlight) if (r.advancing) advancing.push(r.rollout);
    advanceRollouts(this.predictor, advancing);
    return result;
  }

  /** The expectation in flight that started most recently, one step on (for drawing a ghost), if any. */
  latestRollout(): RolloutState | undefined {
    const latest = this.inFlight[this.inFlight.length - 1];
    return latest ? oneStepOn(latest) : undefined;
  }
}

/** The rollout from this entry's start, one step on: its own (advanced once, at the frame it
 * started) or, when it shares an earlier start's rollout, the copy kept then. Read only at the frame
 * after it started. */
function oneStepOn(r: InFlight): RolloutState {
  return r.advancing ? r.rollout : r.afterOne!;
}
