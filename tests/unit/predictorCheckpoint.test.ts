// Checkpoints: a save/load round trip predicts identically; damaged or foreign files are refused clearly.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../src/predictor/backend';
import { InteractionNetwork, DEFAULT_SHAPE } from '../../src/predictor/network';
import { parseCheckpoint, serializeCheckpoint, CheckpointError } from '../../src/predictor/checkpoint';
import { LearnedPredictor } from '../../src/predictor/predictor';
import { predictorFromCheckpoint } from '../../src/predictor/checkpointPredictor';
import { DEFAULT_DIET } from '../../src/predictor/experience';
import { collectExperience } from '../../src/predictor/training';
import { createRng } from '../../src/sim/rng';

const features = { contactFeatures: true };
const meta = {
  name: 'test', experience_frames: 0, experience_minutes: 0, seed: 3, diet: DEFAULT_DIET, features,
  validation_loss: 1, train_loss: null, gradient_steps: 0, training_seconds: 0, code_version: 'test', command: 'test',
};

let saved: ReturnType<typeof serializeCheckpoint>;
let original: InteractionNetwork;

beforeAll(async () => {
  await useWasmBackend();
  original = InteractionNetwork.create(DEFAULT_SHAPE, 3);
  saved = serializeCheckpoint(original, features, meta);
});

describe('checkpoint round trip', () => {
  it('gives identical predictions after save and load', () => {
    const frames = collectExperience(createRng(11), DEFAULT_DIET, 64).map((t) => t.obs);
    const loaded = parseCheckpoint(saved.modelJson, saved.weights, saved.metaJson, 'mem');
    const a = new LearnedPredictor('a', original, features, 0).predict(frames);
    const b = new LearnedPredictor('b', loaded.network, loaded.features, 0).predict(frames);
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.variance)).toEqual(Array.from(a.variance));
    loaded.network.dispose();
  });

  it('builds the named predictor from the three parts, carrying the experience and content hash', () => {
    const frames = collectExperience(createRng(12), DEFAULT_DIET, 32).map((t) => t.obs);
    const built = predictorFromCheckpoint(saved, 'mem', 'named');
    expect(built.name).toBe('named');
    expect(built.experienceFrames).toBe(meta.experience_frames);
    expect(built.checkpointHash).toBe(parseCheckpoint(saved.modelJson, saved.weights, saved.metaJson, 'mem').meta.weights_hash);
    expect(Array.from(built.predict(frames).mean)).toEqual(Array.from(new LearnedPredictor('a', original, features, 0).predict(frames).mean));
    expect(() => predictorFromCheckpoint({ ...saved, weights: saved.weights.slice(1) }, 'models/broken', 'x')).toThrow(/models\/broken/);
  });
});

describe('refusals', () => {
  const refuse = (model: string, weights: Uint8Array, metaJson: string): string => {
    const before = tf.memory().numTensors;
    let message = '';
    try {
      parseCheckpoint(model, weights, metaJson, 'ck');
    } catch (e) {
      expect(e).toBeInstanceOf(CheckpointError);
      message = (e as Error).message;
    }
    // A refused checkpoint leaves nothing behind.
    expect(tf.memory().numTensors).toBe(before);
    return message;
  };
  it('a truncated weights file', () => {
    expect(refuse(saved.modelJson, saved.weights.slice(0, 1000), saved.metaJson)).toMatch(/ck\/weights\.bin: is 1000 bytes; the manifest needs \d+ \(truncated\?\)/);
  });
  it('wrong tensor shapes', () => {
    const model = JSON.parse(saved.modelJson);
    model.weightsManifest[0].weights[2].shape = [64, 65];
    expect(refuse(JSON.stringify(model), saved.weights, saved.metaJson)).toMatch(/tensor 2 is relation\/1\/kernel \[64,65\] float32; expected relation\/1\/kernel \[64,64\]/);
  });
  it('a wrong format version', () => {
    const model = JSON.parse(saved.modelJson);
    model.formatVersion = 99;
    expect(refuse(JSON.stringify(model), saved.weights, saved.metaJson)).toMatch(/format version 99 is not supported \(this app reads version 1\)/);
  });
  it('a file that is not a checkpoint at all', () => {
    expect(refuse('{"hello": 1}', saved.weights, saved.metaJson)).toMatch(/not a Surprise Lab predictor/);
    expect(refuse('{"format": "surprise', saved.weights, saved.metaJson)).toMatch(/model\.json: not valid JSON/);
  });
  it('weights that do not match the recorded hash', () => {
    const damaged = saved.weights.slice();
    damaged[100] = damaged[100]! ^ 0xff;
    expect(refuse(saved.modelJson, damaged, saved.metaJson)).toMatch(/content hash .* does not match/);
  });
  it('non-finite weights and huge files', () => {
    const nan = saved.weights.slice();
    new DataView(nan.buffer).setFloat32(8, Number.NaN, true);
    const metaNoHash = JSON.stringify({ ...JSON.parse(saved.metaJson), weights_hash: undefined });
    expect(refuse(saved.modelJson, nan, metaNoHash)).toMatch(/value 2 is not finite/);
    expect(refuse(saved.modelJson, new Uint8Array(17_000_000), metaNoHash)).toMatch(/more than the 16000000/);
  });
});
