// A developmental probe: matched pairs of a scene simulated once, then scored by any observer one
// trial at a time (the same score as the suite), so a learner can be re-measured as it trains.
import type { SceneFile } from '../scenes/schema';
import type { Observation } from '../predictor/observation';
import { trialScores } from '../predictor/surprise';
import type { ViewFrame } from '../predictor/view';
import { runTrial, observations } from './trial';
import { observerSurprise, type Observer } from './observers';
import { PRIMARY_SCORE } from './suite';
import { pairwiseAccuracy } from './metrics';

export interface MatchedPair {
  scene: string;
  concept: string;
  variant: number;
  seed: number;
  possible: Observation[];
  impossible: Observation[];
  possibleViews: ViewFrame[];
  impossibleViews: ViewFrame[];
  /** Shared by both twins (the possible one records when the magic would have started). */
  onset: number | null;
}

/** Simulates both trials of one matched pair (variant `variant` of the scene, `seed`). */
export function prepareMatchedPair(scene: SceneFile, variant: number, seed: number): MatchedPair {
  const p = runTrial(scene, 'possible', variant, seed);
  const i = runTrial(scene, 'impossible', variant, seed);
  return {
    scene: scene.id, concept: scene.concept, variant, seed,
    possible: observations(p), impossible: observations(i), possibleViews: p.views, impossibleViews: i.views,
    onset: i.onsetFrame ?? p.onsetFrame,
  };
}

/** The suite's primary score of one trial of the pair for an observer. */
export function scoreTrial(observer: Observer, pair: MatchedPair, condition: 'possible' | 'impossible'): number {
  const frames = condition === 'possible' ? pair.possible : pair.impossible;
  const views = condition === 'possible' ? pair.possibleViews : pair.impossibleViews;
  return trialScores(observerSurprise(observer, frames, pair.possible, views), pair.onset)[PRIMARY_SCORE];
}

export interface PairScore { possible: number; impossible: number }

/** Pairwise accuracy of scored pairs (share where the impossible trial is the more surprising). */
export function probeAccuracy(scores: readonly PairScore[]): number {
  return pairwiseAccuracy(scores.map((s) => s.possible), scores.map((s) => s.impossible));
}
