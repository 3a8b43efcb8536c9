// The interaction network's forward pass without TF.js: the same layers as network.ts (the TF.js
// model, kept for training and as the reference), run over the checkpoint's weights with one small
// kernel (affineKernel.ts) in a fixed order, so inference costs about its arithmetic and Node and
// Chromium agree to the bit.
import { OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES, type FeatureBatch } from './features';
import { weightSpecs, type NetworkShape } from './networkShape';
import { affineJs, affineWasm, type Affine } from './affineKernel';
import { exp } from '../sim/portableMath';

/** log-variance is clipped to this range, as in the TF.js model. */
const LOGVAR_MIN = -9;
const LOGVAR_MAX = 6;
/** The kernel computes 16 outputs at a time: layers are padded with zero columns to a multiple. */
const LANES = 16;
const pad = (n: number): number => Math.ceil(n / LANES) * LANES;

/** A layer in the kernel's memory: weights [inputs][stride] and bias [stride], byte offsets. */
interface Layer { w: number; b: number; stride: number }

export type KernelChoice = 'auto' | 'wasm' | 'js';

export class FastNetwork {
  readonly parameterCount: number;
  /** Which kernel runs: WebAssembly SIMD where the engine has it, else the same arithmetic in JS. */
  readonly kernel: 'wasm' | 'js';
  private readonly affine: Affine;
  private readonly f: Float32Array;
  private readonly ints: Int32Array;
  private readonly rel0: Layer;
  private readonly rel1: Layer;
  private readonly rel2: Layer;
  private readonly obj0: Layer;
  private readonly obj1: Layer;
  /** mean and log-variance side by side: columns 0–2 and 3–5. */
  private readonly head: Layer;
  // Scratch buffers (byte offsets), reused by every call: one receiver and one pair at a time.
  private readonly input: number;
  private readonly receiverPart: number;
  private readonly h0: number;
  private readonly h1: number;
  private readonly effect: number;
  private readonly aggregate: number;
  private readonly objectPart: number;
  private readonly g0: number;
  private readonly g1: number;
  private readonly out: number;

  private constructor(readonly shape: NetworkShape, values: Float32Array, choice: KernelChoice) {
    const { relationHidden: rh, effect: e, objectHidden: oh } = shape;
    const specs = weightSpecs(shape);
    const sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1));
    const starts = sizes.map((_, k) => sizes.slice(0, k).reduce((a, b) => a + b, 0));
    let next = 0;
    const alloc = (floats: number): number => {
      const at = next;
      next += pad(floats) * 4;
      return at;
    };
    const plan = (inputs: number, outputs: number): Layer => {
      const stride = pad(outputs);
      return { w: alloc(inputs * stride), b: alloc(stride), stride };
    };
    this.rel0 = plan(PAIR_FEATURES + OBJECT_FEATURES, rh);
    this.rel1 = plan(rh, rh);
    this.rel2 = plan(rh, e);
    this.obj0 = plan(OBJECT_FEATURES + e, oh);
    this.obj1 = plan(oh, oh);
    this.head = plan(oh, 2 * OUTPUTS);
    this.input = alloc(PAIR_FEATURES + OBJECT_FEATURES);
    this.receiverPart = alloc(rh);
    this.h0 = alloc(rh);
    this.h1 = alloc(rh);
    this.effect = alloc(e);
    this.aggregate = alloc(e);
    this.objectPart = alloc(oh);
    this.g0 = alloc(oh);
    this.g1 = alloc(oh);
    this.out = alloc(2 * OUTPUTS);
    const memory = new WebAssembly.Memory({ initial: Math.ceil(next / 65536) });
    this.f = new Float32Array(memory.buffer);
    this.ints = new Int32Array(memory.buffer);
    // Kernel and bias of each layer, padded with zero columns (weights in checkpoint order).
    const put = (layer: Layer, spec: number, inputs: number, outputs: number, column = 0): void => {
      const w = values.subarray(starts[spec]!, starts[spec]! + sizes[spec]!);
      const b = values.subarray(starts[spec + 1]!, starts[spec + 1]! + sizes[spec + 1]!);
      for (let i = 0; i < inputs; i++) for (let o = 0; o < outputs; o++) this.f[(layer.w >> 2) + i * layer.stride + column + o] = w[i * outputs + o]!;
      for (let o = 0; o < outputs; o++) this.f[(layer.b >> 2) + column + o] = b[o]!;
    };
    put(this.rel0, 0, PAIR_FEATURES + OBJECT_FEATURES, rh);
    put(this.rel1, 2, rh, rh);
    put(this.rel2, 4, rh, e);
    put(this.obj0, 6, OBJECT_FEATURES + e, oh);
    put(this.obj1, 8, oh, oh);
    put(this.head, 10, oh, OUTPUTS);
    put(this.head, 12, oh, OUTPUTS, OUTPUTS);
    this.parameterCount = values.length;
    const wasm = choice === 'js' ? null : affineWasm(memory);
    if (choice === 'wasm' && !wasm) throw new Error('FastNetwork: this engine has no WebAssembly SIMD');
    this.kernel = wasm ? 'wasm' : 'js';
    this.affine = wasm ?? affineJs(memory.buffer);
  }

  /** From the weights in checkpoint order (networkShape.ts weightSpecs), as float32. */
  static fromWeights(shape: NetworkShape, values: Float32Array, kernel: KernelChoice = 'auto'): FastNetwork {
    const needed = weightSpecs(shape).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
    if (values.length !== needed) throw new Error(`FastNetwork: ${values.length} weights given; the shape needs ${needed}`);
    return new FastNetwork(shape, values, kernel);
  }

  /** Mean and variance [B·R, OUTPUTS] in the network's scaled units, as the TF.js model's predict
   * gives them. Padding receivers (receiverIndex −1) are not computed: mean 0, variance 1. */
  predict(batch: FeatureBatch): { mean: Float32Array; variance: Float32Array } {
    const rows = batch.batch * batch.r;
    const mean = new Float32Array(rows * OUTPUTS);
    const variance = new Float32Array(rows * OUTPUTS).fill(1);
    const f = this.f;
    const out = this.out >> 2;
    for (let row = 0; row < rows; row++) {
      if (batch.receiverIndex[row]! < 0) continue;
      this.receiver(batch, row);
      for (let c = 0; c < OUTPUTS; c++) {
        mean[row * OUTPUTS + c] = f[out + c]!;
        const lv = f[out + OUTPUTS + c]!;
        // exp through the portable port, so every engine rounds alike.
        variance[row * OUTPUTS + c] = exp(lv < LOGVAR_MIN ? LOGVAR_MIN : lv > LOGVAR_MAX ? LOGVAR_MAX : lv);
      }
    }
    return { mean, variance };
  }

  /** One receiver: the relation MLP over its unmasked pairs, summed, then the object MLP; leaves
   * the mean and the log-variance in `out`. */
  private receiver(batch: FeatureBatch, row: number): void {
    const { rel0, rel1, rel2, obj0, obj1, head, f, affine } = this;
    const { relationHidden: rh, effect: e, objectHidden: oh } = this.shape;
    const input = this.input >> 2;
    const n = batch.n;
    // The first relation layer is linear in [pair features, receiver features]: the receiver's
    // share (with the bias) is the same for all its pairs, so it is summed once here.
    for (let i = 0; i < OBJECT_FEATURES; i++) f[input + i] = batch.objects[row * OBJECT_FEATURES + i]!;
    affine(this.input, OBJECT_FEATURES, rel0.w + PAIR_FEATURES * rel0.stride * 4, rel0.stride, rel0.b, this.receiverPart, 0);
    affine(this.input, OBJECT_FEATURES, obj0.w, obj0.stride, obj0.b, this.objectPart, 0);
    const agg = this.aggregate >> 2;
    const eff = this.effect >> 2;
    f.fill(0, agg, agg + e);
    for (let j = 0; j < n; j++) {
      const pm = row * n + j;
      // The mask is 1 where set (buildFeatures): masking is skipping.
      if (batch.pairMask[pm] === 0) continue;
      for (let i = 0; i < PAIR_FEATURES; i++) f[input + i] = batch.pairs[pm * PAIR_FEATURES + i]!;
      affine(this.input, PAIR_FEATURES, rel0.w, rel0.stride, this.receiverPart, this.h0, 1);
      affine(this.h0, rh, rel1.w, rel1.stride, rel1.b, this.h1, 1);
      affine(this.h1, rh, rel2.w, rel2.stride, rel2.b, this.effect, 1);
      // Summed over senders in pair order, in float32 (the array rounds each sum).
      for (let k = 0; k < e; k++) f[agg + k] = f[agg + k]! + f[eff + k]!;
    }
    affine(this.aggregate, e, obj0.w + OBJECT_FEATURES * obj0.stride * 4, obj0.stride, this.objectPart, this.g0, 1);
    affine(this.g0, oh, obj1.w, obj1.stride, obj1.b, this.g1, 1);
    affine(this.g1, oh, head.w, head.stride, head.b, this.out, 0);
  }
}
