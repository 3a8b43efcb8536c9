// Habituation by learning: during a study each learner keeps learning, on its own copy, from the
// familiarization trials it watches (a few gradient steps each), so later trials meet a changed learner.
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed } from '../../sim/rng';
import type { SceneFile } from '../../scenes/schema';
import { LearnedPredictor } from '../../predictor/predictor';
import { InteractionNetwork } from '../../predictor/network';
import { changesMotion, DEFAULT_DIET, transition, type Transition } from '../../predictor/experience';
import { batchLoss, disposeBatch, makeBatch } from '../../predictor/trainingBatch';
import type { Observer } from '../observers';
import { observations, runTrial } from '../trial';
import type { PlannedTrial, StudyDesign } from '../studyDesign';

/** How much a learner learns from one familiarization trial (docs/looking.md). */
export interface HabituationSettings {
  /** Gradient steps per familiarization trial. */
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Noise on observed velocities while learning (m/s), as in training. */
  velocityNoise: number;
  /** 'sgd' (plain gradient steps) or 'adam' (a fresh Adam optimizer per learner and scene). */
  optimizer: 'sgd' | 'adam';
}

export const DEFAULT_HABITUATION: HabituationSettings = { steps: 32, batchSize: 64, learningRate: 3e-3, velocityNoise: 0.03, optimizer: 'sgd' };

/** The gradient clip of the training loop (src/predictor/trainer.ts): the whole gradient's norm ≤ 5. */
const CLIP_NORM = 5;
const HABITUATION_STREAM = 0x4ab1;

/** One learner's copy: its own weights and optimizer; the shipped checkpoint is never touched. */
class LearnerCopy {
  private readonly network: InteractionNetwork;
  private readonly optimizer: tf.Optimizer;
  /** Every transition watched in this scene's familiarization so far, and which of them show a change of motion. */
  private readonly memory: Transition[] = [];
  private readonly active: number[] = [];
  current: LearnedPredictor;

  constructor(private readonly base: LearnedPredictor, private readonly settings: HabituationSettings) {
    if (!base.network) throw new Error(`${base.name}: cannot habituate (no TF.js model to learn with)`);
    const tensors = base.network.variables.map((v) => v.clone());
    this.network = InteractionNetwork.fromTensors(base.network.shape, tensors);
    tensors.forEach((t) => t.dispose());
    this.optimizer = settings.optimizer === 'adam' ? tf.train.adam(settings.learningRate) : tf.train.sgd(settings.learningRate);
    this.current = base;
  }

  /** `steps` gradient steps on batches drawn (seeded) half from the trial just watched, half from
   * every familiarization trial watched before (as the training loop replays its memory); then the
   * predictor is rebuilt from the new weights (its inference path reads a snapshot of them). */
  learn(transitions: readonly Transition[], seed: number): void {
    const s = this.settings;
    const rng = createRng(seed);
    const start = this.memory.length;
    const activeStart = this.active.length;
    transitions.forEach((tr, k) => { if (changesMotion(tr)) this.active.push(start + k); });
    this.memory.push(...transitions);
    // As the training loop chooses watched frames: with chance eventFocus one where motion changes.
    const pick = (fresh: boolean): Transition => {
      const from = fresh ? activeStart : 0;
      if (this.active.length > from && rng.chance(DEFAULT_DIET.eventFocus)) return this.memory[this.active[rng.int(from, this.active.length - 1)]!]!;
      return this.memory[rng.int(fresh ? start : 0, this.memory.length - 1)]!;
    };
    for (let step = 0; step < s.steps; step++) {
      const items: Transition[] = [];
      for (let j = 0; j < s.batchSize; j++) items.push(pick(j % 2 === 0));
      const tb = makeBatch(items, this.base.features, rng, s.velocityNoise);
      const net = this.network;
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => batchLoss(net, tb), net.variables);
        const names = Object.keys(grads);
        const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!)))));
        const scale = tf.minimum(1, tf.div(CLIP_NORM, tf.add(norm, 1e-6)));
        this.optimizer.applyGradients(names.map((name) => ({ name, tensor: tf.mul(grads[name]!, scale) })));
      });
      disposeBatch(tb);
    }
    // Same name and experience: the observer is still "this learner", now a little older in the study.
    this.current = new LearnedPredictor(this.base.name, this.network, this.base.features, this.base.experienceFrames, null);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.network.dispose();
  }
}

/** Transitions of a trial as the learner watched it: every visible frame to the next. */
function watchedTransitions(scene: SceneFile, variant: number, condition: 'possible' | 'impossible', seed: number): Transition[] {
  const obs = observations(runTrial(scene, condition, variant, seed));
  const out: Transition[] = [];
  for (let t = 0; t + 1 < obs.length; t++) out.push(transition(obs[t]!, obs[t + 1]!));
  return out;
}

/** Gives each planned trial the observers as they are by then: baselines and the oracle unchanged;
 * each learner a copy that has learned from every earlier familiarization trial of the same scene,
 * in order (each scene starts again from the checkpoint: it is its own study). Learning happens
 * lazily, from the trials re-run (deterministic), so a resumed run meets the same learners. */
export class Habituation {
  private sceneId: string | null = null;
  private copies: (LearnerCopy | null)[] = [];
  private learned = new Set<number>();

  constructor(
    private readonly design: StudyDesign,
    private readonly observers: readonly Observer[],
    private readonly sceneOf: (id: string) => SceneFile,
    private readonly settings: HabituationSettings = DEFAULT_HABITUATION,
  ) {}

  observersFor(planned: PlannedTrial): Observer[] {
    // A trial earlier than one already learned from (never in a study's order) starts the scene again.
    if (planned.sceneId !== this.sceneId || [...this.learned].some((i) => i >= planned.index)) this.reset(planned.sceneId);
    const scene = this.sceneOf(planned.sceneId);
    const seed = this.design.settings.seed;
    const earlier = this.design.trials.filter((t) => t.sceneId === planned.sceneId && t.phase === 'familiarization' && t.index < planned.index);
    for (const fam of earlier) {
      if (this.learned.has(fam.index)) continue;
      const watched = watchedTransitions(scene, fam.variant, fam.condition, seed);
      this.copies.forEach((copy, k) => copy?.learn(watched, mixSeed(seed, HABITUATION_STREAM, fam.index, k)));
      this.learned.add(fam.index);
    }
    return this.observers.map((o, k) => this.copies[k]?.current ?? o);
  }

  private reset(sceneId: string): void {
    this.dispose();
    this.sceneId = sceneId;
    this.learned = new Set();
    this.copies = this.observers.map((o) => (o instanceof LearnedPredictor ? new LearnerCopy(o, this.settings) : null));
  }

  dispose(): void {
    for (const c of this.copies) c?.dispose();
    this.copies = [];
  }
}
