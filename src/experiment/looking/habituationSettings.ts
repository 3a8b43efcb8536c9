// How much a habituating learner learns from each familiarization trial: the training loop's own
// settings by default, recorded in looking.json so a study can be re-run exactly.
import { DEFAULT_DIET } from '../../predictor/experience';

/** How much a learner learns from one familiarization trial (docs/looking.md). The defaults are the
 * training loop's own (src/predictor/trainer.ts): habituation is that loop carried on over what the
 * study shows, so it has no settings of its own to tune. */
export interface HabituationSettings {
  /** Gradient steps per trial = round(replay × frames watched / batchSize), as the training loop sizes a burst. */
  replay: number;
  /** A fixed number of steps per trial instead (the first version's 32); absent: the replay rule. */
  steps?: number;
  batchSize: number;
  learningRate: number;
  /** Noise on observed velocities while learning (m/s), as in training. */
  velocityNoise: number;
  /** 'adam' (as in training; a fresh optimizer per learner and scene: a checkpoint keeps no optimizer state) or 'sgd'. */
  optimizer: 'sgd' | 'adam';
  /** Chance that a batch item is a frame where motion changes (else any frame). 0 draws frames
   * uniformly, as the training loop does; the first version used the diet's eventFocus, 0.6. */
  eventFocus: number;
  /** Keep the checkpoint's predicted variance (true) and learn only what happens next, or let the
   * few steps re-fit the variance too (false: the first version; docs/looking.md says why not). */
  keepVariance: boolean;
}

/** The training loop's settings (trainSettings defaults), with the checkpoint's variance kept. */
export const DEFAULT_HABITUATION: HabituationSettings = {
  replay: 4, batchSize: 128, learningRate: 1e-3, velocityNoise: 0.03, optimizer: 'adam', eventFocus: 0, keepVariance: true,
};

/** The first version, kept for comparison (docs/looking.md): 32 plain SGD steps of 64 at 0.003 per
 * trial, frames chosen with the diet's event focus, the variance re-fitted. */
export const FIRST_HABITUATION: HabituationSettings = {
  replay: 4, steps: 32, batchSize: 64, learningRate: 3e-3, velocityNoise: 0.03, optimizer: 'sgd', eventFocus: DEFAULT_DIET.eventFocus, keepVariance: false,
};

/** Gradient steps for a trial of `frames` transitions: the training loop's burst size. */
export const habituationSteps = (frames: number, s: HabituationSettings): number => s.steps ?? Math.max(1, Math.round((s.replay * frames) / s.batchSize));

/** The named settings `lab study --habituation NAME` accepts: the default, and the first version for comparison. */
export const HABITUATION_PRESETS = { training: DEFAULT_HABITUATION, first: FIRST_HABITUATION } as const;
export type HabituationPresetName = keyof typeof HABITUATION_PRESETS;
export const HABITUATION_PRESET_NAMES = Object.keys(HABITUATION_PRESETS) as HabituationPresetName[];
