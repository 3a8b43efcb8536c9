// The interaction network in TF.js: a relation MLP over object pairs, summed per receiver, then an
// object MLP that outputs a Gaussian (mean and log-variance) over each object's next velocity change.
import * as tf from '@tensorflow/tfjs';
import { OBJECT_FEATURES, PAIR_FEATURES, type FeatureBatch } from './features';
import { weightSpecs, type NetworkShape } from './networkShape';
import { plainMatMul } from './plainMatMul';

export { DEFAULT_SHAPE, weightSpecs, type NetworkShape } from './networkShape';

interface Dense { w: tf.Variable; b: tf.Variable }

export class InteractionNetwork {
  readonly shape: NetworkShape;
  readonly variables: tf.Variable[];
  private readonly layers: Record<string, Dense>;

  private constructor(shape: NetworkShape, tensors: tf.Tensor[]) {
    this.shape = shape;
    const specs = weightSpecs(shape);
    // Unnamed: TF.js gives each variable a unique name, so several networks can live side by side.
    this.variables = tensors.map((t) => tf.variable(t, true));
    this.layers = {};
    for (let k = 0; k < specs.length; k += 2) {
      const name = specs[k]!.name.replace('/kernel', '');
      this.layers[name] = { w: this.variables[k]!, b: this.variables[k + 1]! };
    }
  }

  /** Fresh weights from a seed. Output layers start small so a newborn predicts "little change". */
  static create(shape: NetworkShape, seed: number): InteractionNetwork {
    const specs = weightSpecs(shape);
    const tensors = tf.tidy(() => specs.map((spec, k) => {
      if (spec.name.endsWith('/bias')) {
        const init = spec.name.startsWith('object/logvar') ? 0 : 0;
        return tf.fill(spec.shape, init);
      }
      const w = tf.initializers.glorotUniform({ seed: seed * 97 + k }).apply(spec.shape) as tf.Tensor;
      return spec.name.startsWith('object/mean') || spec.name.startsWith('object/logvar') ? w.mul(0.01) : w;
    }));
    const net = new InteractionNetwork(shape, tensors);
    tensors.forEach((t) => t.dispose());
    return net;
  }

  static fromTensors(shape: NetworkShape, tensors: tf.Tensor[]): InteractionNetwork {
    return new InteractionNetwork(shape, tensors);
  }

  get parameterCount(): number {
    return this.variables.reduce((s, v) => s + v.size, 0);
  }

  /** Every weight in checkpoint order (weightSpecs), as one float32 array. */
  flatWeights(): Float32Array {
    const data = new Float32Array(this.parameterCount);
    let offset = 0;
    for (const v of this.variables) {
      const values = v.dataSync() as Float32Array;
      data.set(values, offset);
      offset += values.length;
    }
    return data;
  }

  dispose(): void {
    this.variables.forEach((v) => v.dispose());
  }

  /** Train with plainMatMul's gradient (no transpose flags: about 3× faster per step on wasm) instead
   * of TF.js's own: the same gradient summed in another order, so other weights to the last bit
   * (`train --fast-gradient`). Off by default: the shipped checkpoints were trained with TF.js's. */
  plainGradient = false;

  private dense(name: string, x: tf.Tensor2D, relu: boolean): tf.Tensor2D {
    const l = this.layers[name]!;
    const product = this.plainGradient ? plainMatMul(x, l.w as tf.Tensor2D) : tf.matMul(x, l.w as tf.Tensor2D);
    const y = tf.add(product, l.b) as tf.Tensor2D;
    return relu ? tf.relu(y) : y;
  }

  /** Returns mean and log-variance, each [B*R, OUTPUTS]. Call inside tf.tidy. */
  forward(objects: tf.Tensor, pairs: tf.Tensor, pairMask: tf.Tensor, batch: number, r: number, n: number): { mean: tf.Tensor2D; logvar: tf.Tensor2D } {
    // Each pair also sees its receiver's own features, so one matmul covers both sides.
    const receiver = tf.tile(tf.reshape(objects, [batch, r, 1, OBJECT_FEATURES]), [1, 1, n, 1]);
    const pairIn = tf.reshape(tf.concat([tf.reshape(pairs, [batch, r, n, PAIR_FEATURES]), receiver], 3), [batch * r * n, PAIR_FEATURES + OBJECT_FEATURES]) as tf.Tensor2D;
    let h = this.dense('relation/0', pairIn, true);
    h = this.dense('relation/1', h, true);
    const effects = this.dense('relation/2', h, true);
    const masked = tf.mul(tf.reshape(effects, [batch, r, n, this.shape.effect]), tf.reshape(pairMask, [batch, r, n, 1]));
    const aggregated = tf.sum(masked, 2);
    const objIn = tf.reshape(tf.concat([tf.reshape(objects, [batch, r, OBJECT_FEATURES]), aggregated], 2), [batch * r, OBJECT_FEATURES + this.shape.effect]) as tf.Tensor2D;
    let g = this.dense('object/0', objIn, true);
    g = this.dense('object/1', g, true);
    const mean = this.dense('object/mean', g, false);
    const logvar = tf.clipByValue(this.dense('object/logvar', g, false), -9, 6) as tf.Tensor2D;
    return { mean, logvar };
  }

  /** Runs a feature batch; returns plain arrays [B*R, OUTPUTS] (mean, variance) in scaled units. */
  predict(features: FeatureBatch): { mean: Float32Array; variance: Float32Array } {
    const { batch, r, n } = features;
    const [mean, variance] = tf.tidy(() => {
      const out = this.forward(
        tf.tensor(features.objects, [batch, r, OBJECT_FEATURES]),
        tf.tensor(features.pairs, [batch, r, n, PAIR_FEATURES]),
        tf.tensor(features.pairMask, [batch, r, n]),
        batch, r, n,
      );
      return [out.mean, tf.exp(out.logvar)];
    });
    const result = { mean: new Float32Array(mean!.dataSync()), variance: new Float32Array(variance!.dataSync()) };
    mean!.dispose();
    variance!.dispose();
    return result;
  }
}
