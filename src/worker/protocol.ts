// The messages between the Learn screen and its training worker (both directions), as plain data.
import type { ExperienceDiet } from '../predictor/experience';
import type { CheckpointFiles } from '../storage/checkpointFiles';
import type { CoreSettings } from '../predictor/coreKnowledge';

/** What to train: a new learner, or more experience for a saved one. */
export interface LearnConfig {
  /** Frames of experience to add (a new learner starts from 0). */
  frames: number;
  seed: number;
  diet: ExperienceDiet;
  /** Absolute experience marks at which to save a checkpoint. */
  saveAt: number[];
  /** Checkpoint names are `${namePrefix}-${mark}`. */
  namePrefix: string;
  /** Re-measure the developmental curve every this many frames (absolute multiples). */
  measureEvery: number;
  /** Matched pairs per probe scene at each measurement. */
  pairs: number;
  /** Scene ids of the probes (scenes/*.json). */
  probeScenes: string[];
  /** Core-knowledge switches of a new learner (absent: all on); a continued one keeps its own. */
  core?: CoreSettings;
  /** Continue this saved checkpoint instead of starting from fresh weights. */
  continueFrom?: { name: string; files: CheckpointFiles };
  /** Frames watched between bursts of gradient steps (the CLI's default is 2048). */
  chunkFrames?: number;
  /** Held-out frames for the validation loss (the CLI's default is 2048). */
  validationFrames?: number;
}

export type RunState = 'starting' | 'training' | 'measuring' | 'paused' | 'done' | 'cancelled' | 'failed';

export type ToWorker =
  | { type: 'start'; config: LearnConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' }
  /** Save the network as it is now, under this name. */
  | { type: 'save-now'; name: string }
  /** Check a checkpoint's files (as parseCheckpoint does) without keeping it. */
  | { type: 'check'; id: number; source: string; files: CheckpointFiles };

/** One drawn episode: bodies (static ones first) and, per shown frame, x, y, angle of each. */
export interface EpisodeThumb {
  width: number;
  height: number;
  bodies: { kind: string; width: number; height: number; isStatic: boolean }[];
  /** Screens standing in front (centre and size, m): what is behind them was not seen. */
  screens: { x: number; y: number; width: number; height: number }[];
  /** [frame][body × 3] flattened: x, y (m, y up), angle (rad). */
  poses: Float32Array;
  frames: number;
}

export interface ProgressReport {
  /** Absolute experience (a continued learner starts at its checkpoint's). */
  experienceFrames: number;
  startFrames: number;
  targetFrames: number;
  gradientSteps: number;
  phase: 'watching' | 'learning' | 'between';
  /** Loss of the last gradient step (NaN before the first). */
  stepLoss: number;
  /** Frames of experience per second of training (simulation + gradient steps, measuring excluded). */
  framesPerSecond: number;
  /** Seconds spent training (not paused, not measuring). */
  trainingSeconds: number;
}

export interface SavedCheckpoint { name: string; experienceFrames: number; validationLoss: number; files: CheckpointFiles; requested: 'mark' | 'now' }

export type FromWorker =
  | { type: 'ready'; backend: string }
  | { type: 'state'; state: RunState; message?: string }
  | { type: 'progress'; progress: ProgressReport }
  /** Mean training loss of a finished chunk; validation loss at measured marks. */
  | { type: 'loss'; experienceFrames: number; trainLoss: number; validationLoss: number | null }
  /** Pairwise accuracy of the probe scenes at an experience mark. */
  | { type: 'development'; experienceFrames: number; accuracy: Record<string, number>; pairs: number }
  | { type: 'episode'; episode: EpisodeThumb }
  | { type: 'checkpoint'; checkpoint: SavedCheckpoint }
  | { type: 'checked'; id: number; ok: true; experienceFrames: number; parameters: number }
  | { type: 'checked'; id: number; ok: false; message: string }
  | { type: 'error'; message: string };
