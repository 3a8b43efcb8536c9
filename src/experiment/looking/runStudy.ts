// Runs a whole study in one go (the CLI's `study`): every planned trial in order, scored by every
// observer as the Experiment screen scores it, learners habituating when the design says so.
import type { SceneFile } from '../../scenes/schema';
import type { Observer } from '../observers';
import type { Recording } from '../recording';
import type { StudyDesign } from '../studyDesign';
import { recordStudyTrial } from '../studyTrial';
import { DEFAULT_HABITUATION, Habituation, type HabituationSettings } from './habituation';
import { infantSeed } from './infants';

export interface StudyScene { scene: SceneFile; text: string }

export interface StudyRunOptions {
  versions: { app: string; matter: string; tfjs: string };
  /** Hears each finished trial (progress). */
  onTrial?: (done: number, total: number) => void;
  /** How learners habituate (default: the training loop's settings, DEFAULT_HABITUATION). */
  habituation?: HabituationSettings;
  /** Seeds the habituating copies' learning (default: the study's seed; an infant's: infants.ts). */
  learningSeed?: number;
}

/** The recordings of every trial, in presentation order. With `habituate` in the design each
 * learner is a copy that learns from the scene's familiarization trials (`Habituation`). */
export function runStudy(design: StudyDesign, scenes: ReadonlyMap<string, StudyScene>, observers: readonly Observer[], options: StudyRunOptions): Recording[] {
  const sceneOf = (id: string): StudyScene => {
    const s = scenes.get(id);
    if (!s) throw new Error(`runStudy: the design's scene "${id}" was not given`);
    return s;
  };
  const habituation = design.settings.habituate
    ? new Habituation(design, observers, (id) => sceneOf(id).scene, options.habituation ?? DEFAULT_HABITUATION, options.learningSeed ?? design.settings.seed)
    : null;
  const run = { id: 'study', name: 'study' };
  const out: Recording[] = [];
  try {
    for (const planned of design.trials) {
      const { scene, text } = sceneOf(planned.sceneId);
      out.push(recordStudyTrial(planned, {
        scene, sceneText: text, seed: design.settings.seed,
        id: `${run.id}-t${String(planned.index + 1).padStart(3, '0')}`, name: `trial ${planned.index + 1}`,
        startedAt: '1970-01-01T00:00:00.000Z', appVersion: options.versions.app,
        matterVersion: options.versions.matter, tfjsVersion: options.versions.tfjs,
        place: {
          run_id: run.id, run_name: run.name, trial_index: planned.index, trial_count: design.trials.length,
          phase: planned.phase, pair: planned.pair, design: design.description,
        },
      }, habituation ? habituation.observersFor(planned) : observers));
      options.onTrial?.(out.length, design.trials.length);
    }
  } finally {
    habituation?.dispose();
  }
  return out;
}

/** The recordings each infant saw (infants.ts), infant 0 first: habituating, infant k's learners
 * are fresh copies learning with infant k's seed, so each infant runs the whole study; otherwise
 * every infant sees the same recordings (its own looks are drawn later, by lookingResults). */
export function runInfants(design: StudyDesign, scenes: ReadonlyMap<string, StudyScene>, observers: readonly Observer[], options: StudyRunOptions, infantsPerLearner: number): Recording[][] {
  if (!design.settings.habituate) {
    const once = runStudy(design, scenes, observers, options);
    return Array.from({ length: infantsPerLearner }, () => once);
  }
  const total = design.trials.length * infantsPerLearner;
  return Array.from({ length: infantsPerLearner }, (_, k) => runStudy(design, scenes, observers, {
    ...options, learningSeed: infantSeed(design.settings.seed, k),
    onTrial: (done) => options.onTrial?.(k * design.trials.length + done, total),
  }));
}
