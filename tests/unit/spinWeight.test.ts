// The loss weight of the change of spin (`train --spin-weight`, shipped 0.2 beside the velocity's
// 1): that it weighs the spin channel alone, that the shipped value leaves the loss exactly as it
// was, and that a run with it is recorded in meta.json and reproducible per seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { watchEpisode, type Transition } from '../../src/predictor/experience';
import { EDGES_DIET } from '../../src/predictor/namedDiets';
import { batchLoss, disposeBatch, makeBatch, SHIPPED_SPIN_WEIGHT } from '../../src/predictor/trainingBatch';
import { DEFAULT_SHAPE, InteractionNetwork } from '../../src/predictor/network';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-spin-weight-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

const RAW = { contactFeatures: false };

describe('batchLoss with a spin weight', () => {
  it('is the shipped loss to the bit at 0.2, and moves with the weight as the spin channel alone does', () => {
    const rng = createRng(5);
    const items: Transition[] = [];
    while (items.length < 300) items.push(...watchEpisode(rng, EDGES_DIET));
    const net = InteractionNetwork.create(DEFAULT_SHAPE, 7);
    const loss = (w?: number): number => {
      const tb = w === undefined ? makeBatch(items, RAW, null, 0) : makeBatch(items, RAW, null, 0, 1, w);
      const value = tf.tidy(() => batchLoss(net, tb).dataSync()[0]!);
      disposeBatch(tb);
      return value;
    };
    expect(SHIPPED_SPIN_WEIGHT).toBe(0.2);
    expect(loss(0.2)).toBe(loss());
    // The loss is (velocity part + w × spin part) / receivers: affine in w (to float32 rounding of
    // a loss summed in another order, about 1e-5 here).
    const spinPart = loss(0.4) - loss(0.2);
    expect(spinPart).toBeGreaterThan(0.001);
    expect((loss(1) - loss(0.2)) / spinPart).toBeCloseTo(4, 1);
    net.dispose();
  });
});

describe('train --spin-weight', () => {
  it('is recorded in meta.json and the cohort command, changes the weights, and stays reproducible per seed', async () => {
    const base = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--skip-held', '--fast-gradient'];
    const args = [...base, '--spin-weight', '1'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const again = join(tmp, 'again');
    const plain = join(tmp, 'plain');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '1', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', again),
      await lab('train', '--seed', '3', ...base, '--out', plain),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(alone).equals(bytes(again))).toBe(true);
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(plain))).toBe(false);
    type Meta = { training?: Record<string, unknown>; command: string };
    const meta = (dir: string): Meta => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8')) as Meta;
    expect(meta(alone).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, spin_weight: 1 });
    expect(meta(plain)).not.toHaveProperty('training');
    expect(meta(join(cohort, 'seed-3')).command).toContain('--skip-held --spin-weight 1 --fast-gradient');
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    expect(listed.stdout).toContain('"learner-300"');
    for (const value of ['0', 'heavy', '101']) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', '--spin-weight', value, '--out', join(tmp, 'bad'));
      expect(bad.code, value).not.toBe(0);
      expect(bad.stderr).toContain('--spin-weight');
    }
  }, 600_000);
});
