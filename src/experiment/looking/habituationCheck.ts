// Does habituation teach what looking reads? For each learner and familiarization trial: its one-step
// training loss and its rollout surprise on that trial, before and after learning from it.
import type { SceneFile } from '../../scenes/schema';
import { LearnedPredictor } from '../../predictor/predictor';
import { evaluateLoss } from '../../predictor/trainingBatch';
import type { Observer } from '../observers';
import { PRIMARY_SCORE, runPair, scoreTrial } from '../suite';
import type { StudyDesign } from '../studyDesign';
import { Habituation, watchedTransitions } from './habituation';
import { DEFAULT_HABITUATION, type HabituationSettings } from './habituationSettings';

export interface LearningCheckRow {
  scene: string; model: string; experience_frames: number;
  /** 1-based familiarization trial of the scene. */
  trial: number;
  /** The training loss (batchLoss, no velocity noise) on the trial's watched transitions. */
  lossBefore: number; lossAfter: number;
  /** The trial's primary surprise (rollout_mean, nats per frame), scored as the study scores it. */
  surpriseBefore: number; surpriseAfter: number;
}

/** Every learner of the design at every familiarization trial that a later trial follows (learning
 * from it shows in the learner the next trial meets), with the habituation settings given. */
export function habituationCheck(design: StudyDesign, sceneOf: (id: string) => SceneFile, observers: readonly Observer[],
  settings: HabituationSettings = DEFAULT_HABITUATION): LearningCheckRow[] {
  const habituation = new Habituation(design, observers, sceneOf, settings);
  const seed = design.settings.seed;
  const rows: LearningCheckRow[] = [];
  try {
    for (const sceneId of design.settings.scenes) {
      const scene = sceneOf(sceneId);
      const trials = design.trials.filter((t) => t.sceneId === sceneId);
      trials.forEach((fam, k) => {
        const next = trials[k + 1];
        if (fam.phase !== 'familiarization' || !next) return;
        const pair = runPair(scene, fam.variant, seed);
        const watched = watchedTransitions(scene, fam.variant, fam.condition, seed);
        const measure = (o: Observer): { loss: number; surprise: number } | null => {
          if (!(o instanceof LearnedPredictor) || !o.network) return null;
          return { loss: evaluateLoss(o.network, watched, o.features), surprise: scoreTrial(o, pair, fam.condition).scores[PRIMARY_SCORE] };
        };
        const before = habituation.observersFor(fam).map(measure);
        const after = habituation.observersFor(next).map(measure);
        before.forEach((b, j) => {
          const a = after[j];
          const o = observers[j]!;
          if (!b || !a) return;
          rows.push({
            scene: sceneId, model: o.name, experience_frames: (o as LearnedPredictor).experienceFrames, trial: fam.index - trials[0]!.index + 1,
            lossBefore: b.loss, lossAfter: a.loss, surpriseBefore: b.surprise, surpriseAfter: a.surprise,
          });
        });
      });
    }
  } finally {
    habituation.dispose();
  }
  return rows;
}

/** How often learning from a trial lowered its loss, and its surprise, on that same trial. */
export function learningCheckSummary(rows: readonly LearningCheckRow[]): { n: number; lossLowered: number; surpriseLowered: number } {
  return {
    n: rows.length,
    lossLowered: rows.filter((r) => r.lossAfter < r.lossBefore).length,
    surpriseLowered: rows.filter((r) => r.surpriseAfter < r.surpriseBefore).length,
  };
}

/** One row per learner and familiarization trial. */
export function learningCheckCsv(rows: readonly LearningCheckRow[]): string {
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['scene,model,experience_frames,trial,loss_before,loss_after,surprise_before,surprise_after'];
  for (const r of rows) lines.push([r.scene, q(r.model), r.experience_frames, r.trial, r.lossBefore, r.lossAfter, r.surpriseBefore, r.surpriseAfter].join(','));
  return `${lines.join('\n')}\n`;
}
