// The training options beyond the shipped defaults do what they claim, with real TF.js on a tiny
// budget: the weight average (EMA) only looks on and holds the average, the learning-rate decay
// shrinks the steps by its factor, the mirror shows half the episodes reflected, short drops put low
// steps and lower shelves in the world; and a run with them is reproducible per seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { Trainer, type TrainOptions } from '../../src/predictor/trainer';
import { DEFAULT_DIET, generateEpisode, watchEpisode, type Transition } from '../../src/predictor/experience';
import { mirrorTransition } from '../../src/predictor/mirror';
import { recipeDiet, SHIPPED_RECIPE } from '../../src/predictor/trainingRecipe';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';
import { platformRests } from './support/edgeRests';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-options-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

const TINY: TrainOptions = { frames: 256, checkpoints: [256], seed: 5, chunkFrames: 128, batchSize: 32, validationFrames: 64 };

/** Runs a trainer to its end, calling `afterStep` with the raw network's weights after every gradient step. */
function runTrainer(t: Trainer, afterStep?: (weights: Float32Array) => void): void {
  let steps = t.gradientSteps;
  while (!t.done) {
    t.work();
    if (t.gradientSteps !== steps) {
      steps = t.gradientSteps;
      afterStep?.(t.network.flatWeights());
    }
  }
}

describe('weight averaging (--ema)', () => {
  it('leaves training untouched and hands checkpoints the running average of the weights', () => {
    const plain = new Trainer(TINY);
    const averaged = new Trainer({ ...TINY, emaDecay: 0.9 });
    // The average, recomputed from the raw weights after each step in float32 as TF.js does it.
    let mirror = averaged.network.flatWeights();
    let updates = 0;
    runTrainer(plain);
    runTrainer(averaged, (w) => {
      const d = Math.min(0.9, (1 + updates) / (10 + updates));
      updates++;
      const fd = Math.fround(d), f1d = Math.fround(1 - d);
      mirror = mirror.map((a, k) => Math.fround(Math.fround(a * fd) + Math.fround(w[k]! * f1d)));
    });
    expect(updates).toBe(averaged.gradientSteps);
    expect(updates).toBeGreaterThan(10);
    // Training itself is the same run: the raw weights agree to the bit.
    expect(Buffer.from(averaged.network.flatWeights().buffer).equals(Buffer.from(plain.network.flatWeights().buffer))).toBe(true);
    // The checkpoint holds the average, not the raw weights.
    const held = averaged.checkpointEvent(256).network.flatWeights();
    const raw = averaged.network.flatWeights();
    let offRaw = 0, offAverage = 0;
    held.forEach((v, k) => {
      offRaw = Math.max(offRaw, Math.abs(v - raw[k]!));
      offAverage = Math.max(offAverage, Math.abs(v - mirror[k]!));
    });
    expect(offRaw).toBeGreaterThan(1e-3);
    expect(offAverage).toBeLessThan(1e-6);
    expect(plain.checkpointEvent(256).network).toBe(plain.network);
    plain.dispose();
    averaged.dispose();
  }, 300_000);
});

describe('learning-rate decay (--lr-decay)', () => {
  it('divides the first Adam step by sqrt(1 + frames watched / N)', () => {
    // Adam's first step moves each weight by about the learning rate (m̂/√v̂ = ±1), so the step's
    // size is the rate itself: after 128 frames with N = 8, a 17th.
    const first = (o: TrainOptions): number => {
      const t = new Trainer({ ...o, frames: 128, checkpoints: [128] });
      const before = t.network.flatWeights();
      let change = 0;
      while (t.gradientSteps === 0) t.work();
      t.network.flatWeights().forEach((v, k) => { change = Math.max(change, Math.abs(v - before[k]!)); });
      t.dispose();
      return change;
    };
    const constant = first(TINY);
    const decayed = first({ ...TINY, learningRateDecayFrames: 8 });
    expect(constant).toBeGreaterThan(5e-4);
    expect(decayed / constant).toBeCloseTo(1 / Math.sqrt(17), 3);
  }, 300_000);
});

/** Whether two transitions hold the same objects, states and changes. */
function same(a: Transition, b: Transition): boolean {
  return JSON.stringify(a.obs) === JSON.stringify(b.obs) && Buffer.from(a.dv.buffer).equals(Buffer.from(b.dv.buffer));
}

describe('the mirrored diet (--mirror)', () => {
  it('reflects a transition left–right: positions about the axis, vx, angle, spin and their changes flip; twice is the identity', () => {
    const tr = watchEpisode(createRng(3), DEFAULT_DIET).find((t) => t.obs.some((o) => !o.isStatic && o.vx !== 0))!;
    const m = mirrorTransition(tr, 4);
    tr.obs.forEach((o, i) => {
      const r = m.obs[i]!;
      expect([r.id, r.kind, r.y, r.vy, r.width, r.height, r.isStatic]).toEqual([o.id, o.kind, o.y, o.vy, o.width, o.height, o.isStatic]);
      expect(r.x).toBeCloseTo(8 - o.x, 12);
      expect(r.vx).toBe(-o.vx);
      expect(r.angle).toBe(-o.angle);
      expect(r.angularVelocity).toBe(-o.angularVelocity);
      for (const c of [0, 2]) expect(Object.is(m.dv[i * 3 + c], -tr.dv[i * 3 + c]!) || (Number.isNaN(m.dv[i * 3 + c]) && Number.isNaN(tr.dv[i * 3 + c]))).toBe(true);
      expect(Object.is(m.dv[i * 3 + 1], tr.dv[i * 3 + 1]!) || Number.isNaN(tr.dv[i * 3 + 1])).toBe(true);
    });
    const back = mirrorTransition(m, 4);
    back.obs.forEach((o, i) => expect(o.x).toBeCloseTo(tr.obs[i]!.x, 12));
    expect(Buffer.from(back.dv.buffer).equals(Buffer.from(tr.dv.buffer))).toBe(true);
  });

  it('shows each episode as it was or in the mirror, about half of them mirrored', () => {
    const diet = recipeDiet({ ...SHIPPED_RECIPE, mirror: true });
    expect(diet.mirror).toBe(0.5);
    let mirrored = 0;
    const episodes = 60;
    for (let s = 1; s <= episodes; s++) {
      // The coin is drawn after the episode, so the same seed plays the same episode either way.
      const asIs = watchEpisode(createRng(s), DEFAULT_DIET);
      const seen = watchEpisode(createRng(s), diet);
      expect(seen.length).toBe(asIs.length);
      const plain = seen.every((t, k) => same(t, asIs[k]!));
      const reflected = seen.every((t, k) => same(t, mirrorTransition(asIs[k]!, 4)));
      expect(plain !== reflected, `episode ${s}`).toBe(true);
      if (reflected) mirrored++;
    }
    // 60 fair coins: 18 to 42 heads holds with probability 0.999.
    expect(mirrored).toBeGreaterThanOrEqual(18);
    expect(mirrored).toBeLessThanOrEqual(42);
  });
});

describe('short drops (--short-drops)', () => {
  it('puts a low step (0.1–0.35 m) and a lower shelf a short drop below a platform into the world', () => {
    const steps = { ...DEFAULT_DIET, lowSteps: 1 };
    const shelves = { ...DEFAULT_DIET, lowerShelves: 1 };
    let shelvesFound = 0;
    for (let s = 1; s <= 40; s++) {
      const first = generateEpisode(createRng(s), steps).bodies.find((b) => b.id === 'platform1')!;
      expect(first.height).toBeGreaterThanOrEqual(0.1);
      expect(first.height).toBeLessThanOrEqual(0.35);
      const world = generateEpisode(createRng(s), shelves);
      const shelf = world.bodies.find((b) => b.id === 'shelf');
      if (!shelf) continue;
      shelvesFound++;
      const p = world.bodies.find((b) => b.id === 'platform1')!;
      const drop = (p.y + p.height / 2) - (shelf.y + shelf.height / 2);
      expect(drop).toBeGreaterThanOrEqual(0.1 - 1e-9);
      expect(drop).toBeLessThanOrEqual(0.35 + 1e-9);
      // Side by side: the shelf starts where the platform ends.
      const gap = Math.min(Math.abs((shelf.x - shelf.width / 2) - (p.x + p.width / 2)), Math.abs((p.x - p.width / 2) - (shelf.x + shelf.width / 2)));
      expect(gap).toBeLessThan(1e-9);
    }
    expect(shelvesFound).toBeGreaterThan(20);
    // Without the knobs nothing changes: no shelf, and the same world as the default diet draws.
    const plain = generateEpisode(createRng(7), DEFAULT_DIET);
    expect(plain.bodies.some((b) => b.id === 'shelf')).toBe(false);
    expect(JSON.stringify(generateEpisode(createRng(7), { ...DEFAULT_DIET, lowSteps: 0, lowerShelves: 0, mirror: 0 }))).toBe(JSON.stringify(plain));
  });
});

describe('edge rests (--edge-rests)', () => {
  it('sets objects down straddling a platform edge and leaves them alone: middle over the platform stays, beyond it tips off', () => {
    const diet = { ...DEFAULT_DIET, edgeRests: 1, drops: 0, tosses: 0, collisions: 0 };
    let stayed = 0, tipped = 0;
    for (const { seed: s, world, object: o, platform: p, drop } of platformRests(diet, 80)) {
      const edge = o.x > p.x ? p.x + p.width / 2 : p.x - p.width / 2;
      // Straddling: the edge lies under the object (or at its side), never a push on it.
      expect(Math.abs(o.x - edge)).toBeLessThanOrEqual(o.width / 2 + 1e-9);
      expect(world.actions.some((a) => a.body === o.id)).toBe(false);
      const dropped = drop > 0.05;
      const middleOver = Math.abs(o.x - p.x) < p.width / 2 - 0.02;
      const middleBeyond = Math.abs(o.x - p.x) > p.width / 2 + 0.02;
      if (middleOver && o.kind === 'box') { expect(dropped, `episode ${s} ${o.id}`).toBe(false); stayed++; }
      if (middleBeyond && o.kind === 'box') { expect(dropped, `episode ${s} ${o.id}`).toBe(true); tipped++; }
    }
    expect(stayed).toBeGreaterThanOrEqual(5);
    expect(tipped).toBeGreaterThanOrEqual(5);
  });
});

describe('train --stable', () => {
  it('is reproducible per seed, alone or in a cohort, and records its diet and flags in meta.json', async () => {
    const args = ['--frames', '300', '--checkpoints', '300', '--stable'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const plain = join(tmp, 'plain');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', '--frames', '300', '--checkpoints', '300', '--out', plain),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(plain))).toBe(false);
    const meta = JSON.parse(readFileSync(join(alone, 'learner-300', 'meta.json'), 'utf8')) as { diet: Record<string, unknown>; training: unknown };
    expect(meta.diet).toMatchObject({ mirror: 0.5, lowSteps: 0.25, lowerShelves: 0.25, edgeRests: 0.2 });
    expect(meta.training).toEqual({ ema_decay: 0.99, lr_decay_frames: 0 });
    expect(JSON.parse(readFileSync(join(plain, 'learner-300', 'meta.json'), 'utf8'))).not.toHaveProperty('training');
    // The checkpoint loads (meta.json passes the schema).
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    expect(listed.stdout).toContain('"learner-300"');
    // A cohort's seed records the one-seed command that gives the same weights, options spelled out.
    const cohortMeta = JSON.parse(readFileSync(join(cohort, 'seed-3', 'learner-300', 'meta.json'), 'utf8')) as { command: string };
    expect(cohortMeta.command).toContain('--ema 0.99 --mirror --short-drops --edge-rests');
    const bad = await lab('train', '--seed', '3', '--frames', '300', '--ema', '1.5', '--out', join(tmp, 'bad'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--ema');
  }, 600_000);
});

describe('train --fast-gradient', () => {
  it('trains with plainMatMul\'s gradient: other bits than the default, the same alone or in a cohort, recorded in meta.json and the command', async () => {
    const args = ['--frames', '300', '--checkpoints', '300'];
    const cohort = join(tmp, 'fg-cohort');
    const alone = join(tmp, 'fg-alone');
    const usual = join(tmp, 'fg-usual');
    for (const r of [
      await lab('train', '--seeds', '4', ...args, '--fast-gradient', '--out', cohort),
      await lab('train', '--seed', '4', ...args, '--fast-gradient', '--out', alone),
      await lab('train', '--seed', '4', ...args, '--out', usual),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(join(cohort, 'seed-4')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(usual))).toBe(false);
    const meta = (dir: string) => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8')) as { matmul_gradient: string; command: string };
    expect(meta(alone).matmul_gradient).toBe('plain');
    expect(meta(usual).matmul_gradient).toBe('transposed');
    expect(meta(join(cohort, 'seed-4')).command).toContain(' --fast-gradient --out ');
  }, 600_000);
});

describe('train --replay, --lr, --batch, --skip-held, --support-focus', () => {
  it('are recorded in meta.json and the cohort command, change the weights, and stay reproducible per seed', async () => {
    const args = ['--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--replay', '2', '--lr', '0.003', '--batch', '64', '--skip-held', '--support-focus', '0.3'];
    const cohort = join(tmp, 'optim-cohort');
    const alone = join(tmp, 'optim-alone');
    const again = join(tmp, 'optim-again');
    const plain = join(tmp, 'optim-plain');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', again),
      await lab('train', '--seed', '3', '--frames', '300', '--checkpoints', '300', '--core', 'no-contact-geometry', '--diet', 'edges', '--out', plain),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(alone).equals(bytes(again))).toBe(true);
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(plain))).toBe(false);
    const meta = (dir: string): { training?: unknown; diet: Record<string, unknown>; gradient_steps: number; command: string } => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8'));
    expect(meta(alone).training).toEqual({ ema_decay: 0, lr_decay_frames: 0, replay: 2, learning_rate: 0.003, batch_size: 64 });
    expect(meta(alone).diet).toMatchObject({ skipHeld: true, supportFocus: 0.3, lowDrops: 0.3 });
    expect(meta(plain).diet).not.toHaveProperty('skipHeld');
    expect(meta(plain).diet).not.toHaveProperty('supportFocus');
    expect(meta(plain)).not.toHaveProperty('training');
    // 300 frames in one chunk, used twice in batches of 64: round(2 · 300 / 64) = 9 steps (the plain run: round(4 · 300 / 128) = 9 too).
    expect(meta(alone).gradient_steps).toBe(9);
    expect(meta(join(cohort, 'seed-3')).command).toContain('--replay 2 --core object-files,integrator --diet edges --skip-held --support-focus 0.3 --lr 0.003 --batch 64');
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    expect(listed.stdout).toContain('"learner-300"');
    for (const [flag, value] of [['--lr', '0'], ['--lr', 'fast'], ['--batch', '3'], ['--support-focus', '1.5']] as const) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', flag, value, '--out', join(tmp, 'bad-optim'));
      expect(bad.code, `${flag} ${value}`).not.toBe(0);
      expect(bad.stderr).toContain(flag);
    }
  }, 600_000);
});
