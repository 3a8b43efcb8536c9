// The loss weight on frames where support changes (`train --support-weight`) and the wider relation
// MLP (`train --relation-width`): what they change, that meta.json records them, that a run with
// them is reproducible per seed (alone or in a cohort), and that without them nothing changes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { watchEpisode } from '../../src/predictor/experience';
import { EDGES_DIET } from '../../src/predictor/namedDiets';
import { disposeBatch, makeBatch } from '../../src/predictor/trainingBatch';
import { objectChangesSupport } from '../../src/predictor/supportFrames';
import { buildFeatures } from '../../src/predictor/features';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';
import { predictorFromCheckpoint } from '../../src/predictor/checkpointPredictor';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-support-weight-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

const RAW = { contactFeatures: false };

describe('makeBatch with a support weight', () => {
  it('weighs exactly the receivers that start to fall or land by W, every other one by 1, and changes nothing else', () => {
    const rng = createRng(11);
    const items = [];
    while (items.length < 400) items.push(...watchEpisode(rng, EDGES_DIET));
    const plain = makeBatch(items, RAW, null, 0);
    const weighted = makeBatch(items, RAW, null, 0, 5);
    const one = makeBatch(items, RAW, null, 0, 1);
    const w0 = plain.weight.dataSync(), w5 = weighted.weight.dataSync(), w1 = one.weight.dataSync();
    // The receivers, as makeBatch lays them out (dynamic objects in frame order, padded).
    const { receiverIndex, r } = buildFeatures(items.map((t) => t.obs), RAW);
    let changed = 0, kept = 0;
    for (let k = 0; k < w0.length; k++) {
      const i = receiverIndex[k]!;
      const tr = items[Math.floor(k / r)]!;
      const known = i >= 0 && !Number.isNaN(tr.dv[i * 3]!);
      expect(w0[k]).toBe(known ? 1 : 0);
      expect(w1[k]).toBe(w0[k]);
      const support = known && objectChangesSupport(tr, i);
      expect(w5[k], `receiver ${k}`).toBe(support ? 5 : w0[k]);
      if (support) changed++; else if (known) kept++;
    }
    // The edges diet has both kinds in 400 frames (a falling or landing object is a few % of them).
    expect(changed).toBeGreaterThan(3);
    expect(kept).toBeGreaterThan(changed);
    for (const [a, b] of [[plain.objects, weighted.objects], [plain.pairs, weighted.pairs], [plain.target, weighted.target]] as const) {
      expect(Buffer.from(a.dataSync().buffer).equals(Buffer.from(b.dataSync().buffer))).toBe(true);
    }
    for (const tb of [plain, weighted, one]) disposeBatch(tb);
  });
});

describe('train --support-weight, --relation-width', () => {
  it('are recorded in meta.json, model.json and the cohort command, change the weights, and stay reproducible per seed', async () => {
    const base = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--skip-held', '--fast-gradient'];
    const args = [...base, '--support-weight', '4', '--relation-width', '96'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const again = join(tmp, 'again');
    const plain = join(tmp, 'plain');
    const weightOnly = join(tmp, 'weight-only');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', again),
      await lab('train', '--seed', '3', ...base, '--out', plain),
      await lab('train', '--seed', '3', ...base, '--support-weight', '4', '--out', weightOnly),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(alone).equals(bytes(again))).toBe(true);
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    // The weight alone changes the steps (same shape, other bits); the width changes the shape.
    expect(bytes(weightOnly).length).toBe(bytes(plain).length);
    expect(bytes(weightOnly).equals(bytes(plain))).toBe(false);
    expect(bytes(alone).length).toBeGreaterThan(bytes(plain).length);
    type Meta = { training?: Record<string, unknown>; command: string };
    const meta = (dir: string): Meta => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8')) as Meta;
    expect(meta(alone).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, support_weight: 4, relation_width: 96 });
    expect(meta(weightOnly).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, support_weight: 4 });
    expect(meta(plain)).not.toHaveProperty('training');
    const model = JSON.parse(readFileSync(join(alone, 'learner-300', 'model.json'), 'utf8')) as { architecture: { shape: unknown } };
    expect(model.architecture.shape).toEqual({ relationHidden: 96, effect: 32, objectHidden: 64 });
    expect(meta(join(cohort, 'seed-3')).command).toContain('--skip-held --support-weight 4 --relation-width 96 --fast-gradient');
    // The checkpoints load (meta.json passes the schema), and the wider network's fast forward pass
    // (fastNetwork.ts, used for every prediction) agrees with TF.js's as for the shipped shape.
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    expect(listed.stdout).toContain('"learner-300"');
    const dir = join(alone, 'learner-300');
    const learner = predictorFromCheckpoint({ modelJson: readFileSync(join(dir, 'model.json'), 'utf8'), weights: new Uint8Array(readFileSync(join(dir, 'weights.bin'))), metaJson: readFileSync(join(dir, 'meta.json'), 'utf8') }, dir, 'wide');
    const frames = watchEpisode(createRng(4), EDGES_DIET).map((t) => t.obs);
    const fast = learner.predict(frames);
    const viaTf = learner.predictWithTf(frames);
    let worst = 0;
    fast.mean.forEach((v, k) => { worst = Math.max(worst, Math.abs(v - viaTf.mean[k]!)); });
    expect(worst).toBeLessThan(4e-6);
    expect(fast.mean.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    for (const [flag, value] of [['--support-weight', '0'], ['--support-weight', 'heavy'], ['--support-weight', '101'], ['--relation-width', '4']] as const) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', flag, value, '--out', join(tmp, 'bad'));
      expect(bad.code, `${flag} ${value}`).not.toBe(0);
      expect(bad.stderr).toContain(flag);
    }
  }, 600_000);
});
