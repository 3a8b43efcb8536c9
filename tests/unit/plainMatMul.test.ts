// plainMatMul's gradient is matMul's gradient: the same values as TF.js's own (up to the order of
// summation), and the network's plainGradient switch really selects between the two.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../src/predictor/backend';
import { DEFAULT_SHAPE, InteractionNetwork } from '../../src/predictor/network';
import { OBJECT_FEATURES, PAIR_FEATURES } from '../../src/predictor/features';
import { createRng } from '../../src/sim/rng';

beforeAll(async () => { await useWasmBackend(); });

/** Every variable's gradient of a squared-output loss over one seeded batch of 48 receivers × 6 senders. */
function gradients(plainGradient: boolean): Float32Array[] {
  const net = InteractionNetwork.create(DEFAULT_SHAPE, 7);
  net.plainGradient = plainGradient;
  const rng = createRng(11);
  const [b, r, n] = [8, 6, 6];
  const fill = (k: number) => Float32Array.from({ length: k }, () => rng.next() * 2 - 1);
  const objects = tf.tensor(fill(b * r * OBJECT_FEATURES), [b, r, OBJECT_FEATURES]);
  const pairs = tf.tensor(fill(b * r * n * PAIR_FEATURES), [b, r, n, PAIR_FEATURES]);
  const mask = tf.tensor(Float32Array.from({ length: b * r * n }, (_, i) => (i % 5 === 4 ? 0 : 1)), [b, r, n]);
  const { grads } = tf.variableGrads(() => {
    const { mean, logvar } = net.forward(objects, pairs, mask, b, r, n);
    return tf.add(tf.sum(tf.square(mean)), tf.sum(logvar)) as tf.Scalar;
  }, net.variables);
  const out = net.variables.map((v) => grads[v.name]!.dataSync() as Float32Array);
  tf.dispose([objects, pairs, mask, ...Object.values(grads)]);
  net.dispose();
  return out;
}

describe('plainMatMul', () => {
  it('gives every weight the gradient TF.js gives it, to float rounding', () => {
    const plain = gradients(false);
    const transposed = gradients(true);
    expect(plain).toHaveLength(transposed.length);
    let largest = 0;
    for (let k = 0; k < plain.length; k++) {
      const scale = Math.max(...transposed[k]!.map(Math.abs));
      for (let i = 0; i < plain[k]!.length; i++) largest = Math.max(largest, Math.abs(plain[k]![i]! - transposed[k]![i]!) / scale);
    }
    expect(largest).toBeLessThan(1e-5);
    expect(plain.some((g) => g.some((v) => v !== 0))).toBe(true);
  });
});
