// The interaction network's forward pass in plain typed arrays: the same layers as network.ts (the
// TF.js model, kept for training and as the reference), run with loops in a fixed order over the
// checkpoint's weights, so inference costs about its arithmetic and Node and Chromium agree to the bit.
import { OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES, type FeatureBatch } from './features';
import { weightSpecs, type NetworkShape } from './networkShape';
import { exp } from '../sim/portableMath';

/** log-variance is clipped to this range, as in the TF.js model. */
const LOGVAR_MIN = -9;
const LOGVAR_MAX = 6;

/** What a layer does with its sums: keep them exact (a partial sum), or round to float32 (what TF.js
 * stores), with or without ReLU. */
const enum Finish { Exact, Round, RoundRelu }

interface Layer { w: Float32Array; b: Float64Array; inputs: number; outputs: number }

/** out[o] = finish(init[o] + Σᵢ x[i]·w[(row0 + i)·O + o]), i in increasing order over the nonzero
 * inputs listed in nz. Sums are in double (exact IEEE arithmetic in every engine, so the order alone
 * fixes the result), eight outputs at a time so the eight sums run side by side. */
function affine(
  x: Float64Array, xo: number, nz: Int32Array, count: number,
  w: Float32Array, row0: number, O: number,
  init: Float64Array, io: number, out: Float64Array, oo: number, finish: Finish,
): void {
  let o = 0;
  for (; o + 8 <= O; o += 8) {
    let s0 = init[io + o]!, s1 = init[io + o + 1]!, s2 = init[io + o + 2]!, s3 = init[io + o + 3]!;
    let s4 = init[io + o + 4]!, s5 = init[io + o + 5]!, s6 = init[io + o + 6]!, s7 = init[io + o + 7]!;
    for (let k = 0; k < count; k++) {
      const i = nz[k]!;
      const xi = x[xo + i]!;
      const base = (row0 + i) * O + o;
      s0 += xi * w[base]!; s1 += xi * w[base + 1]!; s2 += xi * w[base + 2]!; s3 += xi * w[base + 3]!;
      s4 += xi * w[base + 4]!; s5 += xi * w[base + 5]!; s6 += xi * w[base + 6]!; s7 += xi * w[base + 7]!;
    }
    out[oo + o] = s0; out[oo + o + 1] = s1; out[oo + o + 2] = s2; out[oo + o + 3] = s3;
    out[oo + o + 4] = s4; out[oo + o + 5] = s5; out[oo + o + 6] = s6; out[oo + o + 7] = s7;
  }
  for (; o < O; o++) {
    let s = init[io + o]!;
    for (let k = 0; k < count; k++) {
      const i = nz[k]!;
      s += x[xo + i]! * w[(row0 + i) * O + o]!;
    }
    out[oo + o] = s;
  }
  if (finish === Finish.Exact) return;
  for (let k = oo; k < oo + O; k++) {
    const v = Math.fround(out[k]!);
    out[k] = finish === Finish.RoundRelu && v < 0 ? 0 : v;
  }
}

/** Lists the nonzero entries of x[xo … xo+len) in nz; returns how many. A ReLU layer's output is
 * about half zeros, and a zero input adds nothing to any sum, so its weight row is never read. */
function nonzero(x: Float64Array, xo: number, len: number, nz: Int32Array): number {
  let c = 0;
  for (let i = 0; i < len; i++) if (x[xo + i] !== 0) nz[c++] = i;
  return c;
}

export class FastNetwork {
  readonly parameterCount: number;
  private readonly rel0: Layer;
  private readonly rel1: Layer;
  private readonly rel2: Layer;
  private readonly obj0: Layer;
  private readonly obj1: Layer;
  private readonly mean: Layer;
  private readonly logvar: Layer;
  // Scratch, reused by every call (one receiver and one pair at a time).
  private readonly input = new Float64Array(Math.max(PAIR_FEATURES, OBJECT_FEATURES));
  private readonly receiverPart: Float64Array;
  private readonly h0: Float64Array;
  private readonly h1: Float64Array;
  private readonly effect: Float64Array;
  private readonly aggregate: Float64Array;
  private readonly objectPart: Float64Array;
  private readonly g0: Float64Array;
  private readonly g1: Float64Array;
  private readonly out = new Float64Array(OUTPUTS);
  private readonly logvarOut = new Float64Array(OUTPUTS);
  private readonly nz: Int32Array;

  private constructor(readonly shape: NetworkShape, values: Float32Array) {
    const specs = weightSpecs(shape);
    let spec = 0;
    let start = 0;
    // Float32 weights held as doubles (exact): the sums then read them without conversion.
    const take = (): Float32Array => {
      const size = specs[spec++]!.shape.reduce((a, b) => a * b, 1);
      start += size;
      return values.slice(start - size, start);
    };
    const layer = (inputs: number, outputs: number): Layer => ({ w: take(), b: Float64Array.from(take()), inputs, outputs });
    const { relationHidden: rh, effect: e, objectHidden: oh } = shape;
    this.rel0 = layer(PAIR_FEATURES + OBJECT_FEATURES, rh);
    this.rel1 = layer(rh, rh);
    this.rel2 = layer(rh, e);
    this.obj0 = layer(OBJECT_FEATURES + e, oh);
    this.obj1 = layer(oh, oh);
    this.mean = layer(oh, OUTPUTS);
    this.logvar = layer(oh, OUTPUTS);
    this.parameterCount = values.length;
    this.receiverPart = new Float64Array(rh);
    this.h0 = new Float64Array(rh);
    this.h1 = new Float64Array(rh);
    this.effect = new Float64Array(e);
    this.aggregate = new Float64Array(e);
    this.objectPart = new Float64Array(oh);
    this.g0 = new Float64Array(oh);
    this.g1 = new Float64Array(oh);
    this.nz = new Int32Array(Math.max(rh, e, oh, PAIR_FEATURES + OBJECT_FEATURES));
  }

  /** From the weights in checkpoint order (network.ts weightSpecs), as float32. */
  static fromWeights(shape: NetworkShape, values: Float32Array): FastNetwork {
    const needed = weightSpecs(shape).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
    if (values.length !== needed) throw new Error(`FastNetwork: ${values.length} weights given; the shape needs ${needed}`);
    return new FastNetwork(shape, values);
  }

  /** Mean and variance [B·R, OUTPUTS] in the network's scaled units, as the TF.js model's predict
   * gives them. Padding receivers (receiverIndex −1) are not computed: mean 0, variance 1. */
  predict(batch: FeatureBatch): { mean: Float32Array; variance: Float32Array } {
    const rows = batch.batch * batch.r;
    const mean = new Float32Array(rows * OUTPUTS);
    const variance = new Float32Array(rows * OUTPUTS).fill(1);
    for (let row = 0; row < rows; row++) {
      if (batch.receiverIndex[row]! < 0) continue;
      this.receiver(batch, row);
      for (let c = 0; c < OUTPUTS; c++) mean[row * OUTPUTS + c] = this.out[c]!;
      this.varianceInto(variance, row * OUTPUTS);
    }
    return { mean, variance };
  }

  /** One receiver: relation MLP over its unmasked pairs, summed, then the object MLP. Leaves the
   * mean in this.out and the log-variance in this.logvarOut. */
  private receiver(batch: FeatureBatch, row: number): void {
    const { rel0, rel1, rel2, obj0, obj1, nz, input } = this;
    const n = batch.n;
    const rh = rel0.outputs;
    const e = rel2.outputs;
    // The first relation layer is linear in [pair features, receiver features]: the receiver's
    // share (with the bias) is the same for all its pairs, so it is summed once here.
    for (let i = 0; i < OBJECT_FEATURES; i++) input[i] = batch.objects[row * OBJECT_FEATURES + i]!;
    let c = nonzero(input, 0, OBJECT_FEATURES, nz);
    affine(input, 0, nz, c, rel0.w, PAIR_FEATURES, rh, rel0.b, 0, this.receiverPart, 0, Finish.Exact);
    const objectCount = c;
    affine(input, 0, nz, objectCount, obj0.w, 0, obj0.outputs, obj0.b, 0, this.objectPart, 0, Finish.Exact);
    this.aggregate.fill(0);
    for (let j = 0; j < n; j++) {
      const pm = row * n + j;
      if (batch.pairMask[pm] === 0) continue;
      for (let i = 0; i < PAIR_FEATURES; i++) input[i] = batch.pairs[pm * PAIR_FEATURES + i]!;
      c = nonzero(input, 0, PAIR_FEATURES, nz);
      affine(input, 0, nz, c, rel0.w, 0, rh, this.receiverPart, 0, this.h0, 0, Finish.RoundRelu);
      c = nonzero(this.h0, 0, rh, nz);
      affine(this.h0, 0, nz, c, rel1.w, 0, rh, rel1.b, 0, this.h1, 0, Finish.RoundRelu);
      c = nonzero(this.h1, 0, rh, nz);
      affine(this.h1, 0, nz, c, rel2.w, 0, e, rel2.b, 0, this.effect, 0, Finish.RoundRelu);
      // The mask is 1 where set (buildFeatures), so masking is skipping; sums in pair order.
      for (let k = 0; k < e; k++) this.aggregate[k] = this.aggregate[k]! + this.effect[k]!;
    }
    for (let k = 0; k < e; k++) this.aggregate[k] = Math.fround(this.aggregate[k]!);
    c = nonzero(this.aggregate, 0, e, nz);
    affine(this.aggregate, 0, nz, c, obj0.w, OBJECT_FEATURES, obj0.outputs, this.objectPart, 0, this.g0, 0, Finish.RoundRelu);
    c = nonzero(this.g0, 0, obj0.outputs, nz);
    affine(this.g0, 0, nz, c, obj1.w, 0, obj1.outputs, obj1.b, 0, this.g1, 0, Finish.RoundRelu);
    c = nonzero(this.g1, 0, obj1.outputs, nz);
    affine(this.g1, 0, nz, c, this.mean.w, 0, OUTPUTS, this.mean.b, 0, this.out, 0, Finish.Round);
    affine(this.g1, 0, nz, c, this.logvar.w, 0, OUTPUTS, this.logvar.b, 0, this.logvarOut, 0, Finish.Round);
  }

  /** variance = exp(clip(logvar, −9, 6)), through the portable exp so every engine rounds alike. */
  private varianceInto(variance: Float32Array, at: number): void {
    for (let c = 0; c < OUTPUTS; c++) {
      const lv = this.logvarOut[c]!;
      variance[at + c] = exp(lv < LOGVAR_MIN ? LOGVAR_MIN : lv > LOGVAR_MAX ? LOGVAR_MAX : lv);
    }
  }
}
