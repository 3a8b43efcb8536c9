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

/** Receivers and pairs computed together, at most: each layer is one kernel call over a chunk. */
export const CHUNK_RECEIVERS = 64;
export const CHUNK_PAIRS = 512;
/** Row strides of the input blocks, floats (features padded to a multiple of 4 lanes). */
export const OBJECT_STRIDE = 16;
export const PAIR_STRIDE = 16;

/** A chunk's input and output blocks in the kernel's memory, for a caller that writes the
 * features in place (fastRollout.ts) instead of gathering them from a FeatureBatch: receiver k's
 * OBJECT_FEATURES at f[objects + k·OBJECT_STRIDE], pair p's PAIR_FEATURES at f[pairs + p·PAIR_STRIDE],
 * a receiver's pairs following the previous one's, pairEnd[k] one past receiver k's last pair; after
 * run, receiver k's mean at f[out + k·outStride + c] and log-variance at c + OUTPUTS. */
export interface NetworkChunk {
  readonly f: Float32Array;
  readonly objects: number;
  readonly pairs: number;
  readonly pairEnd: Int32Array;
  readonly out: number;
  readonly outStride: number;
}

/** The variance of a clipped log-variance, through the portable exp (every engine rounds alike). */
export const varianceOf = (lv: number): number => exp(lv < LOGVAR_MIN ? LOGVAR_MIN : lv > LOGVAR_MAX ? LOGVAR_MAX : lv);

export type KernelChoice = 'auto' | 'wasm' | 'js';

export class FastNetwork {
  readonly parameterCount: number;
  /** Which kernel runs: WebAssembly SIMD where the engine has it, else the same arithmetic in JS. */
  readonly kernel: 'wasm' | 'js';
  private affine: Affine;
  private readonly f: Float32Array;
  private readonly rel0: Layer;
  private readonly rel1: Layer;
  private readonly rel2: Layer;
  private readonly obj0: Layer;
  private readonly obj1: Layer;
  /** mean and log-variance side by side: columns 0–2 and 3–5. */
  private readonly head: Layer;
  // A chunk's blocks (byte offsets), one row per receiver or per pair, reused by every call.
  private readonly objectX: number;
  private readonly receiverPart: number;
  private readonly objectPart: number;
  private readonly pairX: number;
  private readonly h0: number;
  private readonly h1: number;
  private readonly effect: number;
  private readonly aggregate: number;
  private readonly g0: number;
  private readonly g1: number;
  private readonly out: number;
  /** Scratch for the kernel's list of a row pair's nonzero inputs (16 bytes each). */
  private readonly list: number;
  /** Per receiver of the chunk: its row in the batch, and one past its last pair. */
  private readonly chunkRow = new Int32Array(CHUNK_RECEIVERS);
  private readonly chunkPairEnd = new Int32Array(CHUNK_RECEIVERS);

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
    this.objectX = alloc(CHUNK_RECEIVERS * OBJECT_STRIDE);
    this.receiverPart = alloc(CHUNK_RECEIVERS * this.rel0.stride);
    this.objectPart = alloc(CHUNK_RECEIVERS * this.obj0.stride);
    this.pairX = alloc(CHUNK_PAIRS * PAIR_STRIDE);
    this.h0 = alloc(CHUNK_PAIRS * this.rel0.stride);
    this.h1 = alloc(CHUNK_PAIRS * this.rel1.stride);
    this.effect = alloc(CHUNK_PAIRS * this.rel2.stride);
    this.aggregate = alloc(CHUNK_RECEIVERS * this.rel2.stride);
    this.g0 = alloc(CHUNK_RECEIVERS * this.obj0.stride);
    this.g1 = alloc(CHUNK_RECEIVERS * this.obj1.stride);
    this.out = alloc(CHUNK_RECEIVERS * this.head.stride);
    this.list = alloc(4 * Math.max(rh, e, oh, PAIR_FEATURES + OBJECT_FEATURES));
    const memory = new WebAssembly.Memory({ initial: Math.ceil(next / 65536) });
    this.f = new Float32Array(memory.buffer);
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
    this.chunk = { f: this.f, objects: this.objectX >> 2, pairs: this.pairX >> 2, pairEnd: this.chunkPairEnd, out: this.out >> 2, outStride: this.head.stride };
  }

  /** For the bench (bench/targets.ts suiteKernelFloor): every later kernel call of this network
   * goes through `wrap(kernel, memory)`, to time the calls or count their work; the arithmetic stays
   * the kernel's own. */
  instrumentKernel(wrap: (kernel: Affine, memory: Float32Array) => Affine): void {
    this.affine = wrap(this.affine, this.f);
  }

  /** The chunk's blocks (see NetworkChunk). */
  readonly chunk: NetworkChunk;

  /** The network over the chunk's first `receivers` receivers and their `pairs` pairs, as written
   * in `chunk`. Each receiver's numbers do not depend on the others in the chunk, except that the
   * kernel pairs rows (affineKernel.ts): fill chunks as predict does to get its bits exactly. */
  runChunk(receivers: number, pairs: number): void {
    this.forward(receivers, pairs);
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
    const n = batch.n;
    if (n > CHUNK_PAIRS) throw new Error(`FastNetwork: ${n} senders per receiver; at most ${CHUNK_PAIRS}`);
    const mean = new Float32Array(rows * OUTPUTS);
    const variance = new Float32Array(rows * OUTPUTS).fill(1);
    const { f, chunkRow, chunkPairEnd } = this;
    const objectX = this.objectX >> 2;
    const pairX = this.pairX >> 2;
    const out = this.out >> 2;
    const outStride = this.head.stride;
    let row = 0;
    while (row < rows) {
      // Gather receivers (and their unmasked pairs, in pair order) until the chunk is full.
      let receivers = 0;
      let pairs = 0;
      for (; row < rows && receivers < CHUNK_RECEIVERS; row++) {
        if (batch.receiverIndex[row]! < 0) continue;
        let heard = 0;
        for (let j = 0; j < n; j++) if (batch.pairMask[row * n + j] !== 0) heard++;
        if (pairs + heard > CHUNK_PAIRS) break;
        const ob = objectX + receivers * OBJECT_STRIDE;
        const ib = row * OBJECT_FEATURES;
        for (let i = 0; i < OBJECT_FEATURES; i++) f[ob + i] = batch.objects[ib + i]!;
        // The mask is 1 where set (buildFeatures): masking is skipping.
        for (let j = 0; j < n; j++) {
          const pm = row * n + j;
          if (batch.pairMask[pm] === 0) continue;
          const pb = pairX + pairs * PAIR_STRIDE;
          const src = pm * PAIR_FEATURES;
          for (let i = 0; i < PAIR_FEATURES; i++) f[pb + i] = batch.pairs[src + i]!;
          pairs++;
        }
        chunkRow[receivers] = row;
        chunkPairEnd[receivers] = pairs;
        receivers++;
      }
      if (receivers === 0) continue;
      this.forward(receivers, pairs);
      for (let k = 0; k < receivers; k++) {
        const at = chunkRow[k]! * OUTPUTS;
        const ob = out + k * outStride;
        for (let c = 0; c < OUTPUTS; c++) {
          mean[at + c] = f[ob + c]!;
          variance[at + c] = varianceOf(f[ob + OUTPUTS + c]!);
        }
      }
    }
    return { mean, variance };
  }

  /** The layers over a gathered chunk: the relation MLP over every pair, summed per receiver, then
   * the object MLP; leaves each receiver's mean and log-variance in its row of `out`. */
  private forward(receivers: number, pairs: number): void {
    const { rel0, rel1, rel2, obj0, obj1, head, f, affine, chunkPairEnd } = this;
    const { relationHidden: rh, effect: e, objectHidden: oh } = this.shape;
    const rs = rel0.stride * 4, es = rel2.stride * 4, os = obj0.stride * 4;
    const xs = OBJECT_STRIDE * 4, ps = PAIR_STRIDE * 4;
    // The first relation layer is linear in [pair features, receiver features]: the receiver's
    // share (with the bias) is the same for all its pairs, so it is summed once per receiver and
    // copied to each of its pairs as the starting value of their sums.
    affine(this.objectX, xs, OBJECT_FEATURES, rel0.w + PAIR_FEATURES * rs, rel0.stride, rel0.b, 0, this.receiverPart, rs, receivers, 0, this.list);
    affine(this.objectX, xs, OBJECT_FEATURES, obj0.w, obj0.stride, obj0.b, 0, this.objectPart, os, receivers, 0, this.list);
    const part = this.receiverPart >> 2;
    const h0 = this.h0 >> 2;
    for (let k = 0, p = 0; k < receivers; k++) {
      for (const end = chunkPairEnd[k]!; p < end; p++) f.copyWithin(h0 + p * rel0.stride, part + k * rel0.stride, part + k * rel0.stride + rh);
    }
    affine(this.pairX, ps, PAIR_FEATURES, rel0.w, rel0.stride, this.h0, rs, this.h0, rs, pairs, 1, this.list);
    affine(this.h0, rs, rh, rel1.w, rel1.stride, rel1.b, 0, this.h1, rel1.stride * 4, pairs, 1, this.list);
    affine(this.h1, rel1.stride * 4, rh, rel2.w, rel2.stride, rel2.b, 0, this.effect, es, pairs, 1, this.list);
    // Each receiver's effects summed over its senders in pair order, in float32 (the array rounds each
    // sum): the first pair's row copied (0 + x is x for an effect, a ReLU's output, never −0), the
    // others added row by row, so the reads run along the rows.
    const agg = this.aggregate >> 2;
    const eff = this.effect >> 2;
    for (let k = 0, p = 0; k < receivers; k++) {
      const a = agg + k * rel2.stride;
      const end = chunkPairEnd[k]!;
      if (p === end) f.fill(0, a, a + e);
      else {
        f.copyWithin(a, eff + p * rel2.stride, eff + p * rel2.stride + e);
        for (let q = p + 1; q < end; q++) {
          const row = eff + q * rel2.stride;
          for (let c = 0; c < e; c++) f[a + c] = f[a + c]! + f[row + c]!;
        }
      }
      p = end;
    }
    affine(this.aggregate, es, e, obj0.w + OBJECT_FEATURES * os, obj0.stride, this.objectPart, os, this.g0, os, receivers, 1, this.list);
    affine(this.g0, os, oh, obj1.w, obj1.stride, obj1.b, 0, this.g1, obj1.stride * 4, receivers, 1, this.list);
    affine(this.g1, obj1.stride * 4, oh, head.w, head.stride, head.b, 0, this.out, head.stride * 4, receivers, 0, this.list);
  }
}
