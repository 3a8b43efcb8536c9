// Options for the learner without contact geometry: frames where an object starts to tip watched
// more (`train --tip-focus`), a loss weight on objects whose support changes (`--support-weight`) and
// a wider relation MLP (`--relation-width`): what they change, that meta.json records them, that a
// run with them is reproducible per seed (alone or in a cohort), and that without them nothing changes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { transition, watchEpisode } from '../../src/predictor/experience';
import { EDGES_DIET } from '../../src/predictor/namedDiets';
import { disposeBatch, makeBatch } from '../../src/predictor/trainingBatch';
import { objectChangesSupport, objectStartsToTip, startsToTip } from '../../src/predictor/supportFrames';
import { observations, runTrial } from '../../src/experiment/trial';
import { loadRepoScene } from './support/trials';
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
  it('weighs exactly the receivers that start to fall, land or tip by W, every other one by 1, and changes nothing else', () => {
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
      const support = known && (objectChangesSupport(tr, i) || objectStartsToTip(tr, i));
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

describe('tip onsets (--tip-focus)', () => {
  it('catches the box at 15% contact as it starts to tip, which the support-change rule misses', () => {
    const trial = runTrial(loadRepoScene('box-pushed-to-15-percent-contact'), 'possible', undefined, 0);
    const frames = observations(trial);
    const box = frames[0]!.findIndex((o) => o.kind === 'box');
    const tipping: number[] = [], falling: number[] = [];
    for (let t = 0; t + 1 < frames.length; t++) {
      const tr = transition(frames[t]!, frames[t + 1]!);
      if (objectStartsToTip(tr, box)) tipping.push(t);
      if (objectChangesSupport(tr, box)) falling.push(t);
    }
    // Nothing while the hand pushes it along the top; from the release (the scene's onset) four
    // steps in a row, until it turns faster than 0.5 rad/s; none of them a support change. (Later
    // tips are the box rocking on the floor after its fall.)
    const onset = trial.onsetFrame!;
    expect(tipping[0]).toBeGreaterThanOrEqual(onset - 1);
    expect(tipping[0]).toBeLessThanOrEqual(onset + 1);
    const first = tipping[0]!;
    expect(tipping.slice(0, 5)).toEqual([first, first + 1, first + 2, first + 3, tipping[4]]);
    expect(tipping[4]).toBeGreaterThan(first + 10);
    expect(falling.filter((t) => t < first + 10)).toEqual([]);
  });

  it('chooses a share of the watched frames among tip onsets; without the knob the episodes are the same as before', () => {
    const base = { ...EDGES_DIET, edgeRests: 0.2, edgeRestReach: 0.95, skipHeld: true };
    let tips = 0, frames = 0, tipsPlain = 0;
    for (let s = 1; s <= 40; s++) {
      const focused = watchEpisode(createRng(s), { ...base, tipFocus: 1 });
      const plain = watchEpisode(createRng(s), base);
      const zero = watchEpisode(createRng(s), { ...base, tipFocus: 0 });
      expect(JSON.stringify(zero.map((t) => [t.obs, [...t.dv]]))).toBe(JSON.stringify(plain.map((t) => [t.obs, [...t.dv]])));
      frames += focused.length;
      tips += focused.filter(startsToTip).length;
      tipsPlain += plain.filter(startsToTip).length;
    }
    // With the share at 1 every frame of an episode that has a tip onset is one; most episodes have one.
    expect(tips / frames).toBeGreaterThan(0.5);
    expect(tips).toBeGreaterThan(3 * tipsPlain);
  });
});

describe('train --tip-focus, --support-weight, --relation-width', () => {
  it('are recorded in meta.json, model.json and the cohort command, change the weights, and stay reproducible per seed', async () => {
    const base = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--skip-held', '--fast-gradient'];
    const args = [...base, '--tip-focus', '0.2', '--support-weight', '4', '--relation-width', '96'];
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
    expect((meta(alone) as unknown as { diet: Record<string, unknown> }).diet).toMatchObject({ tipFocus: 0.2, skipHeld: true });
    expect((meta(plain) as unknown as { diet: Record<string, unknown> }).diet).not.toHaveProperty('tipFocus');
    expect(meta(weightOnly).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, support_weight: 4 });
    expect(meta(plain)).not.toHaveProperty('training');
    const model = JSON.parse(readFileSync(join(alone, 'learner-300', 'model.json'), 'utf8')) as { architecture: { shape: unknown } };
    expect(model.architecture.shape).toEqual({ relationHidden: 96, effect: 32, objectHidden: 64 });
    expect(meta(join(cohort, 'seed-3')).command).toContain('--skip-held --tip-focus 0.2 --support-weight 4 --relation-width 96 --fast-gradient');
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
    for (const [flag, value] of [['--support-weight', '0'], ['--support-weight', 'heavy'], ['--support-weight', '101'], ['--relation-width', '4'], ['--tip-focus', '2']] as const) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', flag, value, '--out', join(tmp, 'bad'));
      expect(bad.code, `${flag} ${value}`).not.toBe(0);
      expect(bad.stderr).toContain(flag);
    }
  }, 600_000);
});
