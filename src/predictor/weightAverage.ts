// An exponential moving average of a network's weights (Polyak averaging): a second network that
// follows the trained one slowly, so a checkpoint is not whatever the last few noisy steps left.
import * as tf from '@tensorflow/tfjs';
import { InteractionNetwork } from './network';

export class WeightAverage {
  /** The averaged weights, a network of its own (same shape, separate variables). */
  readonly network: InteractionNetwork;
  private updates = 0;

  constructor(private readonly source: InteractionNetwork, private readonly decay: number) {
    if (!(decay > 0 && decay < 1)) throw new Error(`weight average: decay must be between 0 and 1 (exclusive), got ${decay}`);
    const copies = source.variables.map((v) => v.clone());
    this.network = InteractionNetwork.fromTensors(source.shape, copies);
    copies.forEach((t) => t.dispose());
  }

  /** The decay of the next update: small at first (the average starts from the newborn's weights and
   * must not stay anchored there), approaching `decay` as updates accumulate. */
  get currentDecay(): number {
    return Math.min(this.decay, (1 + this.updates) / (10 + this.updates));
  }

  /** avg ← d·avg + (1 − d)·w, after each gradient step. */
  update(): void {
    const d = this.currentDecay;
    this.updates++;
    tf.tidy(() => {
      this.network.variables.forEach((avg, k) => {
        avg.assign(tf.add(tf.mul(avg, d), tf.mul(this.source.variables[k]!, 1 - d)));
      });
    });
  }

  dispose(): void {
    this.network.dispose();
  }
}
