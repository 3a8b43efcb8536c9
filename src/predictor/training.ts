// Trains the interaction network on a stream of fresh experience, with a replay of past frames,
// and hands out checkpoints at chosen experience marks.
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed, type Rng } from '../sim/rng';
import { DEFAULT_DIET, watchEpisode, type ExperienceDiet, type Transition } from './experience';
import { buildFeatures, DV_SCALE, DW_SCALE, OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES, type FeatureOptions } from './features';
import { DEFAULT_SHAPE, InteractionNetwork, type NetworkShape } from './network';
import type { Observation } from './observation';

export interface TrainOptions {
  /** Frames of experience (watched transitions) to train on in total. */
  frames: number;
  /** Experience marks at which to hand out a checkpoint (0 = the newborn). */
  checkpoints: number[];
  seed: number;
  diet?: ExperienceDiet;
  shape?: NetworkShape;
  features?: FeatureOptions;
  batchSize?: number;
  /** Gradient uses of each watched frame on average (replay from memory). */
  replay?: number;
  learningRate?: number;
  /** Frames generated between training bursts. */
  chunkFrames?: number;
  /** Standard deviation of noise added to observed velocities (m/s) while training. */
  velocityNoise?: number;
  validationFrames?: number;
}

export interface TrainSettings extends Required<Omit<TrainOptions, 'checkpoints'>> { checkpoints: number[] }

export interface CheckpointEvent {
  experienceFrames: number;
  network: InteractionNetwork;
  validationLoss: number;
  trainLoss: number;
  gradientSteps: number;
  settings: TrainSettings;
}

export interface ProgressEvent { experienceFrames: number; totalFrames: number; trainLoss: number; gradientSteps: number }

export function trainSettings(o: TrainOptions): TrainSettings {
  return {
    frames: o.frames, checkpoints: [...o.checkpoints].sort((a, b) => a - b), seed: o.seed,
    diet: o.diet ?? DEFAULT_DIET, shape: o.shape ?? DEFAULT_SHAPE,
    features: o.features ?? { contactFeatures: true },
    batchSize: o.batchSize ?? 128, replay: o.replay ?? 4, learningRate: o.learningRate ?? 1e-3,
    chunkFrames: o.chunkFrames ?? 2048, velocityNoise: o.velocityNoise ?? 0.03,
    validationFrames: o.validationFrames ?? 2048,
  };
}

/** Collects at least `count` transitions from fresh episodes. */
export function collectExperience(rng: Rng, diet: ExperienceDiet, count: number): Transition[] {
  const out: Transition[] = [];
  while (out.length < count) out.push(...watchEpisode(rng, diet));
  return out.slice(0, count);
}

const identityNoGrad = tf.customGrad(((x: tf.Tensor) => ({ value: x.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) })) as unknown as Parameters<typeof tf.customGrad>[0]);

interface TensorBatch { objects: tf.Tensor; pairs: tf.Tensor; pairMask: tf.Tensor; target: tf.Tensor; weight: tf.Tensor; batch: number; r: number; n: number }

export function makeBatch(items: readonly Transition[], features: FeatureOptions, rng: Rng | null, noise: number): TensorBatch {
  const frames: Observation[] = items.map((tr) => (rng && noise > 0 ? tr.obs.map((o) => (o.isStatic ? o : { ...o, vx: o.vx + noise * rng.normal(), vy: o.vy + noise * rng.normal() })) : tr.obs));
  const fb = buildFeatures(frames, features);
  const { batch: B, r, n } = fb;
  const target = new Float32Array(B * r * OUTPUTS);
  const weight = new Float32Array(B * r);
  items.forEach((tr, b) => {
    for (let k = 0; k < r; k++) {
      const i = fb.receiverIndex[b * r + k]!;
      if (i < 0 || Number.isNaN(tr.dv[i * 3]!)) continue;
      const o = tr.obs[i]!;
      const t = (b * r + k) * OUTPUTS;
      // The target is the true change from the clean state, so noisy inputs teach denoising.
      const noisy = frames[b]![i]!;
      target[t] = (tr.dv[i * 3]! + (o.vx - noisy.vx)) / DV_SCALE;
      target[t + 1] = (tr.dv[i * 3 + 1]! + (o.vy - noisy.vy)) / DV_SCALE;
      target[t + 2] = tr.dv[i * 3 + 2]! / DW_SCALE;
      weight[b * r + k] = 1;
    }
  });
  return {
    objects: tf.tensor(fb.objects, [B, r, OBJECT_FEATURES]),
    pairs: tf.tensor(fb.pairs, [B, r, n, PAIR_FEATURES]),
    pairMask: tf.tensor(fb.pairMask, [B, r, n]),
    target: tf.tensor(target, [B * r, OUTPUTS]),
    weight: tf.tensor(weight, [B * r, 1]),
    batch: B, r, n,
  };
}

const CHANNEL_WEIGHTS = [1, 1, 0.2];

/** Robust (Huber) loss on the mean; Gaussian NLL for the variance with the mean's error held fixed,
 * so a hard instant (a landing) widens the variance instead of dragging the mean. */
export function batchLoss(net: InteractionNetwork, tb: TensorBatch): tf.Scalar {
  const { mean, logvar } = net.forward(tb.objects, tb.pairs, tb.pairMask, tb.batch, tb.r, tb.n);
  const err = tf.sub(mean, tb.target);
  const absErr = tf.abs(err);
  const quadratic = tf.minimum(absErr, 1);
  const huber = tf.add(tf.mul(0.5, tf.square(quadratic)), tf.sub(absErr, quadratic));
  const fixedErr = identityNoGrad(err) as tf.Tensor;
  const nll = tf.mul(0.5, tf.add(logvar, tf.mul(tf.square(fixedErr), tf.exp(tf.neg(logvar)))));
  const perChannel = tf.add(huber, tf.mul(0.1, nll));
  const weighted = tf.mul(tf.mul(perChannel, tf.tensor1d(CHANNEL_WEIGHTS)), tb.weight);
  return tf.div(tf.sum(weighted), tf.maximum(tf.sum(tb.weight), 1)) as tf.Scalar;
}

export function disposeBatch(tb: TensorBatch): void {
  tb.objects.dispose(); tb.pairs.dispose(); tb.pairMask.dispose(); tb.target.dispose(); tb.weight.dispose();
}

export function evaluateLoss(net: InteractionNetwork, data: readonly Transition[], features: FeatureOptions): number {
  let total = 0, count = 0;
  for (let i = 0; i < data.length; i += 512) {
    const tb = makeBatch(data.slice(i, i + 512), features, null, 0);
    const l = tf.tidy(() => batchLoss(net, tb).dataSync()[0]!);
    disposeBatch(tb);
    total += l * Math.min(512, data.length - i);
    count += Math.min(512, data.length - i);
  }
  return total / Math.max(1, count);
}

/** The training loop. Deterministic for a seed: episodes, sampling and noise use seeded generators. */
export async function train(options: TrainOptions, onCheckpoint: (e: CheckpointEvent) => void | Promise<void>,
  onProgress?: (e: ProgressEvent) => void, shouldStop?: () => boolean): Promise<void> {
  const s = trainSettings(options);
  const experienceRng = createRng(mixSeed(s.seed, 1));
  const sampleRng = createRng(mixSeed(s.seed, 2));
  const validation = collectExperience(createRng(mixSeed(s.seed, 3, 0x7a1)), s.diet, s.validationFrames);
  const net = InteractionNetwork.create(s.shape, s.seed);
  const optimizer = tf.train.adam(s.learningRate);
  const memory: Transition[] = [];
  let steps = 0;
  let recentLoss = NaN;
  const marks = s.checkpoints.filter((m) => m <= s.frames);
  const emit = async (frames: number): Promise<void> => {
    while (marks.length > 0 && marks[0]! <= frames) {
      const mark = marks.shift()!;
      await onCheckpoint({ experienceFrames: mark, network: net, validationLoss: evaluateLoss(net, validation, s.features), trainLoss: recentLoss, gradientSteps: steps, settings: s });
    }
  };
  await emit(0);
  while (memory.length < s.frames) {
    if (shouldStop?.()) break;
    const nextMark = marks.find((m) => m > memory.length) ?? s.frames;
    const chunkSize = Math.min(s.chunkFrames, nextMark - memory.length, s.frames - memory.length);
    const chunkStart = memory.length;
    memory.push(...collectExperience(experienceRng, s.diet, chunkSize));
    const burst = Math.max(1, Math.round((s.replay * chunkSize) / s.batchSize));
    let lossSum = 0;
    for (let k = 0; k < burst; k++) {
      // Half of each batch from what was just seen, half replayed from all of memory.
      const items: Transition[] = [];
      for (let j = 0; j < s.batchSize; j++) {
        const fresh = j % 2 === 0;
        const idx = fresh ? sampleRng.int(chunkStart, memory.length - 1) : sampleRng.int(0, memory.length - 1);
        items.push(memory[idx]!);
      }
      const tb = makeBatch(items, s.features, sampleRng, s.velocityNoise);
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => batchLoss(net, tb), net.variables);
        const names = Object.keys(grads);
        const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!)))));
        const scale = tf.minimum(1, tf.div(5, tf.add(norm, 1e-6)));
        optimizer.applyGradients(names.map((name) => ({ name, tensor: tf.mul(grads[name]!, scale) })));
        return value.dataSync()[0]!;
      });
      disposeBatch(tb);
      lossSum += loss;
      steps++;
    }
    recentLoss = lossSum / burst;
    onProgress?.({ experienceFrames: memory.length, totalFrames: s.frames, trainLoss: recentLoss, gradientSteps: steps });
    await emit(memory.length);
  }
  optimizer.dispose();
  net.dispose();
}
