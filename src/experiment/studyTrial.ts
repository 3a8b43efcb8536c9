// Runs one planned trial of a study and records it, scored by every observer exactly as the suite scores it.
import type { SceneFile } from '../scenes/schema';
import { SCORE_NAMES, type SurpriseTrace, type TrialScores } from '../predictor/surprise';
import type { Observer } from './observers';
import { experienceOf, runPair, scoreTrial } from './suite';
import type { PlannedTrial } from './studyDesign';
import {
  RECORDING_FORMAT, RECORDING_VERSION, nullable, textHash,
  type ObserverTrack, type Recording, type StudyPlace,
} from './recording';

export interface StudyTrialContext {
  scene: SceneFile;
  /** The scene file's text as loaded, for the recording's scene hash. */
  sceneText: string;
  seed: number;
  /** The recording's id and name. */
  id: string;
  name: string;
  /** ISO 8601 time the trial started (the page's clock: the core reads none). */
  startedAt: string;
  appVersion: string;
  matterVersion: string;
  tfjsVersion: string;
  place: StudyPlace | null;
}

/** One observer's track. Experience: learned models their frames, the baselines 0 (they learn
 * nothing, and the suite reports it as 0), the oracle null (it is the simulator, not a learner);
 * so that results rebuilt from recordings carry the same experience_frames as the suite's. */
function observerTrack(observer: Observer, trace: SurpriseTrace, scores: TrialScores): ObserverTrack {
  const perBody: Record<string, (number | null)[]> = {};
  for (const [id, series] of trace.perObject) perBody[id] = nullable(series);
  const scoreRecord: Record<string, number | null> = {};
  for (const name of SCORE_NAMES) scoreRecord[name] = Number.isFinite(scores[name]) ? scores[name] : null;
  // Only learned predictors carry one (LearnedPredictor.checkpointHash); the interface does not say so.
  const carried = (observer as { checkpointHash?: unknown }).checkpointHash;
  const hash = observer.kind === 'learned' && typeof carried === 'string' ? carried : null;
  return {
    model: observer.name,
    kind: observer.kind,
    checkpoint_hash: hash,
    experience_frames: experienceOf(observer),
    total: nullable(trace.total),
    per_body: perBody,
    scores: scoreRecord,
  };
}

/** Runs both twins of the planned trial's variant (the oracle's expectation is the possible twin,
 * and the onset is the pair's), scores the shown one for every observer, and returns its recording. */
export function recordStudyTrial(
  planned: Pick<PlannedTrial, 'sceneId' | 'variant' | 'condition'>,
  context: StudyTrialContext,
  observers: readonly Observer[],
): Recording {
  const { scene } = context;
  if (planned.sceneId !== scene.id) throw new Error(`recordStudyTrial: the trial is of scene "${planned.sceneId}" but the context holds "${scene.id}"`);
  const pair = runPair(scene, planned.variant, context.seed);
  const run = pair[planned.condition];
  const tracks = observers.map((observer) => {
    const { trace, scores } = scoreTrial(observer, pair, planned.condition);
    return observerTrack(observer, trace, scores);
  });
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    id: context.id,
    name: context.name,
    kind: 'trial',
    meta: {
      app_version: context.appVersion,
      scene_id: scene.id,
      scene_title: scene.title,
      scene_hash: textHash(context.sceneText),
      study: scene.study.citation,
      variant: planned.variant,
      condition: planned.condition,
      seed: context.seed,
      params: { ...run.params },
      onset_frame: pair.onset,
      started_at: context.startedAt,
      matter_version: context.matterVersion,
      tfjs_version: context.tfjsVersion,
    },
    place: context.place,
    snapshots: run.snapshots,
    events: run.events.map((e) => ({ ...e })),
    observers: tracks,
    looking: null,
  };
}
