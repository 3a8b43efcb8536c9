// Trains one learner (one seed) and writes its checkpoints and index.json: the same code runs for
// `train --seed S` in the main thread and for each seed of `train --seeds` in a worker thread.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { train } from '../predictor/training';
import { serializeCheckpoint, type CheckpointMeta } from '../predictor/checkpoint';
import type { TrainSettings } from '../predictor/trainer';
import { recipeOptions, SHIPPED_BATCH_SIZE, SHIPPED_LEARNING_RATE, SHIPPED_REPLAY, type TrainingRecipe } from '../predictor/trainingRecipe';
import { SHIPPED_SPIN_WEIGHT } from '../predictor/trainingBatch';
import type { CoreSettings } from '../predictor/coreKnowledge';
import { NAMED_DIETS } from '../predictor/namedDiets';
import { DEFAULT_SHAPE } from '../predictor/networkShape';

/** Everything one seed's run needs; plain data, so it can be posted to a worker thread. */
export interface SeedJob {
  seed: number;
  frames: number;
  marks: number[];
  replay: number;
  /** Core-knowledge switches (coreKnowledge.ts). */
  core: CoreSettings;
  /** A name from NAMED_DIETS. */
  diet: string;
  /** Weight averaging, learning-rate decay, mirrored diet, short drops (absent: the shipped training). */
  recipe?: TrainingRecipe;
  /** plainMatMul's faster gradient (absent: TF.js's own, as the shipped checkpoints were trained). */
  plainGradient?: boolean;
  /** Directory for this seed's checkpoints (one folder each, plus index.json). */
  out: string;
  /** The command recorded in each meta.json. */
  command: string;
}

/** What a run reports as it goes (posted from a worker as is). */
export type SeedMessage =
  | { type: 'progress'; seed: number; frames: number; total: number; loss: number }
  | { type: 'checkpoint'; seed: number; name: string; frames: number; validationLoss: number; dir: string };

export interface WrittenCheckpoint { name: string; experience_frames: number }

export const checkpointName = (frames: number): string =>
  frames === 0 ? 'newborn' : frames % 1000 === 0 ? `learner-${frames / 1000}k` : `learner-${frames}`;

export function codeVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** meta.json's `training`: absent for the shipped settings; the averaging and decay when either is set
 * (as before the other keys existed), each of replay, learning rate, batch size, support weight
 * spin weight and relation width that differs from the shipped one, and the rollout loss's steps,
 * batch, weight and spacing when it is on. */
function trainingRecord(s: TrainSettings): Pick<CheckpointMeta, 'training'> {
  const extra = {
    ...(s.replay !== SHIPPED_REPLAY ? { replay: s.replay } : {}),
    ...(s.learningRate !== SHIPPED_LEARNING_RATE ? { learning_rate: s.learningRate } : {}),
    ...(s.batchSize !== SHIPPED_BATCH_SIZE ? { batch_size: s.batchSize } : {}),
    ...(s.supportWeight !== 1 ? { support_weight: s.supportWeight } : {}),
    ...(s.spinWeight !== SHIPPED_SPIN_WEIGHT ? { spin_weight: s.spinWeight } : {}),
    ...(s.shape.relationHidden !== DEFAULT_SHAPE.relationHidden ? { relation_width: s.shape.relationHidden } : {}),
    ...(s.rolloutSteps > 0 ? { rollout_steps: s.rolloutSteps, rollout_batch: s.rolloutBatch, rollout_weight: s.rolloutWeight, rollout_every: s.rolloutEvery } : {}),
  };
  if (s.emaDecay === 0 && s.learningRateDecayFrames === 0 && Object.keys(extra).length === 0) return {};
  return { training: { ema_decay: s.emaDecay, lr_decay_frames: s.learningRateDecayFrames, ...extra } };
}

/** Trains `job.seed` from fresh weights. Deterministic for a seed: the weights do not depend on the
 * thread, the other seeds of a cohort or the wall clock (only meta.json's training_seconds does). */
export async function trainSeed(job: SeedJob, onMessage: (m: SeedMessage) => void): Promise<WrittenCheckpoint[]> {
  const started = Date.now();
  const written: WrittenCheckpoint[] = [];
  mkdirSync(job.out, { recursive: true });
  const diet = NAMED_DIETS[job.diet]!;
  await train({ frames: job.frames, checkpoints: job.marks, seed: job.seed, replay: job.replay, features: job.core, diet, plainGradient: job.plainGradient === true, ...(job.recipe ? recipeOptions(job.recipe, diet) : {}) }, (e) => {
    const name = checkpointName(e.experienceFrames);
    const ck = serializeCheckpoint(e.network, e.settings.features, {
      name, experience_frames: e.experienceFrames, experience_minutes: Number((e.experienceFrames / 3600).toFixed(2)),
      seed: job.seed, diet: e.settings.diet, features: e.settings.features,
      ...trainingRecord(e.settings),
      matmul_gradient: e.settings.plainGradient ? 'plain' : 'transposed',
      validation_loss: e.validationLoss,
      train_loss: Number.isFinite(e.trainLoss) ? e.trainLoss : null, gradient_steps: e.gradientSteps,
      training_seconds: Math.round((Date.now() - started) / 100) / 10, code_version: codeVersion(), command: job.command,
    });
    const dir = join(job.out, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.json'), ck.modelJson);
    writeFileSync(join(dir, 'weights.bin'), ck.weights);
    writeFileSync(join(dir, 'meta.json'), ck.metaJson);
    written.push({ name, experience_frames: e.experienceFrames });
    onMessage({ type: 'checkpoint', seed: job.seed, name, frames: e.experienceFrames, validationLoss: e.validationLoss, dir });
  }, (p) => onMessage({ type: 'progress', seed: job.seed, frames: p.experienceFrames, total: p.totalFrames, loss: p.trainLoss }));
  // The browser cannot list a directory: index.json tells it which checkpoints are here.
  writeFileSync(join(job.out, 'index.json'), `${JSON.stringify({ models: written }, null, 2)}\n`);
  return written;
}
