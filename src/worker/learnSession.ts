// One training run inside the worker: steps the Trainer in short slices, answers pause, resume,
// cancel and save between them, re-measures the developmental probes at marks, saves checkpoints
// at the chosen marks, and reports progress, losses and an episode thumbnail now and then.
import { Trainer } from '../predictor/trainer';
import { parseCheckpoint, serializeCheckpoint } from '../predictor/checkpoint';
import { LearnedPredictor } from '../predictor/predictor';
import type { InteractionNetwork } from '../predictor/network';
import type { FeatureOptions } from '../predictor/features';
import { mixSeed } from '../sim/rng';
import { checkpointNameAt, everyMarks } from '../web/experienceMarks';
import { episodeThumb } from './episodeThumb';
import { ProbeSet } from './probeSet';
import type { FromWorker, LearnConfig, RunState, SavedCheckpoint } from './protocol';
import { version as CODE_VERSION } from '../../package.json';

/** Longest stretch of work between two looks at the message queue. */
const SLICE_MS = 25;
const PROGRESS_EVERY_MS = 100;
const THUMB_EVERY_MS = 1500;

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** Lets queued messages (pause, cancel, save) run: a zero-delay macrotask. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}

export class LearnSession {
  private paused = false;
  private cancelled = false;
  private wake: (() => void) | null = null;
  private state: RunState = 'starting';
  private trainer: Trainer | null = null;
  private base = 0;
  private seed = 0;
  private features: FeatureOptions = { contactFeatures: true };
  private trainingMs = 0;
  private lastProgress = -Infinity;
  private lastThumb = -Infinity;
  private readonly saveNames = new Map<number, string>();
  private readonly measureAt = new Set<number>();

  constructor(private readonly config: LearnConfig, private readonly post: Post) {}

  get running(): boolean { return this.state !== 'done' && this.state !== 'cancelled' && this.state !== 'failed' }

  pause(): void {
    if (!this.running || this.paused) return;
    this.paused = true;
    this.post({ type: 'state', state: 'paused' });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.post({ type: 'state', state: this.state });
    this.wake?.();
  }

  cancel(): void {
    this.cancelled = true;
    this.paused = false;
    this.wake?.();
  }

  /** Saves the network as it is now (between two units of work). */
  saveNow(name: string): void {
    const t = this.trainer;
    if (!t) {
      this.post({ type: 'error', message: 'nothing to save yet: the learner is still being set up' });
      return;
    }
    this.save(name, this.base + t.experienceFrames, t.validationLoss(), 'now');
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    if (!this.paused || state === 'done' || state === 'cancelled' || state === 'failed') this.post(message === undefined ? { type: 'state', state } : { type: 'state', state, message });
  }

  /** Between units of work: answer messages, wait while paused. */
  private async gate(): Promise<void> {
    await yieldToEvents();
    while (this.paused && !this.cancelled) await new Promise<void>((resolve) => { this.wake = resolve; });
    this.wake = null;
  }

  async run(): Promise<void> {
    const c = this.config;
    try {
      this.setState('starting');
      let start: InteractionNetwork | undefined;
      if (c.core) this.features = c.core;
      if (c.continueFrom) {
        const ck = parseCheckpoint(c.continueFrom.files.modelJson, c.continueFrom.files.weights, c.continueFrom.files.metaJson, c.continueFrom.name);
        start = ck.network;
        this.features = ck.features;
        this.base = ck.meta.experience_frames;
      }
      // A continued learner watches new episodes, not the ones a fresh run of this seed would.
      this.seed = this.base > 0 ? mixSeed(c.seed, this.base) : c.seed;
      const end = this.base + c.frames;
      for (const m of everyMarks(this.base, end, c.measureEvery)) this.measureAt.add(m);
      for (const m of c.saveAt) if (m > this.base && m <= end) this.saveNames.set(m, checkpointNameAt(c.namePrefix, m));
      const marks = [...new Set([...this.measureAt, ...this.saveNames.keys()])].map((m) => m - this.base);
      const trainer = new Trainer({ frames: c.frames, checkpoints: marks, seed: this.seed, diet: c.diet, features: this.features, ...(c.chunkFrames ? { chunkFrames: c.chunkFrames } : {}), ...(c.validationFrames ? { validationFrames: c.validationFrames } : {}) }, start);
      this.trainer = trainer;
      trainer.watcher = (frames, spec) => {
        const now = performance.now();
        if (now - this.lastThumb < THUMB_EVERY_MS) return;
        this.lastThumb = now;
        const episode = episodeThumb(frames, spec);
        this.post({ type: 'episode', episode }, [episode.poses.buffer]);
      };
      const probes = new ProbeSet(c.probeScenes, c.pairs, 1);
      while (probes.prepareNext()) {
        await this.gate();
        if (this.cancelled) break;
      }
      this.setState('training');
      await this.atMarks(probes);
      while (!trainer.done && !this.cancelled) {
        await this.gate();
        if (this.cancelled) break;
        const began = performance.now();
        let ended = false;
        do ended = trainer.work(); while (!ended && !trainer.done && performance.now() - began < SLICE_MS);
        this.trainingMs += performance.now() - began;
        this.reportProgress(ended);
        if (ended) {
          this.post({ type: 'loss', experienceFrames: this.base + trainer.experienceFrames, trainLoss: trainer.recentLoss, validationLoss: null });
          await this.atMarks(probes);
        }
      }
      this.reportProgress(true);
      this.setState(this.cancelled ? 'cancelled' : 'done');
    } catch (e) {
      this.setState('failed', e instanceof Error ? e.message : String(e));
    } finally {
      this.trainer?.dispose();
      this.trainer = null;
    }
  }

  private reportProgress(force: boolean): void {
    const t = this.trainer;
    if (!t) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const seconds = this.trainingMs / 1000;
    this.post({ type: 'progress', progress: {
      experienceFrames: this.base + t.experienceFrames, startFrames: this.base, targetFrames: this.base + this.config.frames,
      gradientSteps: t.gradientSteps, phase: t.phase, stepLoss: t.lastStepLoss,
      framesPerSecond: seconds > 0 ? t.experienceFrames / seconds : 0, trainingSeconds: seconds,
    } });
  }

  /** At chunk ends: measure the probes and save checkpoints at the marks just passed. */
  private async atMarks(probes: ProbeSet): Promise<void> {
    const t = this.trainer!;
    for (const mark of t.takeMarks()) {
      const abs = this.base + mark;
      const measure = this.measureAt.has(abs);
      const name = this.saveNames.get(abs);
      const validationLoss = t.validationLoss();
      if (measure) {
        this.post({ type: 'loss', experienceFrames: abs, trainLoss: NaN, validationLoss });
        this.setState('measuring');
        const learner = new LearnedPredictor('learning', t.network, this.features, abs);
        const it = probes.measure(learner);
        let step = it.next();
        while (!step.done) {
          await this.gate();
          if (this.cancelled) return;
          step = it.next();
        }
        this.post({ type: 'development', experienceFrames: abs, accuracy: step.value, pairs: probes.pairsPerScene });
        this.setState('training');
      }
      if (name) this.save(name, abs, validationLoss, 'mark');
    }
  }

  private save(name: string, experienceFrames: number, validationLoss: number, requested: SavedCheckpoint['requested']): void {
    const t = this.trainer!;
    const c = this.config;
    const files = serializeCheckpoint(t.network, this.features, {
      name, experience_frames: experienceFrames, experience_minutes: Number((experienceFrames / 3600).toFixed(2)),
      seed: this.seed, diet: c.diet, features: this.features, matmul_gradient: t.network.plainGradient ? 'plain' : 'transposed', validation_loss: validationLoss,
      train_loss: Number.isFinite(t.recentLoss) ? t.recentLoss : null, gradient_steps: t.gradientSteps,
      training_seconds: Math.round(this.trainingMs / 100) / 10, code_version: CODE_VERSION,
      command: `Learn screen (browser worker): ${c.frames} frames, seed ${c.seed}${c.continueFrom ? `, continued from ${c.continueFrom.name}` : ''}`,
    });
    const checkpoint: SavedCheckpoint = { name, experienceFrames, validationLoss, files, requested };
    this.post({ type: 'checkpoint', checkpoint }, [files.weights.buffer as ArrayBuffer]);
  }
}
