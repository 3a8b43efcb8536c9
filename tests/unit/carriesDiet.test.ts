// `train --carries P` (diet knob `carries`): boxes an unseen hand pushes along a platform or lowers
// onto it by the scenes' `carry` action and lets go at an edge, half staying and half tipping off,
// both ways; off, the worlds and the trained weights are exactly those of before; on, reproducible.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIET, generateEpisode } from '../../src/predictor/experience';
import { CARRY_FALL_BEYOND, CARRY_STAY_BEYOND } from '../../src/predictor/carries';
import { recipeDiet, recipeOptions, SHIPPED_RECIPE, STABLE_RECIPE } from '../../src/predictor/trainingRecipe';
import type { ActionSpec, WorldSpec } from '../../src/sim/spec';
import { createRng } from '../../src/sim/rng';
import { Simulation } from '../../src/sim/simulation';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-carries-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Carry = Extract<ActionSpec, { type: 'carry' }>;

/** The episode's carried box, its carry, its release and the platform it is carried to (none: no carry). */
function carryOf(world: WorldSpec) {
  const carry = world.actions.find((a): a is Carry => a.type === 'carry');
  if (!carry) return null;
  const box = world.bodies.find((b) => b.id === carry.body)!;
  const release = world.actions.find((a) => a.type === 'release' && a.body === box.id)!;
  const platform = world.bodies.find((b) => b.kind === 'platform' && Math.abs(b.y + b.height / 2 - (carry.y - box.height / 2)) < 1e-9)!;
  const beyond = (Math.abs(carry.x - platform.x) - platform.width / 2 + box.width / 2) / box.width;
  return { carry, box, release, platform, beyond };
}

describe('carried boxes (--carries)', () => {
  it('carries a box to a platform edge by pushing or lowering, lets go there, and half stay while half tip off, on both sides', () => {
    // The carried box alone on the platforms, so nothing else knocks it (in the full diet another
    // object may be dropped on it or pushed into it, as anything may).
    const diet = { ...DEFAULT_DIET, objects: [0, 0] as [number, number], carries: 1 };
    const episodes = 120;
    let carried = 0, stays = 0, falls = 0, pushes = 0, lowers = 0, rightward = 0;
    for (let s = 1; s <= episodes; s++) {
      const world = generateEpisode(createRng(s), diet);
      const c = carryOf(world);
      if (!c) continue;
      carried++;
      const { carry, box, release, platform, beyond } = c;
      expect(box.kind).toBe('box');
      expect(box.held).toBe(true);
      // Pushed along the top (starts resting on it, level with where it ends) or lowered onto it.
      if (Math.abs(box.y - carry.y) < 1e-9) pushes++;
      else { expect(box.y).toBeGreaterThan(carry.y + 0.29); expect(box.x).toBe(carry.x); lowers++; }
      if (carry.x > platform.x) rightward++;
      const willFall = beyond > 0.5;
      if (willFall) { expect(beyond).toBeGreaterThanOrEqual(CARRY_FALL_BEYOND[0]); expect(beyond).toBeLessThanOrEqual(CARRY_FALL_BEYOND[1]); falls++; }
      else { expect(beyond).toBeGreaterThanOrEqual(CARRY_STAY_BEYOND[0]); expect(beyond).toBeLessThanOrEqual(CARRY_STAY_BEYOND[1]); stays++; }
      // The hand gets there, holds still, and lets go with a second of the episode left.
      const releaseFrame = Math.round(release.at * 60);
      expect(releaseFrame).toBeGreaterThanOrEqual(Math.round((carry.at + carry.duration) * 60));
      expect(releaseFrame + 60).toBeLessThanOrEqual(world.frames);
      const sim = new Simulation(world, 'possible');
      for (let f = 0; f < releaseFrame; f++) sim.step();
      const atRelease = sim.snapshot().bodies.find((b) => b.id === box.id)!;
      expect(Math.abs(atRelease.x - carry.x), `episode ${s}`).toBeLessThan(0.01);
      expect(Math.abs(atRelease.y - carry.y), `episode ${s}`).toBeLessThan(0.01);
      for (let f = 0; f < 60; f++) sim.step();
      const after = sim.snapshot().bodies.find((b) => b.id === box.id)!;
      // Middle beyond the edge: it tips off within the second; middle over the top: it stays put.
      if (willFall) expect(atRelease.y - after.y, `episode ${s} falls`).toBeGreaterThan(0.05);
      else expect(Math.abs(atRelease.y - after.y), `episode ${s} stays`).toBeLessThan(0.01);
    }
    // Some draws find the path taken (another object on the top) and add nothing.
    expect(carried).toBeGreaterThanOrEqual(episodes * 0.6);
    for (const n of [stays, falls, pushes, lowers, rightward, carried - rightward]) expect(n).toBeGreaterThanOrEqual(carried * 0.3);
  });

  it('adds a carry to about the share of episodes asked for, drawn last so the rest of the world is the same; off, the very same worlds', () => {
    let withCarry = 0;
    const episodes = 300;
    for (let s = 1; s <= episodes; s++) {
      const plain = generateEpisode(createRng(s), DEFAULT_DIET);
      expect(JSON.stringify(generateEpisode(createRng(s), { ...DEFAULT_DIET, carries: 0 }))).toBe(JSON.stringify(plain));
      const some = generateEpisode(createRng(s), { ...DEFAULT_DIET, carries: 0.2 });
      const c = carryOf(some);
      if (!c) { expect(JSON.stringify(some)).toBe(JSON.stringify(plain)); continue; }
      withCarry++;
      expect(JSON.stringify({ ...some, bodies: some.bodies.filter((b) => b.id !== c.box.id), actions: some.actions.filter((a) => a.body !== c.box.id) }))
        .toBe(JSON.stringify(plain));
    }
    // 0.2 of 300 is 60 drawn (binomial sd 7); some find their path taken (43 of 300 carried when written).
    expect(withCarry).toBeGreaterThan(35);
    expect(withCarry).toBeLessThan(80);
    // The shipped and --stable recipes have no carries, and the shipped one sets no diet at all.
    expect(recipeDiet(STABLE_RECIPE)).not.toHaveProperty('carries');
    expect(recipeOptions(SHIPPED_RECIPE)).not.toHaveProperty('diet');
    expect(recipeDiet({ ...STABLE_RECIPE, carries: 0.2 }).carries).toBe(0.2);
  });
});

describe('train --carries', () => {
  it('is reproducible per seed, alone or in a cohort, changes the weights, and is recorded in meta.json and the command', async () => {
    const args = ['--frames', '300', '--checkpoints', '300', '--stable', '--overhangs', '--low-drops', '0.15'];
    const cohort = join(tmp, 'cohort');
    const alone = join(tmp, 'alone');
    const without = join(tmp, 'without');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '1', ...args, '--carries', '0.2', '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--carries', '0.2', '--out', alone),
      await lab('train', '--seed', '3', ...args, '--out', without),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(without))).toBe(false);
    const meta = (dir: string) => JSON.parse(readFileSync(join(dir, 'learner-300', 'meta.json'), 'utf8')) as { diet: Record<string, unknown>; command: string };
    expect(meta(alone).diet).toMatchObject({ edgeRestReach: 0.95, lowDrops: 0.15, carries: 0.2 });
    expect(meta(without).diet).not.toHaveProperty('carries');
    expect(meta(join(cohort, 'seed-3')).command).toContain('--overhangs --low-drops 0.15 --carries 0.2');
    const bad = await lab('train', '--seed', '3', '--frames', '300', '--carries', '1.5', '--out', join(tmp, 'bad'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--carries');
  }, 600_000);
});
