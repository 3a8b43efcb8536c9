// Test recordings made from real trials (runTrial on a shipped scene, real observers): no
// hand-faked physics. Used by the recording JSON and CSV tests.
import { RECORDING_FORMAT, RECORDING_VERSION, nullable, textHash, type ObserverTrack, type Recording } from '../../../src/experiment/recording';
import { observations, runTrial } from '../../../src/experiment/trial';
import { ORACLE, observerSurprise, type Observer } from '../../../src/experiment/observers';
import { ConstantVelocityPredictor } from '../../../src/predictor/predictor';
import { SCORE_NAMES, trialScores } from '../../../src/predictor/surprise';
import type { Condition } from '../../../src/sim/spec';
import { loadRepoScene, readRepoFile } from './trials';

const SCENE = 'car-off-platform';

export interface RecordingOptions {
  id?: string;
  condition?: Condition;
  variant?: number;
  seed?: number;
  frames?: number;
  observers?: Observer[];
  run?: { id: string; name: string; index: number; count: number };
}

export function recordTrial(o: RecordingOptions = {}): Recording {
  const scene = loadRepoScene(SCENE);
  const condition = o.condition ?? 'impossible';
  const seed = o.seed ?? 7;
  const run = runTrial(scene, condition, o.variant, seed, o.frames);
  const twin = condition === 'possible' ? run : runTrial(scene, 'possible', o.variant, seed, o.frames);
  const obs = observations(run);
  const twinObs = observations(twin);
  const onset = run.onsetFrame ?? twin.onsetFrame;
  const tracks: ObserverTrack[] = (o.observers ?? [new ConstantVelocityPredictor()]).map((observer) => {
    const trace = observerSurprise(observer, obs, twinObs, run.views);
    const scores = trialScores(trace, onset);
    const perBody: Record<string, (number | null)[]> = {};
    for (const [id, series] of trace.perObject) perBody[id] = nullable(series);
    return {
      model: observer.name, kind: observer.kind, checkpoint_hash: null,
      experience_frames: Number.isFinite(observer.experienceFrames) ? observer.experienceFrames : null,
      total: nullable(trace.total), per_body: perBody,
      scores: Object.fromEntries(SCORE_NAMES.map((n) => [n, Number.isFinite(scores[n]) ? scores[n] : null])),
    };
  });
  return {
    format: RECORDING_FORMAT, version: RECORDING_VERSION,
    id: o.id ?? `test-${condition}-${o.variant ?? 'canonical'}`, name: `${scene.title} (${condition})`, kind: 'trial',
    meta: {
      app_version: '0.1.0', scene_id: scene.id, scene_title: scene.title, scene_hash: textHash(readRepoFile(`scenes/${SCENE}.json`)),
      study: scene.study.citation, variant: run.variant, condition, seed, params: run.params, onset_frame: onset,
      started_at: '2026-01-02T03:04:05.000Z', matter_version: '0.20.0', tfjs_version: '4.22.0',
    },
    place: o.run ? {
      run_id: o.run.id, run_name: o.run.name, trial_index: o.run.index, trial_count: o.run.count,
      phase: 'test', pair: o.variant ?? 0, design: 'a unit test',
    } : null,
    snapshots: run.snapshots, events: run.events.map((e) => ({ ...e })), observers: tracks, looking: null,
  };
}

export { ORACLE };
