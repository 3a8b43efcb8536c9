// Every concept scene: both twins identical up to the onset for several variants, and the violation
// does what the scene says it does (checked on trajectories, per scene).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { resolveScene } from '../../src/scenes/resolve';
import type { BodyState } from '../../src/sim/snapshot';
import { REPO_ROOT, loadRepoScene, runTrial, track, type Trial } from './support/trials';

const SCENES = readdirSync(join(REPO_ROOT, 'scenes')).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').map((f) => f.replace(/\.json$/, '')).sort();
/** The canonical scene and four seeded variants. */
const VARIANTS = [undefined, 0, 1, 2, 3];
const SEED = 11;

interface Pair { p: Trial; q: Trial; onset: number; params: Record<string, number> }
type Check = (pair: Pair) => void;

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1]!;
const at = (t: Trial, id: string): BodyState[] => track(t, id);
const param = (pair: Pair, name: string): number => {
  const v = pair.params[name];
  if (v === undefined) throw new Error(`no param ${name}`);
  return v;
};
/** After the onset, the body stays where it was at the onset (within 1 cm unless told). */
const staysPut = (s: BodyState[], onset: number, tolerance = 0.01): void => {
  for (const b of s.slice(onset + 1)) {
    expect(Math.abs(b.x - s[onset]!.x)).toBeLessThan(tolerance);
    expect(Math.abs(b.y - s[onset]!.y)).toBeLessThan(tolerance);
  }
};
/** Falls through its support and the floor, out of the world (a stay-control's impossible twin). */
const fallsAway = (s: BodyState[], onset: number): void => {
  expect(s[onset + 30]!.y).toBeLessThan(s[onset]!.y - 0.5); // in free fall at once
  expect(last(s).present).toBe(false); // and gone out of the world below
};
const endsOnFloor = (s: BodyState[], halfHeight: number): void => {
  expect(last(s).y).toBeLessThan(0.3 + halfHeight + 0.06);
};

const CHECKS: Record<string, Check> = {
  'car-off-platform': ({ p, q, onset }) => {
    endsOnFloor(at(p, 'car'), 0.15);
    for (const b of at(q, 'car').slice(onset + 1)) expect(Math.abs(b.y - at(q, 'car')[onset]!.y)).toBeLessThan(0.02);
  },
  'box-released-beyond-platform': ({ p, q, onset, params }) => {
    endsOnFloor(at(p, 'box'), params.boxSize! / 2);
    staysPut(at(q, 'box'), onset);
  },
  'box-pushed-to-15-percent-contact': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    const edge = 0.4 + param(pair, 'platformWidth');
    const box = at(q, 'box')[onset]!;
    const share = (edge - (box.x - size / 2)) / size;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
    expect(box.y).toBeCloseTo(0.3 + param(pair, 'platformHeight') + size / 2, 2); // resting on the top
    expect(at(q, 'box')[5]!.x).toBeLessThan(box.x - 0.4); // the hand pushed it along
    endsOnFloor(at(p, 'box'), size / 2 * Math.SQRT2);
    staysPut(at(q, 'box'), onset);
  },
  'box-placed-on-edge-of-wide-box': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    const box = at(q, 'box')[onset]!;
    const edge = 2 + param(pair, 'wideWidth') / 2;
    const share = (edge - (box.x - size / 2)) / size;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    expect(box.y).toBeCloseTo(0.3 + param(pair, 'wideHeight') + size / 2, 2);
    expect(at(q, 'box')[0]!.y).toBeGreaterThan(box.y + 0.3); // lowered by the hand
    endsOnFloor(at(p, 'box'), size / 2 * Math.SQRT2);
    staysPut(at(q, 'box'), onset);
  },
  'ball-off-ledge-goes-straight': (pair) => {
    const { p, q, onset } = pair;
    const r = param(pair, 'radius');
    endsOnFloor(at(p, 'ball'), r);
    expect(last(at(p, 'ball')).x).toBeGreaterThan(0.3 + param(pair, 'ledgeWidth') + 0.3); // a forward curve
    const s = at(q, 'ball');
    for (const b of s.slice(onset + 1)) expect(Math.abs(b.y - s[onset]!.y)).toBeLessThan(0.01);
    expect(last(s).x - s[onset]!.x).toBeGreaterThan(1); // and goes on, level
  },
  'ball-off-ledge-turns-down': (pair) => {
    const { p, q, onset } = pair;
    const r = param(pair, 'radius');
    const s = at(q, 'ball');
    const landed = s.findIndex((b, f) => f > onset && b.y < 0.3 + r + 0.02);
    expect(landed).toBeGreaterThan(onset);
    for (const b of s.slice(onset + 1, landed)) expect(Math.abs(b.x - s[onset]!.x)).toBeLessThan(0.02); // straight down
    expect(s[onset + 1]!.vy).toBeCloseTo(-param(pair, 'speed') - 9.81 / 60, 1);
    const pl = at(p, 'ball').findIndex((b, f) => f > onset && b.y < 0.3 + r + 0.02);
    expect(at(p, 'ball')[pl]!.x - s[onset]!.x).toBeGreaterThan(0.3); // the possible ball lands well out
  },
  'ball-dropped-through-shelf': (pair) => {
    const { p, q, onset } = pair;
    const r = param(pair, 'radius');
    const shelfTop = 0.3 + param(pair, 'shelfHeight');
    expect(at(q, 'ball')[onset]!.visible).toBe(false); // it passes behind the screen first
    expect(last(at(p, 'ball')).y).toBeCloseTo(shelfTop + r, 1);
    expect(last(at(q, 'ball')).y).toBeCloseTo(0.3 + r, 1);
    for (const t of [p, q]) expect(last(at(t, 'ball')).visible).toBe(true); // the screen came down
    // While the screen is up, the two twins look the same: the ball is hidden in both.
    const revealed = at(p, 'ball').findIndex((b, f) => f > onset && b.visible);
    for (let f = onset; f < revealed - 30; f++) expect(at(q, 'ball')[f]!.visible).toBe(false);
  },
  'ball-rolls-through-wall': (pair) => {
    const { p, q } = pair;
    const r = param(pair, 'radius');
    const face = param(pair, 'wallX') - 0.07;
    for (const b of at(p, 'ball')) expect(b.x).toBeLessThan(face - r + 0.02);
    expect(last(at(p, 'ball')).vx).toBeLessThan(0); // bounced back
    expect(last(at(q, 'ball')).x).toBeGreaterThan(face + 0.14 + r); // beyond the wall
  },
  'box-gone-when-screen-lowers': ({ p, q, onset }) => {
    expect(at(q, 'box')[0]!.visible).toBe(true); // seen first
    expect(at(q, 'box')[onset]!.visible).toBe(false); // vanishes while hidden
    for (const b of at(q, 'box').slice(onset + 1)) expect(b.present).toBe(false);
    expect(last(at(p, 'box')).visible).toBe(true);
    expect(last(at(q, 'box')).visible).toBe(false);
  },
  'ball-skips-the-gap-between-screens': (pair) => {
    const { p, q, onset } = pair;
    const gapFrom = 2.6;
    const gapTo = 2.6 + param(pair, 'gap');
    const inGap = (b: BodyState): boolean => b.visible && b.x > gapFrom && b.x < gapTo;
    expect(at(p, 'ball').filter(inGap).length).toBeGreaterThan(10);
    expect(at(q, 'ball').filter(inGap).length).toBe(0);
    expect(at(q, 'ball')[onset]!.visible).toBe(false);
    const emerges = (t: Trial): number => at(t, 'ball').findIndex((b) => b.visible && b.x > gapTo + 0.8);
    expect(emerges(q)).toBeLessThan(emerges(p)); // out of the second screen too soon
  },
  'ball-reverses-by-itself': ({ p, q, onset }) => {
    for (const b of at(q, 'ball').slice(onset + 1)) expect(b.vx).toBeLessThan(-1);
    for (const b of at(p, 'ball').slice(onset)) expect(b.vx).toBeGreaterThan(1);
  },
  'ball-swerves-up-by-itself': ({ p, q, onset }) => {
    const s = at(q, 'ball');
    expect(Math.max(...s.slice(onset).map((b) => b.y)) - s[onset]!.y).toBeGreaterThan(0.05);
    for (const b of at(p, 'ball').slice(onset)) expect(Math.abs(b.y - s[onset]!.y)).toBeLessThan(0.01);
  },
  'box-shrinks-behind-screen': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    expect(at(q, 'box')[onset]!.visible).toBe(false);
    for (const b of at(q, 'box').slice(onset + 1)) expect(b.width).toBeCloseTo(0.6 * size, 9);
    for (const b of at(p, 'box')) expect(b.width).toBeCloseTo(size, 9);
    expect(last(at(q, 'box')).visible).toBe(true); // it comes out
  },
  'box-becomes-ball-behind-screen': ({ p, q, onset }) => {
    expect(at(q, 'box')[onset]!.visible).toBe(false);
    for (const b of at(q, 'box').slice(onset + 1)) expect(b.kind).toBe('ball');
    for (const b of at(p, 'box')) expect(b.kind).toBe('box');
    expect(last(at(q, 'box')).visible).toBe(true);
    expect(last(at(q, 'box')).vx).toBeGreaterThan(1); // and keeps sliding
  },
  // Support controls: the possible object stays; the impossible one drops through its support.
  'car-comes-to-rest-on-platform': (pair) => {
    const { p, q, onset } = pair;
    const top = 0.3 + param(pair, 'platformHeight');
    const car = at(q, 'car')[onset]!;
    expect(Math.hypot(car.vx, car.vy)).toBeLessThan(0.01); // coming to rest (the trigger's 'below') when the impossible twin drops
    expect(car.x + param(pair, 'carWidth') / 2).toBeLessThan(0.3 + param(pair, 'platformWidth') - 0.3); // well in from the edge
    expect(car.x - at(q, 'car')[0]!.x).toBeGreaterThan(0.2); // the hand pushed it along
    staysPut(at(p, 'car'), onset);
    expect(last(at(p, 'car')).y).toBeCloseTo(top + param(pair, 'carHeight') / 2, 1);
    fallsAway(at(q, 'car'), onset);
  },
  'box-resting-on-platform': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    const box = at(p, 'box')[onset]!;
    expect(box.x + size / 2).toBeLessThan(0.5 + param(pair, 'platformWidth') - 0.09); // all of it on the platform
    expect(box.y).toBeCloseTo(0.3 + param(pair, 'platformHeight') + size / 2, 2);
    staysPut(at(p, 'box'), onset);
    fallsAway(at(q, 'box'), onset);
  },
  'box-pushed-to-70-percent-contact': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    const edge = 0.4 + param(pair, 'platformWidth');
    const box = at(p, 'box')[onset]!;
    const share = (edge - (box.x - size / 2)) / size;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    expect(at(p, 'box')[5]!.x).toBeLessThan(box.x - 0.4); // the hand pushed it along
    staysPut(at(p, 'box'), onset);
    fallsAway(at(q, 'box'), onset);
  },
  'box-placed-on-middle-of-wide-box': (pair) => {
    const { p, q, onset } = pair;
    const size = param(pair, 'boxSize');
    const box = at(p, 'box')[onset]!;
    expect(Math.abs(box.x - 2)).toBeLessThan(param(pair, 'wideWidth') / 6); // the middle third
    expect(box.y).toBeCloseTo(0.3 + param(pair, 'wideHeight') + size / 2, 2);
    expect(at(p, 'box')[0]!.y).toBeGreaterThan(box.y + 0.3); // lowered by the hand
    staysPut(at(p, 'box'), onset);
    fallsAway(at(q, 'box'), onset);
  },
  // Low floats: the impossible car floats only a little above the floor or a shelf.
  'car-off-low-step': (pair) => {
    const { p, q, onset } = pair;
    const h = param(pair, 'platformHeight');
    expect(h).toBeGreaterThanOrEqual(0.1);
    expect(h).toBeLessThanOrEqual(0.35);
    endsOnFloor(at(p, 'car'), 0.15);
    for (const b of at(q, 'car').slice(onset + 1)) expect(Math.abs(b.y - at(q, 'car')[onset]!.y)).toBeLessThan(0.02);
    expect(at(q, 'car')[onset]!.y - last(at(p, 'car')).y).toBeCloseTo(h, 1); // floats h above where it lands
  },
  'car-off-platform-onto-lower-shelf': (pair) => {
    const { p, q, onset } = pair;
    const drop = param(pair, 'drop');
    const landed = last(at(p, 'car'));
    expect(landed.y).toBeCloseTo(0.3 + param(pair, 'platformHeight') - drop + param(pair, 'carHeight') / 2, 1); // on the lower shelf
    for (const b of at(q, 'car').slice(onset + 1)) expect(Math.abs(b.y - at(q, 'car')[onset]!.y)).toBeLessThan(0.02);
    expect(at(q, 'car')[onset]!.y - landed.y).toBeGreaterThan(0.1);
    expect(at(q, 'car')[onset]!.y - landed.y).toBeLessThan(0.35);
  },
  // Reverse directions.
  'ball-never-comes-out-from-behind-screen': ({ p, q, onset }) => {
    expect(at(q, 'ball')[onset]!.visible).toBe(false); // gone while hidden
    for (const b of at(q, 'ball').slice(onset + 1)) expect(b.present).toBe(false);
    expect(at(p, 'ball').slice(onset).some((b) => b.visible)).toBe(true); // the possible ball comes out
    expect(last(at(p, 'ball')).visible).toBe(true);
  },
  'ball-hits-ball-that-does-not-move': (pair) => {
    const { p, q, onset } = pair;
    const r = param(pair, 'radius');
    const gapAt = (t: Trial, f: number): number => at(t, 'target')[f]!.x - at(t, 'launcher')[f]!.x;
    expect(gapAt(q, onset)).toBeGreaterThan(2 * r + 0.2); // held fast well before the contact
    const touch = at(q, 'launcher').findIndex((b, f) => f > onset && gapAt(q, f) < 2 * r + 0.01);
    expect(touch).toBeGreaterThan(onset); // the balls do touch
    staysPut(at(q, 'target'), onset, 1e-6); // and the hit ball never moves
    const after = at(q, 'launcher')[touch + 2]!.vx;
    expect(Math.abs(after)).toBeLessThan(0.15 * at(q, 'launcher')[onset]!.vx); // the hitter all but stops against it
    expect(last(at(p, 'target')).x - at(p, 'target')[0]!.x).toBeGreaterThan(0.3); // possible: it is launched
  },
  'box-appears-when-screen-lowers': ({ p, q, onset }) => {
    for (const b of at(p, 'box')) expect(b.present).toBe(false); // nothing was ever there
    for (const b of at(q, 'box').slice(0, onset + 1)) expect(b.present).toBe(false);
    expect(at(q, 'box')[onset + 1]!.visible).toBe(false); // it comes in while hidden
    expect(last(at(q, 'box')).visible).toBe(true); // and is seen when the screen is down
  },
  'ball-rolls-through-wall-leftwards': (pair) => {
    const { p, q } = pair;
    const r = param(pair, 'radius');
    const face = param(pair, 'wallX') + 0.07;
    for (const b of at(p, 'ball')) expect(b.x).toBeGreaterThan(face + r - 0.02);
    expect(last(at(p, 'ball')).vx).toBeGreaterThan(0); // bounced back
    expect(last(at(q, 'ball')).x).toBeLessThan(face - 0.14 - r); // beyond the wall
  },
  'ball-swerves-down-by-itself': ({ p, q, onset }) => {
    const s = at(q, 'ball');
    expect(s[onset]!.y).toBeGreaterThan(0.5); // in flight
    expect(s[onset]!.vy).toBeGreaterThan(0); // on its way up
    expect(s[onset + 1]!.vy).toBeLessThan(0); // then down at once
    expect(at(p, 'ball')[onset + 1]!.vy).toBeGreaterThan(0); // possible: it goes on up
    const peak = (t: Trial): number => Math.max(...at(t, 'ball').map((b) => b.y));
    expect(peak(p) - peak(q)).toBeGreaterThan(0.03); // it never gets as high
  },
  'ball-launches-without-contact': (pair) => {
    const { p, q, onset } = pair;
    const r = param(pair, 'radius');
    const gapAt = (t: Trial, f: number): number => at(t, 'target')[f]!.x - at(t, 'launcher')[f]!.x;
    expect(gapAt(q, onset)).toBeGreaterThan(2 * r + param(pair, 'gap') - 0.05);
    for (let f = onset + 1; f < q.snapshots.length; f++) expect(gapAt(q, f)).toBeGreaterThan(2 * r + 0.1); // never touch
    expect(at(q, 'target')[onset + 1]!.vx).toBeGreaterThan(1);
    // Possible: the target starts moving only at contact, and then it moves on.
    const starts = at(p, 'target').findIndex((b) => b.vx > 0.1);
    // The speeds are a real hit's (asHit): the hitter keeps, and the target gets, what they do in the possible twin.
    expect(at(q, 'launcher')[onset + 2]!.vx).toBeCloseTo(at(p, 'launcher')[starts + 2]!.vx, 4);
    expect(at(q, 'target')[onset + 2]!.vx).toBeCloseTo(at(p, 'target')[starts + 2]!.vx, 4);
    expect(gapAt(p, starts)).toBeLessThan(2 * r + 0.05);
    expect(last(at(p, 'target')).x - at(p, 'target')[0]!.x).toBeGreaterThan(0.3);
  },
};

describe('concept scenes', () => {
  it('every scene file has a violation and a trajectory check here', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(SCENES);
    for (const id of SCENES) expect(loadRepoScene(id).violation, id).toBeTruthy();
  });

  it.each(SCENES)('%s: twins identical up to the onset and the violation does what it claims, for 5 variants', (id) => {
    checkVariants(id, VARIANTS, 'default');
  });

  // Every scene has a held-out range (outside the training diet's), and its held-out variants must
  // still be the event the scene claims.
  it.each(SCENES)('%s: the same for 3 held-out variants', (id) => {
    const scene = loadRepoScene(id);
    expect(Object.values(scene.params ?? {}).some((p) => p.heldout), `${id} has a held-out range`).toBe(true);
    checkVariants(id, [0, 1, 2], 'heldout');
  });
});

function checkVariants(id: string, variants: readonly (number | undefined)[], split: 'default' | 'heldout'): void {
  {
    const scene = loadRepoScene(id);
    for (const variant of variants) {
      const p = runTrial(scene, 'possible', { variant, seed: SEED, split });
      const q = runTrial(scene, 'impossible', { variant, seed: SEED, split });
      const label = `${id} ${split} variant ${variant ?? 'canonical'}`;
      expect(q.onsetFrame, label).not.toBeNull();
      expect(p.onsetFrame, label).toBe(q.onsetFrame);
      const onset = q.onsetFrame!;
      expect(onset, label).toBeGreaterThan(10);
      expect(onset, label).toBeLessThan(q.snapshots.length - 60); // a second at least to see what happens
      expect(trajectoryCsv(q.snapshots.slice(0, onset + 1)), label).toBe(trajectoryCsv(p.snapshots.slice(0, onset + 1)));
      expect(trajectoryCsv(q.snapshots), label).not.toBe(trajectoryCsv(p.snapshots));
      const params = resolveScene(scene, { variant, seed: SEED, split }).params;
      CHECKS[id]!({ p, q, onset, params });
    }
  }
}
