// matMul whose gradient uses only untransposed products: TF.js's wasm backend runs a matMul with a
// transpose flag through a slow generic loop (about 12× the XNNPACK path measured on a 2304×64 by
// 64×64 product), and the default gradient of matMul asks for exactly those two products.
import * as tf from '@tensorflow/tfjs';

type Saver = (tensors: tf.Tensor[]) => void;
type Grad = (x: tf.Tensor2D, w: tf.Tensor2D, save: Saver) => { value: tf.Tensor2D; gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => tf.Tensor2D[] };

const product = tf.customGrad(((x: tf.Tensor2D, w: tf.Tensor2D, save: Saver) => {
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    // The transposes are explicit copies, so both products take the fast path.
    gradFunc: (dy: tf.Tensor2D, [sx, sw]: tf.Tensor[]) => [tf.matMul(dy, tf.transpose(sw as tf.Tensor2D)), tf.matMul(tf.transpose(sx as tf.Tensor2D), dy)],
  };
}) as Grad as unknown as Parameters<typeof tf.customGrad>[0]);

/** x·w for x [rows, in] and w [in, out], with a gradient fast on the wasm backend. */
export function plainMatMul(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  return product(x, w) as tf.Tensor2D;
}
