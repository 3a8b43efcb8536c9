// The rollout loss (`train --rollout-loss K`, rolloutLoss.ts): its TF.js features agree with
// buildFeatures, its rollout with the surprise rollout, its targets with the true future frames and
// their masks; it is 0 on a rollout that hits its targets and falls as Adam trains on it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { watchEpisode, type Transition } from '../../src/predictor/experience';
import { EDGES_DIET } from '../../src/predictor/namedDiets';
import { buildFeatures, DV_SCALE, DW_SCALE, type FeatureOptions } from '../../src/predictor/features';
import { layoutFrames, layoutTensors, disposeLayoutTensors, tensorFeatures } from '../../src/predictor/tensorFeatures';
import { disposeRolloutBatch, makeRolloutBatch, rollTensors, rolloutLoss } from '../../src/predictor/rolloutLoss';
import { mirrorTransition } from '../../src/predictor/mirror';
import { trueFuture } from '../../src/predictor/trueFutures';
import { rollout } from '../../src/predictor/rollout';
import type { Observation, ObjectState } from '../../src/predictor/observation';
import { LearnedPredictor } from '../../src/predictor/predictor';
import { DEFAULT_SHAPE, InteractionNetwork } from '../../src/predictor/network';
import { createRng } from '../../src/sim/rng';
import { STEP_S } from '../../src/sim/units';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { lab } from './support/lab';

const K = 8;
let items: Transition[];
let learner: LearnedPredictor;

beforeAll(async () => {
  await useWasmBackend();
  const rng = createRng(11);
  items = [];
  while (items.length < 60) items.push(...watchEpisode(rng, { ...EDGES_DIET, skipHeld: true, mirror: 0.5 }, undefined, K));
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const oldest = entries[entries.length - 1]!;
  learner = loadCheckpointDir(oldest.dir!, oldest.name);
});

/** A crowd of 14 bodies (more than a receiver hears), some turned, some balls, one static ball. */
function crowdFrame(): Observation {
  const rng = createRng(3);
  const body = (id: string, kind: ObjectState['kind'], x: number, y: number, w: number, h: number, isStatic = false): ObjectState => ({
    id, kind, x, y, vx: isStatic ? 0 : rng.uniform(-2, 2), vy: isStatic ? 0 : rng.uniform(-2, 1), angle: kind === 'ball' ? 0 : rng.uniform(-1, 1),
    angularVelocity: isStatic ? 0 : rng.uniform(-3, 3), width: w, height: h, isStatic,
  });
  const out: Observation = [body('floor', 'ground', 4, 0.15, 12, 0.3, true), body('peg', 'ball', 2, 1, 0.2, 0.2, true)];
  for (let i = 0; i < 12; i++) out.push(body(`o${i}`, i % 3 === 0 ? 'ball' : i % 3 === 1 ? 'box' : 'car', 0.5 + i * 0.6, 0.6 + (i % 4) * 0.3, 0.3, 0.25));
  return out;
}

describe('tensorFeatures', () => {
  it('gives buildFeatures\' inputs to float32 rounding, contact geometry on and off, in a crowd too', () => {
    const frames = [...items.slice(0, 40).map((t) => t.obs), crowdFrame()];
    for (const contactFeatures of [false, true]) {
      const fb = buildFeatures(frames, { contactFeatures });
      const l = layoutFrames(frames);
      expect([l.r, l.n]).toEqual([fb.r, fb.n]);
      expect(Array.from(l.receiverIndex)).toEqual(Array.from(fb.receiverIndex));
      const lt = layoutTensors(l);
      const [objects, pairs] = tf.tidy(() => {
        const rows = l.frames * l.r;
        const f = tensorFeatures(lt, { position: tf.tensor2d(l.position, [rows, 3]), velocity: tf.tensor2d(l.velocity, [rows, 3]) }, contactFeatures);
        return [f.objects.dataSync() as Float32Array, f.pairs.dataSync() as Float32Array];
      });
      disposeLayoutTensors(lt);
      const worst = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, k) => Math.max(m, Math.abs(v - b[k]!)), 0);
      expect(objects!.length).toBe(fb.objects.length);
      expect(pairs!.length).toBe(fb.pairs.length);
      // Positions and velocities are rounded to float32 before they are differenced (half an ulp at
      // 8 m is 4.8e-7), and the contact inputs multiply a difference by 4: measured 2.2e-7 on the
      // object rows, 2.4e-7 on the pairs without contact geometry and 1.7e-6 with it.
      expect(worst(objects!, fb.objects)).toBeLessThan(1e-6);
      expect(worst(pairs!, fb.pairs)).toBeLessThan(contactFeatures ? 5e-6 : 1e-6);
    }
  });
});

describe('rollTensors', () => {
  it('takes the one-step forward pass as its first step and follows the surprise rollout for K steps', () => {
    const usable = items.filter((t) => t.future).slice(0, 24);
    for (const features of [{ contactFeatures: true }, { contactFeatures: false }, { contactFeatures: false, integrator: false }] as FeatureOptions[]) {
      const rb = makeRolloutBatch(usable, K)!;
      const net = learner.network!;
      // Per step, x, y, angle of each receiver row.
      const mine = tf.tidy(() => rollTensors(net, rb, features).map((st) => {
        const p = st.position.dataSync();
        return [0, 1, 2].map((c) => Float32Array.from({ length: p.length / 3 }, (_, q) => p[q * 3 + c]!));
      }));
      const fb = buildFeatures(usable.map((t) => t.obs), features);
      const one = net.predict(fb).mean;
      const integrator = features.integrator !== false;
      // The surprise rollout of the same weights with these switches (fastRollout.ts through rollStarts).
      const surprise = rollout(new LearnedPredictor('same weights', net, features, 0), usable.map((t) => t.obs), K);
      let worstFirst = 0, worstEnd = 0, movedMost = 0;
      for (let q = 0; q < fb.batch * fb.r; q++) {
        const i = fb.receiverIndex[q]!;
        if (i < 0) continue;
        const b = Math.floor(q / fb.r);
        const o = usable[b]!.obs[i]!;
        const vx = integrator ? o.vx + one[q * 3]! * DV_SCALE : one[q * 3]! * DV_SCALE;
        const vy = integrator ? o.vy + one[q * 3 + 1]! * DV_SCALE : one[q * 3 + 1]! * DV_SCALE;
        const w = integrator ? o.angularVelocity + one[q * 3 + 2]! * DW_SCALE : one[q * 3 + 2]! * DW_SCALE;
        worstFirst = Math.max(worstFirst, Math.abs(mine[0]![0]![q]! - (o.x + vx * STEP_S)), Math.abs(mine[0]![1]![q]! - (o.y + vy * STEP_S)), Math.abs(mine[0]![2]![q]! - (o.angle + w * STEP_S)));
        const end = surprise[b]!.state[i]!;
        movedMost = Math.max(movedMost, Math.abs(end.y - (o.y + o.vy * K * STEP_S)));
        worstEnd = Math.max(worstEnd, Math.abs(mine[K - 1]![0]![q]! - end.x), Math.abs(mine[K - 1]![1]![q]! - end.y), Math.abs(mine[K - 1]![2]![q]! - end.angle));
      }
      // Measured: 7.5e-7–8.5e-7 m (rad) after one step, 1.2e-6–1.7e-6 after eight, where the rollouts
      // stray up to 1.45 m from constant velocity: float32 states and TF.js's own sums.
      expect(movedMost).toBeGreaterThan(0.5);
      expect(worstFirst).toBeLessThan(2e-6);
      expect(worstEnd).toBeLessThan(1e-5);
      disposeRolloutBatch(rb);
    }
  });
});

/** One frame of three moving objects over a floor, at step t of a made-up episode. */
function made(t: number, present: string[]): Observation {
  const o = (id: string, x: number): ObjectState => ({ id, kind: 'box', x, y: 1 - 0.01 * t, vx: 0, vy: -0.6, angle: 0.1 * t, angularVelocity: 6, width: 0.3, height: 0.2, isStatic: false });
  return [
    { id: 'floor', kind: 'ground', x: 4, y: 0.15, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 8, height: 0.3, isStatic: true },
    ...['a', 'b', 'c'].filter((id) => present.includes(id)).map((id, k) => o(id, 1 + k + 0.02 * t)),
  ];
}

describe('trueFuture and the rollout batch\'s masks', () => {
  it('masks an object from the step it leaves sight or is held on, for good, and skips a frame without K frames after it', () => {
    const frames = Array.from({ length: 8 }, (_, t) => made(t, t === 3 || t === 4 ? ['a', 'c'] : ['a', 'b', 'c']));
    const held = Array.from({ length: 8 }, (_, u) => new Set(u === 1 ? ['c'] : []));
    const f = trueFuture(frames, 0, 6, held)!;
    expect([f.steps, f.movers]).toEqual([6, 3]);
    const valid = (q: number): boolean[] => Array.from({ length: 6 }, (_, k) => !Number.isNaN(f.values[(k * 3 + q) * 3]!));
    expect(valid(0)).toEqual([true, true, true, true, true, true]);
    expect(valid(1)).toEqual([true, true, false, false, false, false]); // unseen at frames 3 and 4, seen again at 5: still masked
    expect(valid(2)).toEqual([true, false, false, false, false, false]); // held through step 1 → 2
    expect(Array.from(f.values.subarray(0, 3))).toEqual([made(1, ['a'])[1]!.x, made(1, ['a'])[1]!.y, made(1, ['a'])[1]!.angle].map(Math.fround));
    expect(trueFuture(frames, 2, 6, held)).toBeUndefined();
    expect(trueFuture(frames, 1, 6, held)).toBeDefined();
    const tr: Transition = { obs: frames[0]!, dv: new Float32Array(12), future: f };
    const rb = makeRolloutBatch([tr], 6)!;
    expect(rb.scored).toBe(6 + 2 + 1);
    disposeRolloutBatch(rb);
    // An object the one-step loss does not score (its first change unknown) is not rolled out either.
    tr.dv.fill(NaN, 6, 9); // b (frame index 2)
    const without = makeRolloutBatch([tr], 6)!;
    expect(without.scored).toBe(6 + 1);
    disposeRolloutBatch(without);
    expect(makeRolloutBatch([{ obs: frames[0]!, dv: new Float32Array(12) }], 6)).toBeNull();
    expect(makeRolloutBatch([tr], 7)).toBeNull();
  });

  it('mirrors the future with the frame: x about the axis, angle negated', () => {
    const tr = items.find((t) => t.future)!;
    const m = mirrorTransition(tr, 4);
    expect(m.future!.values[0]).toBe(Math.fround(8 - tr.future!.values[0]!));
    expect(m.future!.values[1]).toBe(tr.future!.values[1]);
    expect(m.future!.values[2]).toBe(-tr.future!.values[2]!);
    const plain = items.find((t) => !t.future);
    if (plain) expect(mirrorTransition(plain, 4)).not.toHaveProperty('future');
  });
});

describe('rolloutLoss', () => {
  it('is 0 when the targets are the rollout itself, and not on the true future', () => {
    const rb = makeRolloutBatch(items.filter((t) => t.future), K)!;
    const net = learner.network!;
    const features = { contactFeatures: true };
    const own = tf.tidy(() => tf.concat(rollTensors(net, rb, features).map((st) => st.position), 0));
    const onTruth = tf.tidy(() => rolloutLoss(net, rb, features).dataSync()[0]!);
    rb.target.dispose();
    rb.target = own;
    const onItself = tf.tidy(() => rolloutLoss(net, rb, features).dataSync()[0]!);
    expect(onItself).toBe(0);
    expect(onTruth).toBeGreaterThan(0.01);
    disposeRolloutBatch(rb);
  });

  it('falls as Adam trains a newborn on it (20 steps on 16 rollouts)', () => {
    const rb = makeRolloutBatch(items.filter((t) => t.future).slice(0, 16), K)!;
    const net = InteractionNetwork.create(DEFAULT_SHAPE, 3);
    const features = { contactFeatures: false };
    const optimizer = tf.train.adam(0.003);
    const loss = (): number => tf.tidy(() => rolloutLoss(net, rb, features).dataSync()[0]!);
    const before = loss();
    for (let s = 0; s < 20; s++) tf.tidy(() => { optimizer.minimize(() => rolloutLoss(net, rb, features), false, net.variables); });
    const after = loss();
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.8 * before);
    const tensors = tf.memory().numTensors;
    loss();
    expect(tf.memory().numTensors).toBe(tensors);
    optimizer.dispose();
    net.dispose();
    disposeRolloutBatch(rb);
  });
});

describe('train --rollout-loss', () => {
  it('is recorded in meta.json and the cohort command, changes the weights, and stays reproducible per seed, alone and in a cohort of two threads', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-rollout-loss-'));
    try {
      const base = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--skip-held', '--batch', '32', '--fast-gradient'];
      const args = [...base, '--rollout-loss', '4', '--rollout-batch', '6', '--rollout-weight', '0.5', '--rollout-every', '2'];
      const dir = (name: string): string => join(tmp, name);
      for (const r of [
        await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', dir('cohort')),
        await lab('train', '--seed', '3', ...args, '--out', dir('alone')),
        await lab('train', '--seed', '3', ...args, '--out', dir('again')),
        await lab('train', '--seed', '3', ...base, '--out', dir('plain')),
      ]) expect(r.code, r.stderr).toBe(0);
      const bytes = (d: string): Buffer => readFileSync(join(d, 'learner-300', 'weights.bin'));
      expect(bytes(dir('alone')).equals(bytes(dir('again')))).toBe(true);
      expect(bytes(join(dir('cohort'), 'seed-3')).equals(bytes(dir('alone')))).toBe(true);
      expect(bytes(dir('alone')).equals(bytes(dir('plain')))).toBe(false);
      type Meta = { training?: Record<string, unknown>; command: string };
      const meta = (d: string): Meta => JSON.parse(readFileSync(join(d, 'learner-300', 'meta.json'), 'utf8')) as Meta;
      expect(meta(dir('alone')).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, batch_size: 32, rollout_steps: 4, rollout_batch: 6, rollout_weight: 0.5, rollout_every: 2 });
      expect(meta(dir('plain')).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, batch_size: 32 });
      expect(meta(join(dir('cohort'), 'seed-3')).command).toContain('--batch 32 --rollout-loss 4 --rollout-batch 6 --rollout-weight 0.5 --rollout-every 2 --fast-gradient');
      const listed = await lab('models', '--dir', dir('alone'), '--json');
      expect(listed.stderr).not.toContain('warning');
      expect(listed.stdout).toContain('"learner-300"');
      for (const bad of [['--rollout-loss', '0'], ['--rollout-loss', '61'], ['--rollout-loss', '4', '--rollout-weight', 'heavy'], ['--rollout-batch', '4'], ['--rollout-every', '2']]) {
        const r = await lab('train', '--seed', '3', '--frames', '300', ...bad, '--out', dir('bad'));
        expect(r.code, bad.join(' ')).not.toBe(0);
        expect(r.stderr).toContain('--rollout-');
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 600_000);
});
