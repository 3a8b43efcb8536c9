// The observers a trial can be shown to: learned checkpoints, the baselines, and the oracle.
import type { StepPredictor } from '../predictor/predictor';
import { computeSurprise, oracleSurprise, type SurpriseTrace } from '../predictor/surprise';
import type { Observation } from '../predictor/observation';
import type { ViewFrame } from '../predictor/view';
import { HORIZON } from '../predictor/constants';
import { RolloutMemo } from '../predictor/rolloutMemo';

export interface OracleObserver { readonly kind: 'oracle'; readonly name: 'oracle'; readonly experienceFrames: number }
export const ORACLE: OracleObserver = { kind: 'oracle', name: 'oracle', experienceFrames: Number.POSITIVE_INFINITY };

export type Observer = StepPredictor | OracleObserver;

/** Surprise of an observer at a trial. The oracle needs the trial's possible twin (the simulator
 * run without the violation); for a possible trial the twin is the trial itself. With `views`, the
 * learned and baseline observers keep hidden objects in mind (docs/surprise.md). With `memo` (from
 * memoFor), rollouts another trial shared with this one are not computed again. With `stride` k
 * > 1 a learned or baseline observer's rollout surprise is scored on every k-th frame only
 * (computeSurprise; docs/surprise.md, "Scoring every k-th frame"); the oracle's costs nothing and
 * is always scored on every frame. With `startStride` k > 1 rollouts start at every k-th frame only and
 * every frame is scored from the rollout in flight (docs/surprise.md, "Rollouts started at every k-th frame"). */
export function observerSurprise(observer: Observer, frames: readonly Observation[], possibleTwin: readonly Observation[], views?: readonly ViewFrame[],
  memo?: RolloutMemo, stride = 1, startStride = 1): SurpriseTrace {
  if (observer.kind === 'oracle') return oracleSurprise(frames, possibleTwin);
  return computeSurprise(observer, frames, HORIZON, views, memo, stride, startStride);
}

/** A memo of an observer's rollouts for trials that share frames (both trials of a matched pair);
 * undefined for the oracle, which rolls nothing out. */
export const memoFor = (observer: Observer): RolloutMemo | undefined =>
  (observer.kind === 'oracle' ? undefined : new RolloutMemo(observer, HORIZON));
