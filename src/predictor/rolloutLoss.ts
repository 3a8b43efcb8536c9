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
import { disposeLayoutTensors, layoutTensors, tensorFeatures, type LayoutTensors, type ReceiverState } from './tensorFeatures';
import { constantTensor, layoutFrames } from './frameLayout';

/** Rolled-out positions are scored in units of the observer's 1 cm noise floor, the scale of
 * surprise itself (constants.ts): Huber, quadratic within 1 cm, linear beyond, so a rollout thrown
 * far off by a collision it did not foresee pulls no harder than a steady miss. */
export const ROLLOUT_LOSS_SCALE_M = POSITION_NOISE_M;

export interface RolloutBatch {
  layout: LayoutTensors;
  start: ReceiverState;
  steps: number;
  /** [steps·frames·r, 3]: the true x, y, angle after each step (0 where not scored), and what each
   * error is multiplied by: 1/ROLLOUT_LOSS_SCALE_M for x and y, and for the angle the object's half
   * diagonal ÷ ROLLOUT_LOSS_SCALE_M (its corner's displacement in those units; 0 for a ball, whose
   * angle is not seen); 0 where the object is not scored. */
  target: tf.Tensor; scale: tf.Tensor;
  /** Object-steps scored (the loss is their mean). */
  scored: number;
}

/** The rollout batch of the items that carry at least `steps` true future frames (the others are
 * skipped); null when none does. Starts are the clean observed states. */
export function makeRolloutBatch(items: readonly Transition[], steps: number): RolloutBatch | null {
  const usable = items.filter((tr) => tr.future !== undefined && tr.future.steps >= steps);
  if (usable.length === 0) return null;
  const l = layoutFrames(usable.map((tr) => tr.obs));
  const rows = l.frames * l.r;
  const target = new Float32Array(steps * rows * 3), scale = new Float32Array(steps * rows * 3);
  let scored = 0;
  usable.forEach((tr, b) => {
    const f = tr.future!;
    for (let q = 0; q < f.movers; q++) {
      const row = b * l.r + q;
      // An object whose change over the first step is unknown (held, or unseen at t+1) is not scored.
      if (Number.isNaN(tr.dv[l.receiverIndex[row]! * 3]!)) continue;
      const turn = l.ball[row] ? 0 : Math.hypot(l.width[row]!, l.height[row]!) / 2 / ROLLOUT_LOSS_SCALE_M;
      for (let k = 0; k < steps; k++) {
        const from = (k * f.movers + q) * 3;
        if (Number.isNaN(f.values[from]!)) break;
        const at = (k * rows + row) * 3;
        target.set(f.values.subarray(from, from + 3), at);
        scale[at] = scale[at + 1] = 1 / ROLLOUT_LOSS_SCALE_M;
        scale[at + 2] = turn;
        scored++;
      }
    }
  });
  return {
    layout: layoutTensors(l), start: { position: tf.tensor2d(l.position, [rows, 3]), velocity: tf.tensor2d(l.velocity, [rows, 3]) }, steps,
    target: tf.tensor2d(target, [steps * rows, 3]), scale: tf.tensor2d(scale, [steps * rows, 3]), scored,
  };
}

export function disposeRolloutBatch(rb: RolloutBatch): void {
  disposeLayoutTensors(rb.layout);
  for (const t of [rb.start.position, rb.start.velocity, rb.target, rb.scale]) t.dispose();
}

/** The receivers' states after each of `steps` steps, each fed the network's mean prediction of the
 * one before: velocity += predicted change (or, without the integrator, = the predicted velocity),
 * position += new velocity · dt (x, y and angle alike); static bodies stay put. Call inside tf.tidy. */
export function rollTensors(net: InteractionNetwork, rb: RolloutBatch, features: FeatureOptions, steps = rb.steps): ReceiverState[] {
  const { frames: M, r, n } = rb.layout;
  const integrator = hasIntegrator(features);
  const unit = constantTensor(OUTPUT_SCALE, [1, 3]);
  const out: ReceiverState[] = [];
  let st = rb.start;
  for (let k = 0; k < steps; k++) {
    const { objects, pairs } = tensorFeatures(rb.layout, st, features.contactFeatures);
    const { mean } = net.forward(objects, pairs, rb.layout.pairMask, M, r, n);
    const change = tf.mul(mean, unit);
    const velocity = (integrator ? tf.add(st.velocity, change) : change) as tf.Tensor2D;
    st = { position: tf.add(st.position, tf.mul(velocity, STEP_S)) as tf.Tensor2D, velocity };
    out.push(st);
  }
  return out;
}

/** The network's mean in m/s (vx, vy) and rad/s (spin): features.ts's output units. */
const OUTPUT_SCALE = [DV_SCALE, DV_SCALE, DW_SCALE];

/** Mean over the scored object-steps of Huber(x error) + Huber(y error) + Huber(corner displacement
 * by the angle error), each in units of ROLLOUT_LOSS_SCALE_M. Call inside tf.tidy (or variableGrads). */
export function rolloutLoss(net: InteractionNetwork, rb: RolloutBatch, features: FeatureOptions): tf.Scalar {
  const positions = tf.concat(rollTensors(net, rb, features).map((st) => st.position), 0);
  const e = tf.abs(tf.mul(tf.sub(positions, rb.target), rb.scale));
  const q = tf.minimum(e, 1);
  const huber = tf.add(tf.mul(0.5, tf.square(q)), tf.sub(e, q));
  return tf.div(tf.sum(huber), Math.max(1, rb.scored)) as tf.Scalar;
}
