// The one interface every observer implements (learned checkpoints and the constant-velocity and
// gravity-only baselines): a distribution over each object's velocity change in the next 1/60 s step.
import type { Observation } from './observation';
import { buildFeatures, DV_SCALE, DW_SCALE, OUTPUTS, type FeatureBatch, type FeatureOptions } from './features';
import { FastNetwork } from './fastNetwork';
import type { InteractionNetwork } from './network';
import { hasIntegrator } from './coreKnowledge';
import { predictFrames, rollForward, type EarlierPrediction, type FirstStep } from './fastRollout';
import { stepRollouts, type RolloutState } from './rollout';

export interface StepPrediction {
  n: number;
  /** [B, N, 3]: Δvx, Δvy (m/s), Δω (rad/s), for objects in observation order (padded). */
  mean: Float32Array;
  /** [B, N, 3]: variances of the same, in the same units squared. */
  variance: Float32Array;
}

export interface StepPredictor {
  readonly name: string;
  readonly kind: 'learned' | 'constant-velocity' | 'gravity-only';
  readonly experienceFrames: number;
  /** A learner's core-knowledge switches (coreKnowledge.ts); absent for the baselines, which have
   * every switch on (object files, and an integrator: they predict a change of velocity). */
  readonly features?: FeatureOptions;
  predict(frames: readonly Observation[]): StepPrediction;
  /** predict, to the bit, taking what it can from a prediction of other frames that share their
   * first ones with these (the other trial of a matched pair) instead of computing it again. */
  predictReusing?(frames: readonly Observation[], earlier: EarlierPrediction): StepPrediction;
  /** Rolls starts forward `steps` steps, to the bit what stepping them with predict and
   * applyPrediction gives, only faster (rollStarts in rollout.ts uses it where it is present). */
  rollForward?(starts: readonly (Observation | RolloutState)[], steps: number, first?: FirstStep): RolloutState[];
}

/** The same prediction for every object of every frame: a change of vertical velocity `dvy` (m/s
 * per step, nothing else), with one step of free fall (g·dt) as the spread of each velocity and
 * DW_SCALE of the spin. The two baselines are this, with and without gravity. */
export function uniformPrediction(frames: readonly Observation[], dvy: number): StepPrediction {
  let n = 1;
  for (const f of frames) n = Math.max(n, f.length);
  const size = frames.length * n * OUTPUTS;
  const mean = new Float32Array(size);
  const variance = new Float32Array(size);
  for (let k = 0; k < size; k += OUTPUTS) {
    mean[k + 1] = dvy;
    variance[k] = DV_SCALE * DV_SCALE;
    variance[k + 1] = DV_SCALE * DV_SCALE;
    variance[k + 2] = DW_SCALE * DW_SCALE;
  }
  return { n, mean, variance };
}

/** Knows inertia, not gravity: predicts no change. Its spread is one step of free fall, so its
 * surprise is its squared error in units of g·dt. */
export class ConstantVelocityPredictor implements StepPredictor {
  readonly name = 'constant-velocity';
  readonly kind = 'constant-velocity' as const;
  readonly experienceFrames = 0;
  predict(frames: readonly Observation[]): StepPrediction {
    return uniformPrediction(frames, 0);
  }
}

/** A learned checkpoint. Inference runs on FastNetwork (typed arrays, the same in every engine); the
 * TF.js network it was read from stays for training and as the reference (docs/predictor.md). */
export class LearnedPredictor implements StepPredictor {
  readonly kind = 'learned' as const;
  /** The TF.js model the weights came from; null when built straight from weights (no TF.js). */
  readonly network: InteractionNetwork | null;
  /** The weights as they were when this predictor was made: later training does not change it. */
  readonly fast: FastNetwork;

  constructor(
    readonly name: string,
    source: InteractionNetwork | FastNetwork,
    readonly features: FeatureOptions,
    readonly experienceFrames: number,
    /** The checkpoint's weights hash (meta.json `weights_hash`), for recordings; null when unsaved. */
    readonly checkpointHash: string | null = null,
  ) {
    if (source instanceof FastNetwork) {
      this.network = null;
      this.fast = source;
    } else {
      this.network = source;
      this.fast = FastNetwork.fromWeights(source.shape, source.flatWeights());
    }
  }

  predict(frames: readonly Observation[]): StepPrediction {
    return predictFrames(this.fast, this.features, frames);
  }

  /** predict, with the rows of the frames shared with `earlier` from frame 0 on copied from it
   * (fastRollout.ts predictFrames). A subclass that changes predict predicts every frame itself. */
  predictReusing(frames: readonly Observation[], earlier: EarlierPrediction): StepPrediction {
    if (this.predict !== LearnedPredictor.prototype.predict) return this.predict(frames);
    return predictFrames(this.fast, this.features, frames, earlier);
  }

  /** Rollouts in typed arrays over the same network (fastRollout.ts). A subclass that changes
   * predict (a habituated learner) rolls out through its own predict, the plain way. */
  rollForward(starts: readonly (Observation | RolloutState)[], steps: number, first?: FirstStep): RolloutState[] {
    if (this.predict !== LearnedPredictor.prototype.predict) return stepRollouts(this, starts, steps, first);
    return rollForward(this.fast, this.features, starts, steps, first);
  }

  /** The same prediction through the TF.js model (the reference the fast path is tested against). */
  predictWithTf(frames: readonly Observation[]): StepPrediction {
    if (!this.network) throw new Error(`${this.name}: no TF.js model to compare with (built from weights)`);
    const batch = buildFeatures(frames, this.features);
    return stepPrediction(batch, this.network.predict(batch), frames, hasIntegrator(this.features));
  }
}

const SCALES = [DV_SCALE, DV_SCALE, DW_SCALE];

/** Receivers back to observation order, from the network's scaled units to m/s, rad/s. Without the
 * integrator the network's mean is the next velocity (coreKnowledge.ts); the present velocity is
 * subtracted so that every observer's prediction is a change, as the interface says. The TF.js
 * reference's way, and the plain one predict (fastRollout.ts predictFrames) is tested against. */
export function stepPrediction(batch: FeatureBatch, out: { mean: Float32Array; variance: Float32Array }, observed: readonly Observation[], integrator: boolean): StepPrediction {
  const { r } = batch;
  const frames = observed.length;
  // One row per object of the widest frame (batch.n counts a receiver's senders, at most
  // MAX_SENDERS + 1: rows that short mixed up the frames of a crowd).
  let n = 1;
  for (const f of observed) n = Math.max(n, f.length);
  const mean = new Float32Array(frames * n * OUTPUTS);
  const variance = new Float32Array(frames * n * OUTPUTS).fill(1);
  for (let b = 0; b < frames; b++) {
    for (let k = 0; k < r; k++) {
      const i = batch.receiverIndex[b * r + k]!;
      if (i < 0) continue;
      const o = observed[b]![i]!;
      for (let c = 0; c < OUTPUTS; c++) {
        const s = SCALES[c]!;
        const present = integrator ? 0 : c === 0 ? o.vx : c === 1 ? o.vy : o.angularVelocity;
        mean[(b * n + i) * OUTPUTS + c] = out.mean[(b * r + k) * OUTPUTS + c]! * s - present;
        variance[(b * n + i) * OUTPUTS + c] = out.variance[(b * r + k) * OUTPUTS + c]! * s * s;
      }
    }
  }
  return { n, mean, variance };
}
