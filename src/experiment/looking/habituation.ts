// Habituation by learning: during a study each learner keeps learning, on its own copy, from the
// familiarization trials it watches (a few gradient steps each), so later trials meet a changed learner.
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed } from '../../sim/rng';
import type { SceneFile } from '../../scenes/schema';
import { LearnedPredictor, type StepPrediction } from '../../predictor/predictor';
import type { Observation } from '../../predictor/observation';
import { InteractionNetwork } from '../../predictor/network';
import { changesMotion, transition, type Transition } from '../../predictor/experience';
import { DEFAULT_HABITUATION, habituationSteps, type HabituationSettings } from './habituationSettings';
import { batchLoss, disposeBatch, makeBatch } from '../../predictor/trainingBatch';
import type { Observer } from '../observers';
import { textHash } from '../recording';
import { observations, runTrial } from '../trial';
import type { PlannedTrial, StudyDesign } from '../studyDesign';

export { DEFAULT_HABITUATION, FIRST_HABITUATION, habituationSteps, type HabituationSettings } from './habituationSettings';

/** The gradient clip of the training loop (src/predictor/trainer.ts): the whole gradient's norm ≤ 5. */
const CLIP_NORM = 5;
const HABITUATION_STREAM = 0x4ab1;
/** 32 bits of the name's hash (FNV-1a, as recordings hash scene files). */
const nameSeed = (name: string): number => parseInt(textHash(name).slice(-8), 16);

/** A habituated learner that keeps its checkpoint's confidence: what happens next (the mean) from
 * the copy that learned, its variance from the learner as it came to the study. A few steps on one
 * scene's trials fit the variance to the frames just learned from, whose errors are smaller than
 * those of the next trial (a training error is optimistic), so the learner grew over-confident and
 * its surprise rose (docs/looking.md, "Habituation by learning"). */
export class HabituatedPredictor extends LearnedPredictor {
  constructor(private readonly base: LearnedPredictor, network: InteractionNetwork) {
    super(base.name, network, base.features, base.experienceFrames, null);
  }

  override predict(frames: readonly Observation[]): StepPrediction {
    const learned = super.predict(frames);
    return { n: learned.n, mean: learned.mean, variance: this.base.predict(frames).variance };
  }
}

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
    // The copy is never saved as a checkpoint, so the faster gradient costs nothing in reproducing
    // one (docs/predictor.md, Training); Node and Chromium still agree to the bit.
    this.network.plainGradient = true;
    tensors.forEach((t) => t.dispose());
    this.optimizer = settings.optimizer === 'adam' ? tf.train.adam(settings.learningRate) : tf.train.sgd(settings.learningRate);
    this.current = base;
  }

  /** The trial's gradient steps (`habituationSteps`: the training loop's burst rule by default) on
   * batches drawn (seeded) half from the trial just watched, half from every familiarization trial
   * watched so far (as the training loop replays its memory); then the predictor is rebuilt from
   * the new weights (its inference path reads a snapshot of them). */
  learn(transitions: readonly Transition[], seed: number): void {
    const s = this.settings;
    const rng = createRng(seed);
    const start = this.memory.length;
    const activeStart = this.active.length;
    transitions.forEach((tr, k) => { if (changesMotion(tr)) this.active.push(start + k); });
    this.memory.push(...transitions);
    // Uniformly, as the training loop draws from its memory; with eventFocus > 0 (the first version),
    // with that chance a frame where motion changes.
    const pick = (fresh: boolean): Transition => {
      const from = fresh ? activeStart : 0;
      if (s.eventFocus > 0 && this.active.length > from && rng.chance(s.eventFocus)) return this.memory[this.active[rng.int(from, this.active.length - 1)]!]!;
      return this.memory[rng.int(fresh ? start : 0, this.memory.length - 1)]!;
    };
    const steps = habituationSteps(transitions.length, s);
    for (let step = 0; step < steps; step++) {
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
    this.current = s.keepVariance
      ? new HabituatedPredictor(this.base, this.network)
      : new LearnedPredictor(this.base.name, this.network, this.base.features, this.base.experienceFrames, null);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.network.dispose();
  }
}

/** Transitions of a trial as the learner watched it: every visible frame to the next. */
export function watchedTransitions(scene: SceneFile, variant: number, condition: 'possible' | 'impossible', seed: number): Transition[] {
  const obs = observations(runTrial(scene, condition, variant, seed));
  const out: Transition[] = [];
  for (let t = 0; t + 1 < obs.length; t++) out.push(transition(obs[t]!, obs[t + 1]!));
  return out;
}

/** Gives each planned trial the observers as they are by then: baselines and the oracle unchanged;
 * each learner a copy that has learned from every earlier familiarization trial of the same scene,
 * in order (each scene starts again from the checkpoint and seeds its learning by its own trials'
 * ordinals: it is its own study, with the same numbers alone or after other scenes). Learning happens
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
    /** Seeds the copies' batches: the study's seed, or an infant's (infants.ts); the trials watched
     * are always the study's (its seed runs their physics). */
    private readonly learningSeed: number = design.settings.seed,
  ) {}

  observersFor(planned: PlannedTrial): Observer[] {
    // A trial earlier than one already learned from (never in a study's order) starts the scene again.
    if (planned.sceneId !== this.sceneId || [...this.learned].some((i) => i >= planned.index)) this.reset(planned.sceneId);
    const scene = this.sceneOf(planned.sceneId);
    const seed = this.design.settings.seed;
    const familiarization = this.design.trials.filter((t) => t.sceneId === planned.sceneId && t.phase === 'familiarization');
    familiarization.forEach((fam, ordinal) => {
      if (fam.index >= planned.index || this.learned.has(fam.index)) return;
      const watched = watchedTransitions(scene, fam.variant, fam.condition, seed);
      // Seeded by the trial's ordinal among the scene's familiarization trials (0, 1, …), not its
      // place in the whole design, and by the learner's name, not its place in the list: the scenes
      // and observers shown with it change nothing (issue 19).
      this.copies.forEach((copy, k) => copy?.learn(watched, mixSeed(this.learningSeed, HABITUATION_STREAM, ordinal, nameSeed(this.observers[k]!.name))));
      this.learned.add(fam.index);
    });
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
