// The checkpoint format (model.json + weights.bin + meta.json): write, and read back with checks
// that name what is wrong (format version, tensor names and shapes, truncated weights).
import * as tf from '@tensorflow/tfjs';
import { InteractionNetwork, weightSpecs, type NetworkShape } from './network';
import { OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES, type FeatureOptions } from './features';
import type { ExperienceDiet } from './experience';
import { checkedValue, metaJsonSchema, modelJsonSchema, parseJsonText } from './checkpointSchema';
import { MAX_ABS_WEIGHT, probeProblem } from './checkpointProbe';
import { fullCore } from './coreKnowledge';

export const CHECKPOINT_FORMAT = 'surprise-lab-predictor';
export const CHECKPOINT_FORMAT_VERSION = 1;
/** A checkpoint of this design is well under 1 MB; anything far bigger is not one. */
export const MAX_WEIGHTS_BYTES = 16_000_000;

export class CheckpointError extends Error {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'CheckpointError';
  }
}

export interface CheckpointMeta {
  format_version: number;
  name: string;
  experience_frames: number;
  /** Minutes of watching at 60 frames per second. */
  experience_minutes: number;
  seed: number;
  diet: ExperienceDiet;
  features: FeatureOptions;
  /** Present when the run averaged its weights, decayed its learning rate (train --ema, --lr-decay) or
   * changed replay, learning rate or batch size (each recorded only when it differs from the shipped one). */
  training?: { ema_decay: number; lr_decay_frames: number; replay?: number; learning_rate?: number; batch_size?: number; support_weight?: number; spin_weight?: number; relation_width?: number; rollout_steps?: number; rollout_batch?: number; rollout_weight?: number; rollout_every?: number };
  /** How training summed matMul's gradient (network.ts plainGradient); absent in checkpoints written before it was recorded. */
  matmul_gradient?: 'plain' | 'transposed';
  validation_loss: number;
  train_loss: number | null;
  gradient_steps: number;
  training_seconds: number;
  code_version: string;
  command: string;
  weights_hash: string;
}

export interface ModelJson {
  format: string;
  formatVersion: number;
  architecture: { type: 'interaction-network'; shape: NetworkShape; features: FeatureOptions; objectFeatures: number; pairFeatures: number; outputs: number };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: 'float32' }[] }[];
}

export interface SerializedCheckpoint { modelJson: string; weights: Uint8Array; metaJson: string }

/** FNV-1a (64-bit) of the weight bytes, hex: a content hash that runs the same everywhere. */
export function weightsHash(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < bytes.length; i++) {
    h ^= BigInt(bytes[i]!);
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

export function serializeCheckpoint(net: InteractionNetwork, features: FeatureOptions, meta: Omit<CheckpointMeta, 'weights_hash' | 'format_version'>): SerializedCheckpoint {
  const specs = weightSpecs(net.shape);
  const weights = new Uint8Array(net.flatWeights().buffer);
  // Every core switch is written out, so a checkpoint says what it was trained with.
  const core = fullCore(features);
  const model: ModelJson = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    architecture: { type: 'interaction-network', shape: net.shape, features: core, objectFeatures: OBJECT_FEATURES, pairFeatures: PAIR_FEATURES, outputs: OUTPUTS },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs.map((s) => ({ name: s.name, shape: s.shape, dtype: 'float32' as const })) }],
  };
  const fullMeta: CheckpointMeta = { format_version: CHECKPOINT_FORMAT_VERSION, ...meta, features: core, weights_hash: weightsHash(weights) };
  return { modelJson: `${JSON.stringify(model, null, 1)}\n`, weights, metaJson: `${JSON.stringify(fullMeta, null, 2)}\n` };
}

export interface LoadedCheckpoint { network: InteractionNetwork; features: FeatureOptions; meta: CheckpointMeta; model: ModelJson }

/** Reads a checkpoint; throws CheckpointError naming the file, the JSON path and the problem.
 * Checks, in order: both JSON files against their schemas (every architecture field, a weights hash
 * present), the tensor list, the weights' size, values, hash and magnitude, then a probe forward
 * pass (finite, plausible outputs). Tensors outlive the call only when every check has passed. */
export function parseCheckpoint(modelText: string, weights: Uint8Array, metaText: string, source: string): LoadedCheckpoint {
  const modelFile = `${source}/model.json`;
  const metaFile = `${source}/meta.json`;
  const weightsFile = `${source}/weights.bin`;
  const modelFail = (m: string): CheckpointError => new CheckpointError(modelFile, m);
  const modelValue = parseJsonText(modelText, modelFail);
  const metaValue = parseJsonText(metaText, (m) => new CheckpointError(metaFile, m));
  if (typeof modelValue !== 'object' || modelValue === null || (modelValue as { format?: unknown }).format !== CHECKPOINT_FORMAT) {
    throw modelFail(`not a Surprise Lab predictor (format should be "${CHECKPOINT_FORMAT}")`);
  }
  const formatVersion = (modelValue as { formatVersion?: unknown }).formatVersion;
  if (formatVersion !== CHECKPOINT_FORMAT_VERSION) {
    throw modelFail(`format version ${String(formatVersion)} is not supported (this app reads version ${CHECKPOINT_FORMAT_VERSION})`);
  }
  const model = checkedValue(modelValue, modelJsonSchema, modelFail) as ModelJson;
  const meta = checkedValue(metaValue, metaJsonSchema, (m) => new CheckpointError(metaFile, m)) as unknown as CheckpointMeta;
  const arch = model.architecture;
  if (arch.objectFeatures !== OBJECT_FEATURES || arch.pairFeatures !== PAIR_FEATURES || arch.outputs !== OUTPUTS) {
    throw new CheckpointError(modelFile, `made for ${arch.objectFeatures}/${arch.pairFeatures} object/pair features and ${arch.outputs} outputs; this app uses ${OBJECT_FEATURES}/${PAIR_FEATURES}/${OUTPUTS}`);
  }
  // A switch a file does not name is on (written before the switchboard): compare the full settings.
  if (JSON.stringify(fullCore(meta.features)) !== JSON.stringify(fullCore(arch.features))) {
    throw new CheckpointError(metaFile, `features ${JSON.stringify(meta.features)} differ from model.json's architecture.features ${JSON.stringify(arch.features)}`);
  }
  const expected = weightSpecs(arch.shape);
  const listed = model.weightsManifest[0]!.weights;
  if (listed.length !== expected.length) {
    throw new CheckpointError(modelFile, `weightsManifest lists ${listed.length} tensors; expected ${expected.length}`);
  }
  expected.forEach((e, k) => {
    const w = listed[k]!;
    if (w.name !== e.name || w.shape.join(',') !== e.shape.join(',')) {
      throw new CheckpointError(modelFile, `tensor ${k} is ${w.name} [${w.shape}] ${w.dtype}; expected ${e.name} [${e.shape}] float32`);
    }
  });
  const needed = expected.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0) * 4;
  if (weights.byteLength > MAX_WEIGHTS_BYTES) throw new CheckpointError(weightsFile, `is ${weights.byteLength} bytes, more than the ${MAX_WEIGHTS_BYTES} a checkpoint may have`);
  if (weights.byteLength !== needed) {
    throw new CheckpointError(weightsFile, `is ${weights.byteLength} bytes; the manifest needs ${needed}${weights.byteLength < needed ? ' (truncated?)' : ''}`);
  }
  if (meta.weights_hash !== weightsHash(weights)) {
    throw new CheckpointError(weightsFile, `content hash ${weightsHash(weights)} does not match meta.json's ${meta.weights_hash} (damaged or from another checkpoint)`);
  }
  const values = new Float32Array(weights.slice().buffer);
  // Which tensor, and where in it, value i of the file is: names the bad weight precisely.
  const whereIs = (i: number): string => {
    let start = 0;
    for (const e of expected) {
      const size = e.shape.reduce((a, b) => a * b, 1);
      if (i < start + size) return ` (${e.name}, entry ${i - start} of ${size})`;
      start += size;
    }
    return '';
  };
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new CheckpointError(weightsFile, `value ${i} is not finite (${values[i]})${whereIs(i)}`);
    if (Math.abs(values[i]!) > MAX_ABS_WEIGHT) throw new CheckpointError(weightsFile, `value ${i} is ${values[i]!.toPrecision(3)}; a trained predictor's weights stay within ±${MAX_ABS_WEIGHT}${whereIs(i)}`);
  }
  let offset = 0;
  const tensors = expected.map((e) => {
    const size = e.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(values.subarray(offset, offset + size), e.shape);
    offset += size;
    return t;
  });
  const network = InteractionNetwork.fromTensors(arch.shape, tensors);
  tensors.forEach((t) => t.dispose());
  const problem = probeProblem(network, arch.features);
  if (problem) {
    network.dispose();
    throw new CheckpointError(weightsFile, problem);
  }
  const features = fullCore(arch.features);
  return { network, features, meta: { ...meta, features }, model };
}
