// A resumable training run: the same seeded loop as `train()`, cut into small units of work (watch
// one episode, take one gradient step) so a shell can pause, resume, cancel and report between them.
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed, type Rng } from '../sim/rng';
import { DEFAULT_DIET, watchEpisode, type EpisodeWatcher, type ExperienceDiet, type Transition } from './experience';
import type { FeatureOptions } from './features';
import { DEFAULT_SHAPE, InteractionNetwork, type NetworkShape } from './network';
import { batchLoss, collectExperience, disposeBatch, evaluateLoss, makeBatch, SHIPPED_SPIN_WEIGHT } from './trainingBatch';
import { WeightAverage } from './weightAverage';
import { disposeRolloutBatch, makeRolloutBatch, rolloutLoss } from './rolloutLoss';

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
  /** Learning rate divided by sqrt(1 + experience frames / this): the steps shrink as experience
   * grows, on a clock of frames watched (not of the run's length), so a checkpoint does not depend on
   * how long the run goes on. 0: a constant rate. */
  learningRateDecayFrames?: number;
  /** Checkpoints hold an exponential moving average of the weights (Polyak averaging) with this
   * decay per gradient step, warmed up as min(decay, (1 + t) / (10 + t)); 0: the raw weights.
   * Training itself is unchanged: the average only looks on. */
  emaDecay?: number;
  /** plainMatMul's faster gradient (InteractionNetwork.plainGradient) instead of TF.js's own, with
   * which the shipped checkpoints were trained: other weights, same gradient up to rounding. */
  plainGradient?: boolean;
  /** Loss weight of a receiver whose support changes in the step (starts to fall, lands or starts to tip); 1: the
   * shipped loss, every receiver alike (trainingBatch.ts makeBatch). */
  supportWeight?: number;
  /** Loss weight of the change of spin beside the velocity's 1 (shipped: 0.2, trainingBatch.ts). */
  spinWeight?: number;
  /** The rollout loss (rolloutLoss.ts): the network rolled this many steps from true states at each
   * gradient step, scored on the true future frames; 0 (the shipped training): off. */
  rolloutSteps?: number;
  /** Transitions rolled out per gradient step: the first this many of the batch that have the steps. */
  rolloutBatch?: number;
  /** Weight of the rollout loss beside the one-step loss's 1. */
  rolloutWeight?: number;
  /** The rollout loss is added at every this-many-th gradient step (1: every step): a rollout costs
   * about one one-step batch per step rolled, mostly TF.js's overhead per op, so fewer, larger
   * rollout batches are cheaper for as many rollouts (default DEFAULT_ROLLOUT_EVERY). */
  rolloutEvery?: number;
}

/** `train --rollout-loss K` without --rollout-batch / --rollout-weight (docs/predictor.md, *Training options*). */
export const DEFAULT_ROLLOUT_BATCH = 32;
export const DEFAULT_ROLLOUT_WEIGHT = 1;
export const DEFAULT_ROLLOUT_EVERY = 4;

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
    learningRateDecayFrames: o.learningRateDecayFrames ?? 0, emaDecay: o.emaDecay ?? 0,
    plainGradient: o.plainGradient ?? false, supportWeight: o.supportWeight ?? 1, spinWeight: o.spinWeight ?? SHIPPED_SPIN_WEIGHT,
    rolloutSteps: o.rolloutSteps ?? 0, rolloutBatch: o.rolloutBatch ?? DEFAULT_ROLLOUT_BATCH, rolloutWeight: o.rolloutWeight ?? DEFAULT_ROLLOUT_WEIGHT, rolloutEvery: o.rolloutEvery ?? DEFAULT_ROLLOUT_EVERY,
  };
}

/** The chunk in progress: its frames are watched first, then its burst of gradient steps is taken. */
interface Chunk { start: number; size: number; watched: Transition[]; watching: boolean; burst: number; step: number; lossSum: number }

/** What the run is doing: watching a chunk's episodes, learning from them, or between chunks. */
export type TrainerPhase = 'watching' | 'learning' | 'between';

export class Trainer {
  readonly settings: TrainSettings;
  readonly network: InteractionNetwork;
  /** Called with every episode watched (all of it, not only the frames kept). */
  watcher: EpisodeWatcher | undefined;
  /** Mean training loss of the last finished chunk (NaN before the first). */
  recentLoss = NaN;
  /** Loss of the last gradient step (NaN before the first). */
  lastStepLoss = NaN;
  private readonly experienceRng: Rng;
  private readonly sampleRng: Rng;
  private readonly validation: Transition[];
  private readonly optimizer: tf.Optimizer;
  private readonly memory: Transition[] = [];
  private readonly marks: number[];
  private chunk: Chunk | null = null;
  private steps = 0;
  private readonly average: WeightAverage | null;

  /** `start`: continue from this network (the run takes ownership of it) instead of fresh weights. */
  constructor(options: TrainOptions, start?: InteractionNetwork) {
    const s = trainSettings(options);
    this.settings = start ? { ...s, shape: start.shape } : s;
    this.experienceRng = createRng(mixSeed(s.seed, 1));
    this.sampleRng = createRng(mixSeed(s.seed, 2));
    this.validation = collectExperience(createRng(mixSeed(s.seed, 3, 0x7a1)), s.diet, s.validationFrames);
    this.network = start ?? InteractionNetwork.create(s.shape, s.seed);
    this.network.plainGradient = s.plainGradient;
    this.optimizer = tf.train.adam(s.learningRate);
    this.average = s.emaDecay > 0 ? new WeightAverage(this.network, s.emaDecay) : null;
    this.marks = s.checkpoints.filter((m) => m <= s.frames);
  }

  /** Frames watched so far, the chunk being watched included. */
  get experienceFrames(): number {
    const c = this.chunk;
    return this.memory.length + (c?.watching ? Math.min(c.watched.length, c.size) : 0);
  }

  get gradientSteps(): number { return this.steps }

  get phase(): TrainerPhase {
    if (!this.chunk) return 'between';
    return this.chunk.watching ? 'watching' : 'learning';
  }

  /** Gradient steps taken and planned in the chunk being learned (0/0 between chunks). */
  get burstProgress(): { step: number; of: number } {
    return this.chunk && !this.chunk.watching ? { step: this.chunk.step, of: this.chunk.burst } : { step: 0, of: 0 };
  }

  get done(): boolean { return this.chunk === null && this.memory.length >= this.settings.frames }

  private beginChunk(): Chunk {
    const s = this.settings;
    const have = this.memory.length;
    const nextMark = this.marks.find((m) => m > have) ?? s.frames;
    const size = Math.min(s.chunkFrames, nextMark - have, s.frames - have);
    return { start: have, size, watched: [], watching: true, burst: Math.max(1, Math.round((s.replay * size) / s.batchSize)), step: 0, lossSum: 0 };
  }

  /** One small unit of work: watches one episode or takes one gradient step. True when a chunk ends. */
  work(): boolean {
    if (this.done) return false;
    const c = (this.chunk ??= this.beginChunk());
    const s = this.settings;
    if (c.watching) {
      c.watched.push(...watchEpisode(this.experienceRng, s.diet, this.watcher, s.rolloutSteps));
      if (c.watched.length >= c.size) {
        for (let k = 0; k < c.size; k++) this.memory.push(c.watched[k]!);
        c.watched = [];
        c.watching = false;
      }
      return false;
    }
    // Half of each batch from what was just seen, half replayed from all of memory.
    const items: Transition[] = [];
    for (let j = 0; j < s.batchSize; j++) {
      const fresh = j % 2 === 0;
      const idx = fresh ? this.sampleRng.int(c.start, this.memory.length - 1) : this.sampleRng.int(0, this.memory.length - 1);
      items.push(this.memory[idx]!);
    }
    const tb = makeBatch(items, s.features, this.sampleRng, s.velocityNoise, s.supportWeight, s.spinWeight);
    // The batch's first frames that have the steps, rolled out from their clean states (no draw of its own).
    const rb = s.rolloutSteps > 0 && this.steps % s.rolloutEvery === 0 ? makeRolloutBatch(items.filter((tr) => (tr.future?.steps ?? 0) >= s.rolloutSteps).slice(0, s.rolloutBatch), s.rolloutSteps) : null;
    const net = this.network;
    if (s.learningRateDecayFrames > 0) setLearningRate(this.optimizer, s.learningRate / Math.sqrt(1 + this.memory.length / s.learningRateDecayFrames));
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => (rb ? tf.add(batchLoss(net, tb), tf.mul(s.rolloutWeight, rolloutLoss(net, rb, s.features))) as tf.Scalar : batchLoss(net, tb)), net.variables);
      const names = Object.keys(grads);
      const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!)))));
      const scale = tf.minimum(1, tf.div(5, tf.add(norm, 1e-6)));
      this.optimizer.applyGradients(names.map((name) => ({ name, tensor: tf.mul(grads[name]!, scale) })));
      return value.dataSync()[0]!;
    });
    disposeBatch(tb);
    if (rb) disposeRolloutBatch(rb);
    this.average?.update();
    c.lossSum += loss;
    this.lastStepLoss = loss;
    this.steps++;
    if (++c.step < c.burst) return false;
    this.recentLoss = c.lossSum / c.burst;
    this.chunk = null;
    return true;
  }

  /** Works until the current chunk (or the next one) is finished. */
  runChunk(): void {
    while (!this.done && !this.work()) { /* keep going */ }
  }

  /** Experience marks passed since the last call; none in the middle of a chunk. */
  takeMarks(): number[] {
    if (this.chunk) return [];
    const out: number[] = [];
    while (this.marks.length > 0 && this.marks[0]! <= this.memory.length) out.push(this.marks.shift()!);
    return out;
  }

  /** The weights a checkpoint holds: the running average when the run keeps one, else the network's own. */
  get checkpointNetwork(): InteractionNetwork { return this.average?.network ?? this.network }

  /** Loss of the checkpoint's weights on the run's own held-out episodes (same diet, another seed stream). */
  validationLoss(): number {
    return evaluateLoss(this.checkpointNetwork, this.validation, this.settings.features);
  }

  checkpointEvent(experienceFrames: number): CheckpointEvent {
    return { experienceFrames, network: this.checkpointNetwork, validationLoss: this.validationLoss(), trainLoss: this.recentLoss, gradientSteps: this.steps, settings: this.settings };
  }

  dispose(): void {
    this.average?.dispose();
    this.optimizer.dispose();
    this.network.dispose();
  }
}

/** TF.js's Adam reads its learning rate at every step but offers no setter. */
function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}
