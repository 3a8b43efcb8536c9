// Checkpoints: a save/load round trip predicts identically; damaged or foreign files are refused clearly.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../src/predictor/backend';
import { InteractionNetwork, DEFAULT_SHAPE } from '../../src/predictor/network';
import { parseCheckpoint, serializeCheckpoint, weightsHash, CheckpointError } from '../../src/predictor/checkpoint';
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
  const withHash = (weights: Uint8Array, changes: Record<string, unknown> = {}): string => JSON.stringify({ ...JSON.parse(saved.metaJson), ...changes, weights_hash: weightsHash(weights) });
  const filled = (value: number): Uint8Array => new Uint8Array(new Float32Array(saved.weights.byteLength / 4).fill(value).buffer);
  it('non-finite weights and huge files', () => {
    const nan = saved.weights.slice();
    new DataView(nan.buffer).setFloat32(8, Number.NaN, true);
    expect(refuse(saved.modelJson, nan, withHash(nan))).toMatch(/value 2 is not finite \(NaN\) \(relation\/0\/kernel, entry 2 of \d+\)$/);
    expect(refuse(saved.modelJson, new Uint8Array(17_000_000), saved.metaJson)).toMatch(/more than the 16000000/);
  });
  it('a checkpoint without a weights hash (flipped bits would load unnoticed)', () => {
    const metaNoHash = JSON.stringify({ ...JSON.parse(saved.metaJson), weights_hash: undefined });
    expect(refuse(saved.modelJson, saved.weights, metaNoHash)).toMatch(/^ck\/meta\.json: weights_hash: expected string, got nothing/);
  });
  it('absurd weights with a valid hash: one huge weight, all 3e38, or a net whose outputs explode', () => {
    const one = saved.weights.slice();
    new DataView(one.buffer).setFloat32(40, 1e30, true);
    expect(refuse(saved.modelJson, one, withHash(one))).toMatch(/ck\/weights\.bin: value 10 is 1\.00e\+30; a trained predictor's weights stay within ±10000/);
    const max = filled(3e38);
    expect(refuse(saved.modelJson, max, withHash(max))).toMatch(/value 0 is 3\.00e\+38/);
    // Every weight within bounds, yet the outputs are absurd: only the probe forward pass sees it.
    const big = filled(9000);
    expect(refuse(saved.modelJson, big, withHash(big))).toMatch(/ck\/weights\.bin: predicts a (non-finite value|velocity change of .*) for an ordinary scene/);
  });
  it('malformed model.json and meta.json shapes are named by JSON path, never a TypeError', () => {
    const model = JSON.parse(saved.modelJson);
    const cases: [string, string, RegExp][] = [
      [JSON.stringify({ ...model, weightsManifest: [null] }), saved.metaJson, /^ck\/model\.json: weightsManifest\[0\]: expected object, got null$/],
      [JSON.stringify({ ...model, weightsManifest: null }), saved.metaJson, /^ck\/model\.json: weightsManifest: expected array, got null$/],
      [JSON.stringify({ ...model, weightsManifest: [{ ...model.weightsManifest[0], weights: [null] }] }), saved.metaJson, /weightsManifest\[0\]\.weights\[0\]: expected object, got null/],
      [JSON.stringify({ ...model, architecture: { ...model.architecture, features: false } }), saved.metaJson, /architecture\.features: expected object, got boolean$/],
      [JSON.stringify({ ...model, architecture: { ...model.architecture, features: 'bogus' } }), saved.metaJson, /architecture\.features: expected object, got "bogus"/],
      [JSON.stringify({ ...model, architecture: { ...model.architecture, features: { contactFeatures: 'yes' } } }), saved.metaJson, /architecture\.features\.contactFeatures: expected boolean, got "yes"/],
      [JSON.stringify({ ...model, architecture: { ...model.architecture, shape: { ...model.architecture.shape, effect: 1e9 } } }), saved.metaJson, /architecture\.shape\.effect: expected at most 4096, got 1000000000/],
      [saved.modelJson, 'null', /^ck\/meta\.json: \(top level\): expected object, got null$/],
      [saved.modelJson, JSON.stringify({ ...JSON.parse(saved.metaJson), experience_frames: -1 }), /^ck\/meta\.json: experience_frames: expected at least 0, got -1$/],
      [saved.modelJson, JSON.stringify({ ...JSON.parse(saved.metaJson), features: { contactFeatures: false } }), /^ck\/meta\.json: features .* differ from model\.json's architecture\.features/],
    ];
    for (const [m, meta, pattern] of cases) expect(refuse(m, saved.weights, meta)).toMatch(pattern);
  });
});
