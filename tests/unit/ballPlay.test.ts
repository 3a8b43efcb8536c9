// The ball-play diet option (train --ball-play P, src/predictor/ballPlay.ts) does what it claims on
// the real simulator: balls that keep rolling, launches, tosses over, side walls, thin shelves; off,
// the default diet plays exactly the episodes it did; a run with it is reproducible per seed. And
// --frictionless-balls makes every ball of the diet slide, changing nothing else.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { DEFAULT_DIET, generateEpisode, watchEpisode } from '../../src/predictor/experience';
import { recipeDiet, SHIPPED_RECIPE } from '../../src/predictor/trainingRecipe';
import { createRng } from '../../src/sim/rng';
import { Simulation } from '../../src/sim/simulation';
import type { BodyState } from '../../src/sim/snapshot';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-ball-play-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

const PLAY = { ...DEFAULT_DIET, ballPlay: 1 };
const gap = (a: BodyState, b: BodyState): number => Math.max(Math.abs(a.x - b.x) - (a.width + b.width) / 2, Math.abs(a.y - b.y) - (a.height + b.height) / 2);

describe('ball play (--ball-play)', () => {
  it('builds worlds of balls only, most of them frictionless, with side walls in about half and thin shelves in the air', () => {
    let balls = 0, frictionless = 0, walled = 0, shelves = 0;
    const episodes = 80;
    for (let s = 1; s <= episodes; s++) {
      const world = generateEpisode(createRng(s), PLAY);
      const moving = world.bodies.filter((b) => !b.isStatic);
      expect(moving.length).toBeGreaterThanOrEqual(1);
      expect(moving.every((b) => b.kind === 'ball'), `episode ${s}`).toBe(true);
      balls += moving.length;
      frictionless += moving.filter((b) => b.friction === 0).length;
      const walls = world.bodies.filter((b) => b.kind === 'wall');
      if (walls.length > 0) {
        walled++;
        expect(walls.length).toBe(2);
        // Every ball starts between the walls.
        for (const b of moving) expect(b.x > walls[0]!.x && b.x < walls[1]!.x, `episode ${s} ${b.id}`).toBe(true);
      }
      const shelf = world.bodies.find((b) => b.id === 'shelf');
      if (shelf) {
        shelves++;
        expect(shelf.height).toBeLessThanOrEqual(0.12 + 1e-9);
        // In the air, clear of the floor (top 0.3 m) by at least its own height.
        expect(shelf.y - shelf.height / 2).toBeGreaterThan(0.3 + 0.3);
      }
    }
    expect(frictionless / balls).toBeGreaterThan(0.65);
    expect(frictionless / balls).toBeLessThan(0.95);
    // 80 fair-ish coins (walls 0.5, shelves 0.4 tried, some do not fit): wide bounds.
    expect(walled).toBeGreaterThanOrEqual(25);
    expect(walled).toBeLessThanOrEqual(55);
    expect(shelves).toBeGreaterThanOrEqual(10);
  });

  it('plays launches (a resting ball set moving by the one that hits it), frictionless rolls that keep their speed, and bounces off the side walls', () => {
    let launches = 0, wallBounces = 0;
    const speedLoss: number[] = [];
    for (let s = 1; s <= 40; s++) {
      const world = generateEpisode(createRng(s), PLAY);
      const pushed = new Set(world.actions.map((a) => a.body));
      const frictionless = new Set(world.bodies.filter((b) => !b.isStatic && b.friction === 0).map((b) => b.id));
      const sim = new Simulation(world, 'possible');
      let before = sim.snapshot().bodies;
      for (let f = 0; f < world.frames; f++) {
        sim.step();
        const now = sim.snapshot().bodies;
        for (const b of now) {
          const was = before.find((q) => q.id === b.id)!;
          if (b.isStatic) continue;
          const others = before.filter((q) => q.id !== b.id);
          // A launch: at rest, never pushed by a hand, set moving while another ball touches it.
          if (!pushed.has(b.id) && Math.hypot(was.vx, was.vy) < 0.02 && Math.abs(b.vx) > 0.2
            && others.some((q) => q.kind === 'ball' && gap(q, was) < 0.05 && Math.abs(q.vx) > 0.2)) launches++;
          // Bounced back off a side wall.
          if (Math.sign(b.vx) === -Math.sign(was.vx) && Math.abs(was.vx) > 0.2 && others.some((q) => q.kind === 'wall' && gap(q, was) < 0.1)) wallBounces++;
          // Rolling on the floor, nothing else near: a frictionless ball keeps its speed.
          if (frictionless.has(b.id) && Math.abs(was.vx) > 0.3 && Math.abs(was.vy) < 0.01 && Math.abs(b.vy) < 0.01 && was.y < 0.3 + 0.31
            && others.every((q) => q.kind === 'ground' || gap(q, was) > 0.2)) speedLoss.push((Math.abs(was.vx) - Math.abs(b.vx)) * 60);
        }
        before = now;
      }
    }
    expect(launches).toBeGreaterThanOrEqual(5);
    expect(wallBounces).toBeGreaterThanOrEqual(3);
    expect(speedLoss.length).toBeGreaterThan(500);
    // Deceleration in m/s²: none to speak of (a third of the default diet's free-rolling ball frames lose more than 1 m/s², docs/development.md).
    const sorted = speedLoss.sort((a, b) => a - b);
    expect(Math.abs(sorted[Math.floor(sorted.length / 2)]!)).toBeLessThan(0.01);
    expect(sorted[Math.floor(sorted.length * 0.95)]!).toBeLessThan(0.05);
  });

  it('is off by default and draws no random numbers when off: the default diet plays exactly the episodes it did', () => {
    expect(DEFAULT_DIET).not.toHaveProperty('ballPlay');
    expect(recipeDiet(SHIPPED_RECIPE)).not.toHaveProperty('ballPlay');
    expect(recipeDiet({ ...SHIPPED_RECIPE, ballPlay: 0.3 }).ballPlay).toBe(0.3);
    for (const s of [1, 4, 11]) {
      const plain = JSON.stringify(generateEpisode(createRng(s), DEFAULT_DIET));
      expect(JSON.stringify(generateEpisode(createRng(s), { ...DEFAULT_DIET, ballPlay: 0 }))).toBe(plain);
      const seen = watchEpisode(createRng(s), { ...DEFAULT_DIET, ballPlay: 0 });
      const asIs = watchEpisode(createRng(s), DEFAULT_DIET);
      expect(seen.map((t) => JSON.stringify(t.obs) + Buffer.from(t.dv.buffer).toString('hex'))).toEqual(asIs.map((t) => JSON.stringify(t.obs) + Buffer.from(t.dv.buffer).toString('hex')));
    }
    // On, about the share asked for is ball play (one coin per episode, drawn first).
    const share = Array.from({ length: 100 }, (_, k) => generateEpisode(createRng(k + 1), { ...DEFAULT_DIET, ballPlay: 0.3 }))
      .filter((w) => w.bodies.some((b) => b.id === 'ball1')).length;
    expect(share).toBeGreaterThanOrEqual(15);
    expect(share).toBeLessThanOrEqual(45);
  });

  it('--frictionless-balls sets every ball\'s friction to 0, in ball play and in the default episodes, and changes nothing else', () => {
    let balls = 0;
    for (let s = 1; s <= 60; s++) {
      const diet = { ...DEFAULT_DIET, ballPlay: 0.3 };
      const smooth = generateEpisode(createRng(s), { ...diet, frictionlessBalls: true });
      const usual = generateEpisode(createRng(s), diet);
      for (const b of smooth.bodies) if (b.kind === 'ball') { balls++; expect(b.friction).toBe(0); }
      // Friction is drawn all the same, so everything but the balls' friction is as without the knob.
      const rest = (w: typeof usual): string => JSON.stringify({ ...w, bodies: w.bodies.map((b) => ({ ...b, friction: b.kind === 'ball' ? 0 : b.friction })) });
      expect(rest(smooth)).toBe(rest(usual));
    }
    expect(balls).toBeGreaterThan(30);
    expect(recipeDiet({ ...SHIPPED_RECIPE, frictionlessBalls: true }).frictionlessBalls).toBe(true);
    expect(recipeDiet(SHIPPED_RECIPE)).not.toHaveProperty('frictionlessBalls');
  });

  it('train --ball-play is reproducible per seed, alone or in a cohort, and records its knob in meta.json and the command', async () => {
    const args = ['--frames', '300', '--checkpoints', '300', '--ball-play', '0.3'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const again = join(tmp, 'again');
    const plain = join(tmp, 'plain');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', again),
      await lab('train', '--seed', '3', '--frames', '300', '--checkpoints', '300', '--out', plain),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(alone).equals(bytes(again))).toBe(true);
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(plain))).toBe(false);
    const meta = (dir: string): { diet: Record<string, unknown>; command: string; training?: unknown } => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8'));
    expect(meta(alone).diet).toMatchObject({ ballPlay: 0.3 });
    expect(meta(alone)).not.toHaveProperty('training');
    expect(meta(plain).diet).not.toHaveProperty('ballPlay');
    expect(meta(join(cohort, 'seed-3')).command).toContain(' --ball-play 0.3 --out ');
    const listed = await lab('models', '--dir', alone, '--json');
    expect(listed.stderr).not.toContain('warning');
    // As a one-seed cohort, so that meta.json's command spells out the flags.
    const smooth = join(tmp, 'smooth', 'seed-3');
    const r = await lab('train', '--seeds', '3', '--jobs', '1', ...args, '--frictionless-balls', '--out', join(tmp, 'smooth'));
    expect(r.code, r.stderr).toBe(0);
    expect(meta(smooth).diet).toMatchObject({ ballPlay: 0.3, frictionlessBalls: true });
    expect(meta(smooth).command).toContain('--ball-play 0.3 --frictionless-balls');
    expect(bytes(smooth).equals(bytes(alone))).toBe(false);
    expect(meta(alone).diet).not.toHaveProperty('frictionlessBalls');
    for (const value of ['1.5', 'lots']) {
      const bad = await lab('train', '--seed', '3', '--frames', '300', '--ball-play', value, '--out', join(tmp, 'bad'));
      expect(bad.code, value).not.toBe(0);
      expect(bad.stderr).toContain('--ball-play');
    }
  }, 600_000);
});
