// The multi-step (rollout) loss (`train --rollout-loss K`): the network rolled forward K steps from
// true states, fed its own mean predictions as the surprise rollout is (rollout.ts applyPrediction,
// fastRollout.ts applyStep), with the gradient flowing through every step, and scored on where the
// objects really were at each step. Trains the states the learner's own rollouts visit.
import * as tf from '@tensorflow/tfjs';
import type { Transition } from './experience';
import type { InteractionNetwork } from './network';
import { DV_SCALE, DW_SCALE, type FeatureOptions } from './features';
import { hasIntegrator } from './coreKnowledge';
import { POSITION_NOISE_M } from './constants';
import { STEP_S } from '../sim/units';
import { disposeLayoutTensors, layoutFrames, layoutTensors, tensorFeatures, type LayoutTensors, type ReceiverState } from './tensorFeatures';

/** Rolled-out positions are scored in units of the observer's 1 cm noise floor, the scale of
 * surprise itself (constants.ts): Huber, quadratic within 1 cm, linear beyond, so a rollout thrown
 * far off by a collision it did not foresee pulls no harder than a steady miss. */
export const ROLLOUT_LOSS_SCALE_M = POSITION_NOISE_M;

export interface RolloutBatch {
  layout: LayoutTensors;
  start: ReceiverState;
  steps: number;
  /** Per step, [frames, r]: the true x, y, angle (0 where masked), and 1 where the object is scored. */
  x: tf.Tensor[]; y: tf.Tensor[]; angle: tf.Tensor[]; mask: tf.Tensor[];
  /** [frames, r]: an angle's error times this is the displacement of the object's corner in units
   * of ROLLOUT_LOSS_SCALE_M (its half diagonal ÷ 1 cm); 0 for a ball, whose angle is not seen. */
  angleScale: tf.Tensor;
  /** Object-steps scored (the loss is their mean). */
  scored: number;
}

/** The rollout batch of the items that carry at least `steps` true future frames (the others are
 * skipped); null when none does. Starts are the clean observed states. */
export function makeRolloutBatch(items: readonly Transition[], steps: number): RolloutBatch | null {
  const usable = items.filter((tr) => tr.future !== undefined && tr.future.steps >= steps);
  if (usable.length === 0) return null;
  const l = layoutFrames(usable.map((tr) => tr.obs));
  const { frames: M, r } = l;
  const size = M * r;
  const tx = new Float32Array(steps * size), ty = new Float32Array(steps * size), ta = new Float32Array(steps * size), mask = new Float32Array(steps * size);
  let scored = 0;
  usable.forEach((tr, b) => {
    const f = tr.future!;
    for (let q = 0; q < f.movers; q++) {
      // An object whose change over the first step is unknown (held, or unseen at t+1) is not scored.
      if (Number.isNaN(tr.dv[l.receiverIndex[b * r + q]! * 3]!)) continue;
      for (let k = 0; k < steps; k++) {
        const from = (k * f.movers + q) * 3;
        if (Number.isNaN(f.values[from]!)) break;
        const at = k * size + b * r + q;
        tx[at] = f.values[from]!; ty[at] = f.values[from + 1]!; ta[at] = f.values[from + 2]!;
        mask[at] = 1;
        scored++;
      }
    }
  });
  const angleScale = new Float32Array(size);
  for (let q = 0; q < size; q++) angleScale[q] = l.ball[q] ? 0 : Math.hypot(l.width[q]!, l.height[q]!) / 2 / ROLLOUT_LOSS_SCALE_M;
  const perStep = (a: Float32Array): tf.Tensor[] => Array.from({ length: steps }, (_, k) => tf.tensor(a.subarray(k * size, (k + 1) * size), [M, r]));
  const [x, y, vx, vy, angle, spin] = l.start.map((a) => tf.tensor(a, [M, r]));
  return {
    layout: layoutTensors(l), start: { x: x!, y: y!, vx: vx!, vy: vy!, angle: angle!, spin: spin! }, steps,
    x: perStep(tx), y: perStep(ty), angle: perStep(ta), mask: perStep(mask), angleScale: tf.tensor(angleScale, [M, r]), scored,
  };
}

export function disposeRolloutBatch(rb: RolloutBatch): void {
  disposeLayoutTensors(rb.layout);
  for (const t of [...Object.values(rb.start), ...rb.x, ...rb.y, ...rb.angle, ...rb.mask, rb.angleScale]) t.dispose();
}

/** The receivers' states after each of `steps` steps, each fed the network's mean prediction of the
 * one before: velocity += predicted change (or, without the integrator, = the predicted velocity),
 * position += new velocity · dt, angle += new spin · dt; static bodies stay put. Call inside tf.tidy. */
export function rollTensors(net: InteractionNetwork, rb: RolloutBatch, features: FeatureOptions, steps = rb.steps): ReceiverState[] {
  const { frames: M, r, n } = rb.layout;
  const integrator = hasIntegrator(features);
  const out: ReceiverState[] = [];
  let st = rb.start;
  for (let k = 0; k < steps; k++) {
    const { objects, pairs } = tensorFeatures(rb.layout, st, features.contactFeatures);
    const { mean } = net.forward(objects, pairs, rb.layout.pairMask, M, r, n);
    const channel = (c: number, scale: number): tf.Tensor => tf.reshape(tf.mul(tf.slice(mean, [0, c], [M * r, 1]), scale), [M, r]);
    const vx = integrator ? tf.add(st.vx, channel(0, DV_SCALE)) : channel(0, DV_SCALE);
    const vy = integrator ? tf.add(st.vy, channel(1, DV_SCALE)) : channel(1, DV_SCALE);
    const spin = integrator ? tf.add(st.spin, channel(2, DW_SCALE)) : channel(2, DW_SCALE);
    st = { x: tf.add(st.x, tf.mul(vx, STEP_S)), y: tf.add(st.y, tf.mul(vy, STEP_S)), vx, vy, angle: tf.add(st.angle, tf.mul(spin, STEP_S)), spin };
    out.push(st);
  }
  return out;
}

const huber = (e: tf.Tensor): tf.Tensor => {
  const a = tf.abs(e);
  const q = tf.minimum(a, 1);
  return tf.add(tf.mul(0.5, tf.square(q)), tf.sub(a, q));
};

/** Mean over the scored object-steps of Huber(x error) + Huber(y error) + Huber(corner displacement
 * by the angle error), each in units of ROLLOUT_LOSS_SCALE_M. Call inside tf.tidy (or variableGrads). */
export function rolloutLoss(net: InteractionNetwork, rb: RolloutBatch, features: FeatureOptions): tf.Scalar {
  const states = rollTensors(net, rb, features);
  const terms = states.map((st, k) => {
    const m = rb.mask[k]!;
    const ex = tf.mul(tf.div(tf.sub(st.x, rb.x[k]!), ROLLOUT_LOSS_SCALE_M), m);
    const ey = tf.mul(tf.div(tf.sub(st.y, rb.y[k]!), ROLLOUT_LOSS_SCALE_M), m);
    const ea = tf.mul(tf.mul(tf.sub(st.angle, rb.angle[k]!), rb.angleScale), m);
    return tf.sum(tf.add(tf.add(huber(ex), huber(ey)), huber(ea)));
  });
  return tf.div(tf.addN(terms), Math.max(1, rb.scored)) as tf.Scalar;
}
