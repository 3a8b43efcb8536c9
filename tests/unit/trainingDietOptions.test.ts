// The diet options for support beyond the shipped defaults do what they claim (split from
// trainingOptions.test.ts): held steps unlearned, frames focused on support changes, edge rests
// reaching far over an edge, low drops; and a run with them is reproducible per seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { changesSupport, DEFAULT_DIET, generateEpisode, watchEpisode, type Transition } from '../../src/predictor/experience';
import { recipeDiet, SHIPPED_RECIPE } from '../../src/predictor/trainingRecipe';
import { createRng } from '../../src/sim/rng';
import { lab } from './support/lab';
import { platformRests } from './support/edgeRests';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-diet-options-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  await useWasmBackend();
});

/** Whether two transitions hold the same objects, states and changes. */
function same(a: Transition, b: Transition): boolean {
  return JSON.stringify(a.obs) === JSON.stringify(b.obs) && Buffer.from(a.dv.buffer).equals(Buffer.from(b.dv.buffer));
}

describe('held steps unlearned (--skip-held)', () => {
  it('marks an object unknown in the steps an unseen hand holds it through, keeps the step it is let go, and changes nothing else', () => {
    const diet = { ...DEFAULT_DIET, drops: 1, tosses: 0 };
    let forgotten = 0, releases = 0;
    for (let s = 1; s <= 12; s++) {
      const asIs = watchEpisode(createRng(s), { ...diet, framesPerEpisode: 150, eventFocus: 0 });
      const skipped = watchEpisode(createRng(s), { ...diet, framesPerEpisode: 150, eventFocus: 0, skipHeld: true });
      expect(skipped.length).toBe(asIs.length);
      skipped.forEach((t, k) => {
        const a = asIs[k]!;
        expect(JSON.stringify(t.obs)).toBe(JSON.stringify(a.obs));
        t.obs.forEach((o, i) => {
          if (o.isStatic) return;
          const was = a.dv[i * 3 + 1]!, now = t.dv[i * 3 + 1]!;
          if (Number.isNaN(now) && !Number.isNaN(was)) {
            forgotten++;
            // A held object does not move: what is forgotten is the "rest in mid-air".
            expect(Math.abs(was)).toBeLessThan(1e-9);
          } else {
            expect(Object.is(now, was) || (Number.isNaN(now) && Number.isNaN(was))).toBe(true);
          }
          // The step of the release is kept: at rest, then falling.
          if (!Number.isNaN(now) && o.vy === 0 && o.y > 0.5 && now < -0.05) releases++;
        });
      });
    }
    expect(forgotten).toBeGreaterThan(100);
    expect(releases).toBeGreaterThan(3);
  });
});

describe('support focus (--support-focus)', () => {
  it('watches frames where an object starts to fall or lands, in the share asked for; off, the same frames as before', () => {
    const diet = { ...DEFAULT_DIET, edgePushes: 1, onPlatform: 1 };
    let focused = 0, plain = 0, watched = 0;
    for (let s = 1; s <= 30; s++) {
      const all = watchEpisode(createRng(s), { ...diet, framesPerEpisode: 150, eventFocus: 0 }).filter(changesSupport).length;
      const asIs = watchEpisode(createRng(s), diet);
      expect(watchEpisode(createRng(s), { ...diet, supportFocus: 0 }).every((t, k) => same(t, asIs[k]!))).toBe(true);
      const seen = watchEpisode(createRng(s), { ...diet, supportFocus: 1 });
      if (all > 0) expect(seen.every(changesSupport), `episode ${s}`).toBe(true);
      watched += seen.length;
      focused += seen.filter(changesSupport).length;
      plain += asIs.filter(changesSupport).length;
    }
    // Support changes are a few percent of the frames (falls begin and end once each): focused, nearly all.
    expect(focused).toBeGreaterThan(0.8 * watched);
    expect(plain).toBeLessThan(0.25 * watched);
  });
});
describe('overhangs (--overhangs)', () => {
  it('lets edge rests reach up to 95% of the width beyond the edge, so boxes hanging far over tip off; without it the reach is 75%', () => {
    const reach = (diet: typeof DEFAULT_DIET): { most: number; tipped: number } => {
      let most = 0, tipped = 0;
      for (const { seed: s, object: o, platform: p, drop } of platformRests(diet, 80)) {
        if (o.kind !== 'box') continue;
        const beyond = (Math.abs(o.x - p.x) - p.width / 2 + o.width / 2) / o.width;
        most = Math.max(most, beyond);
        // Three quarters or more of the bottom beyond the edge, as in the support scenes: it falls.
        if (beyond >= 0.75) { expect(drop, `episode ${s} ${o.id}`).toBeGreaterThan(0.05); tipped++; }
      }
      return { most, tipped };
    };
    const base = { ...DEFAULT_DIET, edgeRests: 1, drops: 0, tosses: 0, collisions: 0 };
    const deep = reach({ ...recipeDiet({ ...SHIPPED_RECIPE, overhangs: true }), edgeRests: 1, drops: 0, tosses: 0, collisions: 0 });
    const usual = reach(base);
    expect(deep.most).toBeGreaterThan(0.85);
    expect(deep.most).toBeLessThanOrEqual(0.95 + 1e-9);
    expect(deep.tipped).toBeGreaterThanOrEqual(5);
    expect(usual.most).toBeLessThanOrEqual(0.75 + 1e-9);
    expect(usual.tipped).toBe(0);
    // The reach only scales the same random number: 0.75 written out plays the same worlds as absent.
    for (const s of [2, 9]) expect(JSON.stringify(generateEpisode(createRng(s), { ...base, edgeRestReach: 0.75 }))).toBe(JSON.stringify(generateEpisode(createRng(s), base)));
  });
});

describe('train --overhangs --low-drops', () => {
  it('is reproducible per seed, alone or in a cohort, and records its diet knobs and flags in meta.json', async () => {
    const args = ['--frames', '300', '--checkpoints', '300', '--stable', '--overhangs', '--low-drops', '0.15'];
    const cohort = join(tmp, 'cohort-overhangs');
    const alone = join(tmp, 'alone-overhangs');
    const stable = join(tmp, 'stable-only');
    for (const r of [
      await lab('train', '--seeds', '2-3', '--jobs', '2', ...args, '--out', cohort),
      await lab('train', '--seed', '3', ...args, '--out', alone),
      await lab('train', '--seed', '3', '--frames', '300', '--checkpoints', '300', '--stable', '--out', stable),
    ]) expect(r.code, r.stderr).toBe(0);
    const bytes = (dir: string): Buffer => readFileSync(join(dir, 'learner-300', 'weights.bin'));
    expect(bytes(join(cohort, 'seed-3')).equals(bytes(alone))).toBe(true);
    expect(bytes(alone).equals(bytes(stable))).toBe(false);
    const meta = JSON.parse(readFileSync(join(alone, 'learner-300', 'meta.json'), 'utf8')) as { diet: Record<string, unknown>; training: unknown };
    expect(meta.diet).toMatchObject({ mirror: 0.5, lowSteps: 0.25, lowerShelves: 0.25, edgeRests: 0.2, edgeRestReach: 0.95, lowDrops: 0.15 });
    expect(meta.training).toEqual({ ema_decay: 0.99, lr_decay_frames: 0 });
    const stableMeta = JSON.parse(readFileSync(join(stable, 'learner-300', 'meta.json'), 'utf8')) as { diet: Record<string, unknown> };
    expect(stableMeta.diet).not.toHaveProperty('edgeRestReach');
    expect(stableMeta.diet).not.toHaveProperty('lowDrops');
    const cohortMeta = JSON.parse(readFileSync(join(cohort, 'seed-3', 'learner-300', 'meta.json'), 'utf8')) as { command: string };
    expect(cohortMeta.command).toContain('--ema 0.99 --mirror --short-drops --edge-rests --overhangs --low-drops 0.15');
    const bad = await lab('train', '--seed', '3', '--frames', '300', '--low-drops', '2', '--out', join(tmp, 'bad-low-drops'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--low-drops');
  }, 600_000);
});
