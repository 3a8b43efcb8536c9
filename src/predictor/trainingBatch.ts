// Training batches and the loss: turns watched transitions into tensors, scores the network on
// them (robust mean, Gaussian variance), and measures a held-out loss.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../sim/rng';
import { watchEpisode, type ExperienceDiet, type Transition } from './experience';
import { buildFeatures, DV_SCALE, DW_SCALE, OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES, type FeatureOptions } from './features';
import type { InteractionNetwork } from './network';
import type { Observation } from './observation';
import { hasIntegrator } from './coreKnowledge';
import { objectChangesSupport, objectStartsToTip } from './supportFrames';

/** Collects at least `count` transitions from fresh episodes. */
export function collectExperience(rng: Rng, diet: ExperienceDiet, count: number): Transition[] {
  const out: Transition[] = [];
  while (out.length < count) out.push(...watchEpisode(rng, diet));
  return out.slice(0, count);
}

const identityNoGrad = tf.customGrad(((x: tf.Tensor) => ({ value: x.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) })) as unknown as Parameters<typeof tf.customGrad>[0]);

/** The loss weight of the spin channel beside the two velocity channels' 1 (shipped: 0.2). */
export const SHIPPED_SPIN_WEIGHT = 0.2;

export interface TensorBatch { objects: tf.Tensor; pairs: tf.Tensor; pairMask: tf.Tensor; target: tf.Tensor; weight: tf.Tensor; batch: number; r: number; n: number; spinWeight: number }

/** `supportWeight`: the loss weight of a receiver whose own support changes in the step (it starts
 * to fall, lands or starts to tip: `objectChangesSupport`, `objectStartsToTip`); every other
 * receiver weighs 1, and the loss is the weighted mean. 1 (the default) leaves the batch exactly as
 * it always was. `spinWeight`: the loss weight of the change of spin (batchLoss), the velocity's
 * two channels weighing 1. */
export function makeBatch(items: readonly Transition[], features: FeatureOptions, rng: Rng | null, noise: number, supportWeight = 1, spinWeight = SHIPPED_SPIN_WEIGHT): TensorBatch {
  const frames: Observation[] = items.map((tr) => (rng && noise > 0 ? tr.obs.map((o) => (o.isStatic ? o : { ...o, vx: o.vx + noise * rng.normal(), vy: o.vy + noise * rng.normal() })) : tr.obs));
  const fb = buildFeatures(frames, features);
  const { batch: B, r, n } = fb;
  const target = new Float32Array(B * r * OUTPUTS);
  const weight = new Float32Array(B * r);
  // Without the integrator the head predicts the next velocity itself (coreKnowledge.ts): the
  // target is the clean present velocity plus its change, not the change alone.
  const carry = hasIntegrator(features) ? 0 : 1;
  items.forEach((tr, b) => {
    for (let k = 0; k < r; k++) {
      const i = fb.receiverIndex[b * r + k]!;
      if (i < 0 || Number.isNaN(tr.dv[i * 3]!)) continue;
      const o = tr.obs[i]!;
      const t = (b * r + k) * OUTPUTS;
      // The target is the true change from the clean state, so noisy inputs teach denoising.
      const noisy = frames[b]![i]!;
      target[t] = (tr.dv[i * 3]! + (o.vx - noisy.vx) + carry * noisy.vx) / DV_SCALE;
      target[t + 1] = (tr.dv[i * 3 + 1]! + (o.vy - noisy.vy) + carry * noisy.vy) / DV_SCALE;
      target[t + 2] = (tr.dv[i * 3 + 2]! + carry * o.angularVelocity) / DW_SCALE;
      weight[b * r + k] = supportWeight !== 1 && (objectChangesSupport(tr, i) || objectStartsToTip(tr, i)) ? supportWeight : 1;
    }
  });
  return {
    objects: tf.tensor(fb.objects, [B, r, OBJECT_FEATURES]),
    pairs: tf.tensor(fb.pairs, [B, r, n, PAIR_FEATURES]),
    pairMask: tf.tensor(fb.pairMask, [B, r, n]),
    target: tf.tensor(target, [B * r, OUTPUTS]),
    weight: tf.tensor(weight, [B * r, 1]),
    batch: B, r, n, spinWeight,
  };
}

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
  const weighted = tf.mul(tf.mul(perChannel, tf.tensor1d([1, 1, tb.spinWeight])), tb.weight);
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
