// The core-knowledge switchboard: switches parse, round-trip through a checkpoint (old ones load as
// all on), and each changes what it claims: the integrator in training and prediction (real TF.js
// training on a tiny budget), object files in surprise, contact geometry in the inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWasmBackend } from '../../src/predictor/backend';
import { ALL_CORE, coreLabel, fullCore, parseCore, type CoreSettings } from '../../src/predictor/coreKnowledge';
import { parseCheckpoint, serializeCheckpoint } from '../../src/predictor/checkpoint';
import { predictorFromCheckpoint } from '../../src/predictor/checkpointPredictor';
import { InteractionNetwork, DEFAULT_SHAPE } from '../../src/predictor/network';
import { LearnedPredictor } from '../../src/predictor/predictor';
import { DEFAULT_DIET } from '../../src/predictor/experience';
import { collectExperience, makeBatch, train } from '../../src/predictor/training';
import { DV_SCALE } from '../../src/predictor/features';
import { createRng } from '../../src/sim/rng';
import { parseSceneValue } from '../../src/scenes/parse';
import { runTrial, observations } from '../../src/experiment/trial';
import { computeSurprise, HORIZON } from '../../src/predictor/surprise';
import { LiveSurprise } from '../../src/predictor/liveSurprise';
import { rolloutSurprise, startRollout } from '../../src/predictor/rollout';
import { sightedSurprise } from '../../src/predictor/sightings';
import { DEFAULT_MODELS_DIR } from '../../src/cli/modelStore';
import type { ObjectState } from '../../src/predictor/observation';
import { testScene } from './support/trials';

const meta = (features: CoreSettings) => ({
  name: 'test', experience_frames: 0, experience_minutes: 0, seed: 3, diet: DEFAULT_DIET, features,
  validation_loss: 1, train_loss: null, gradient_steps: 0, training_seconds: 0, code_version: 'test', command: 'test',
});

beforeAll(async () => {
  await useWasmBackend();
});

describe('--core', () => {
  it('reads all, none, the switches that are on, or the ones turned off', () => {
    expect(parseCore('all')).toEqual(ALL_CORE);
    expect(parseCore('none')).toEqual({ contactFeatures: false, objectFiles: false, integrator: false });
    expect(parseCore('contact-geometry, integrator')).toEqual({ contactFeatures: true, objectFiles: false, integrator: true });
    expect(parseCore('no-object-files')).toEqual({ contactFeatures: true, objectFiles: false, integrator: true });
    expect(parseCore('no-integrator,no-contact-geometry')).toEqual({ contactFeatures: false, objectFiles: true, integrator: false });
  });

  it('refuses unknown words and mixed lists, naming them', () => {
    expect(() => parseCore('contact')).toThrow(/unknown switch "contact".*contact-geometry, object-files, integrator/);
    expect(() => parseCore('integrator,no-object-files')).toThrow(/not both/);
    expect(() => parseCore(' , ')).toThrow(/expected all, none/);
  });

  it('labels settings the way --core reads them', () => {
    for (const text of ['all', 'none', 'contact-geometry', 'object-files,integrator']) expect(coreLabel(parseCore(text))).toBe(text);
    expect(coreLabel({ contactFeatures: true })).toBe('all');
  });
});

describe('core settings in a checkpoint', () => {
  it('round-trip through model.json and meta.json, every switch written out', () => {
    const net = InteractionNetwork.create(DEFAULT_SHAPE, 3);
    const core = parseCore('object-files');
    const saved = serializeCheckpoint(net, core, meta(core));
    expect(JSON.parse(saved.metaJson).features).toEqual(core);
    expect(JSON.parse(saved.modelJson).architecture.features).toEqual(core);
    const loaded = parseCheckpoint(saved.modelJson, saved.weights, saved.metaJson, 'ck');
    expect(loaded.features).toEqual(core);
    const p = predictorFromCheckpoint(saved, 'ck', 'ck');
    expect(p.features).toEqual(core);
    loaded.network.dispose();
    p.network!.dispose();
    net.dispose();
  });

  it('a shipped checkpoint from before the switchboard (contactFeatures only) loads as all on', () => {
    // The shipped checkpoints are retrained with every switch written out, so the older form is
    // made from one of them: `features` holding only contactFeatures, in both files.
    const dir = join(DEFAULT_MODELS_DIR, 'learner-3k');
    const legacy = (text: string, at: (o: Record<string, unknown>) => Record<string, unknown>) => {
      const o = JSON.parse(text) as Record<string, unknown>;
      at(o).features = { contactFeatures: true };
      return JSON.stringify(o);
    };
    const metaText = legacy(readFileSync(join(dir, 'meta.json'), 'utf8'), (o) => o);
    const modelText = legacy(readFileSync(join(dir, 'model.json'), 'utf8'), (o) => o.architecture as Record<string, unknown>);
    expect(Object.keys(JSON.parse(metaText).features)).toEqual(['contactFeatures']);
    const ck = parseCheckpoint(modelText, new Uint8Array(readFileSync(join(dir, 'weights.bin'))), metaText, dir);
    expect(ck.features).toEqual(ALL_CORE);
    expect(ck.meta.features).toEqual(ALL_CORE);
    ck.network.dispose();
  });

  it('refuses a checkpoint whose two files disagree on a switch, or whose switch is not a boolean', () => {
    const net = InteractionNetwork.create(DEFAULT_SHAPE, 3);
    const saved = serializeCheckpoint(net, ALL_CORE, meta(ALL_CORE));
    const offInMeta = JSON.stringify({ ...JSON.parse(saved.metaJson), features: { ...ALL_CORE, integrator: false } });
    expect(() => parseCheckpoint(saved.modelJson, saved.weights, offInMeta, 'ck')).toThrow(/^ck\/meta\.json: features .* differ/);
    const model = JSON.parse(saved.modelJson);
    const stringly = JSON.stringify({ ...model, architecture: { ...model.architecture, features: { ...ALL_CORE, objectFiles: 'no' } } });
    expect(() => parseCheckpoint(stringly, saved.weights, saved.metaJson, 'ck')).toThrow(/architecture\.features\.objectFiles: expected boolean/);
    net.dispose();
  });
});

describe('the integrator switch', () => {
  const data = collectExperience(createRng(5), DEFAULT_DIET, 256);
  const moving = data.find((t) => t.obs.some((o) => !o.isStatic && Math.abs(o.vx) > 0.5))!;

  it('without it the training target is the next velocity, with it the change', () => {
    const on = makeBatch([moving], ALL_CORE, null, 0);
    const off = makeBatch([moving], { ...ALL_CORE, integrator: false }, null, 0);
    const [a, b] = [on.target.dataSync(), off.target.dataSync()];
    const i = moving.obs.findIndex((o) => !o.isStatic);
    const o = moving.obs[i]!;
    expect(a[0]).toBeCloseTo(moving.dv[i * 3]! / DV_SCALE, 5);
    expect(b[0]).toBeCloseTo((o.vx + moving.dv[i * 3]!) / DV_SCALE, 4);
    expect(b[1]).toBeCloseTo((o.vy + moving.dv[i * 3 + 1]!) / DV_SCALE, 4);
    for (const t of [on, off]) Object.values(t).forEach((x) => { if (typeof x === 'object') x.dispose(); });
  });

  it('a newborn without it expects moving things to stop; a little training teaches it inertia', async () => {
    const core = { ...ALL_CORE, integrator: false };
    const speedError: Record<number, number> = {};
    const withIntegrator: number[] = [];
    // Many gradient uses of few frames: inertia is one linear map, learned fast when it is drilled.
    await train({ frames: 1024, checkpoints: [0, 1024], seed: 4, features: core, replay: 32, chunkFrames: 512, validationFrames: 128 }, (e) => {
      const p = new LearnedPredictor('t', e.network, core, e.experienceFrames);
      const out = p.predict(data.map((t) => t.obs));
      // Mean |predicted − actual| change of horizontal velocity over moving objects, m/s.
      let sum = 0, count = 0;
      data.forEach((t, b) => t.obs.forEach((ob, i) => {
        if (ob.isStatic || Math.abs(ob.vx) < 0.5 || Number.isNaN(t.dv[i * 3]!)) return;
        sum += Math.abs(out.mean[(b * out.n + i) * 3]! - t.dv[i * 3]!);
        count++;
      }));
      speedError[e.experienceFrames] = sum / count;
      if (e.experienceFrames === 0) {
        const both = new LearnedPredictor('t', e.network, ALL_CORE, 0).predict([moving.obs]);
        const i = moving.obs.findIndex((ob) => !ob.isStatic && Math.abs(ob.vx) > 0.5);
        withIntegrator.push(both.mean[i * 3]!, out.mean[data.indexOf(moving) * out.n * 3 + i * 3]!, moving.obs[i]!.vx);
      }
    });
    const [changeWith, changeWithout, vx] = withIntegrator as [number, number, number];
    // Same newborn weights: with the integrator it predicts about no change; without, about −v.
    expect(Math.abs(changeWith)).toBeLessThan(0.05 * Math.abs(vx));
    expect(Math.abs(changeWithout + vx)).toBeLessThan(0.05 * Math.abs(vx));
    expect(speedError[0]!).toBeGreaterThan(0.5);
    expect(speedError[1024]!).toBeLessThan(speedError[0]! / 3);
  }, 300_000);
});

/** A box slides right at 0.5 m/s without friction in plain view (a screen stands elsewhere) and
 * vanishes at 1 s. */
const vanishing = parseSceneValue(testScene({
  duration: 2,
  bodies: [{ id: 'box', kind: 'box', x: 0.8, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 0.5, y: 0 } }],
  occluders: [{ id: 'screen', x: 5, y: 1, width: 1, height: 2 }],
  violation: { type: 'vanish', body: 'box', trigger: { on: 'time', at: 1 } },
}), 'core-test');

describe('the object-files switch', () => {
  const dir = join(DEFAULT_MODELS_DIR, 'learner-30k');
  const read = (f: string) => readFileSync(join(dir, f));
  let withFiles: LearnedPredictor;
  let withoutFiles: LearnedPredictor;
  beforeAll(() => {
    withFiles = predictorFromCheckpoint({ modelJson: read('model.json').toString(), weights: new Uint8Array(read('weights.bin')), metaJson: read('meta.json').toString() }, dir, 'with');
    withoutFiles = new LearnedPredictor('without', withFiles.fast, { ...ALL_CORE, objectFiles: false }, withFiles.experienceFrames);
  });
  const impossible = runTrial(vanishing, 'impossible', undefined, 0);
  const frames = observations(impossible);
  const gone = impossible.snapshots.findIndex((s) => !s.bodies.find((b) => b.id === 'box')!.visible);

  it('with object files a box that vanished in plain view is missed; without, nothing is expected of it', () => {
    const on = computeSurprise(withFiles, frames, HORIZON, impossible.views).total;
    const off = computeSurprise(withoutFiles, frames, HORIZON, impossible.views).total;
    expect(gone).toBeGreaterThan(HORIZON);
    // Rollouts begun while it was in sight expect it still there for a horizon after it went.
    expect(Math.max(...on.slice(gone, gone + HORIZON))).toBeGreaterThan(40);
    for (let t = gone; t < frames.length; t++) expect(off[t], `frame ${t}`).toBe(0);
    // Before it went behind the screen both score the same rollouts the same.
    for (let t = HORIZON; t < gone - 1; t++) expect(off[t]).toBeCloseTo(on[t]!, 9);
  });

  it('live and batch agree without object files', () => {
    const batch = computeSurprise(withoutFiles, frames, HORIZON, impossible.views).total;
    const live = new LiveSurprise(withoutFiles);
    frames.forEach((obs, t) => {
      const r = live.push(t, obs, impossible.views[t]);
      if (t >= HORIZON) expect(r.total, `frame ${t}`).toBe(batch[t]);
    });
  });

  it('without object files there is no size or kind term, and a returning object is a new one', () => {
    const box: ObjectState = { id: 'b', kind: 'box', x: 1, y: 1, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 0.4, height: 0.4, isStatic: false };
    const changed = { ...box, kind: 'ball' as const, width: 0.2, height: 0.2 };
    const r = startRollout([box]);
    expect(rolloutSurprise(r, [changed]).get('b')!).toBeGreaterThan(50);
    expect(sightedSurprise(r, [changed], 0, new Map([['b', 0]])).get('b')).toBe(0);
    // Seen again from frame 5 on: not the object the rollout of frame 0 was about.
    expect(sightedSurprise(r, [{ ...box, x: 2 }], 0, new Map([['b', 5]])).size).toBe(0);
    expect(sightedSurprise(r, [{ ...box, x: 2 }], 0, new Map([['b', 0]])).get('b')).toBeCloseTo(5000, 6);
  });
});

describe('the contact-geometry switch', () => {
  it('fullCore fills a missing switch with on, and keeps contact geometry as given', () => {
    expect(fullCore({ contactFeatures: false })).toEqual({ contactFeatures: false, objectFiles: true, integrator: true });
  });
});
