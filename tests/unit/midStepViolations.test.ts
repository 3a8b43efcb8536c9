// A velocity-setting violation with an interpolated trigger takes effect within the step, as a
// contact does: the launch without contact is no longer told from a real hit by its first frame.
import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../src/scenes/parse';
import { SceneError } from '../../src/scenes/sceneError';
import type { SceneFile } from '../../src/scenes/schema';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { runSuite } from '../../src/experiment/suite';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { GravityOnlyPredictor } from '../../src/predictor/gravityOnly';
import { loadRepoScene, runPair, runTrial, testScene, track, type Trial } from './support/trials';

const DT = 1 / 60;
const LAUNCH = 'ball-launches-without-contact';
const VARIANTS = Array.from({ length: 30 }, (_, k) => k);

/** The hit ball's travel in its first moving frame, as a share of its travel in the next one. */
function firstFrameShare(t: Trial): number {
  const s = track(t, 'target');
  const f = s.findIndex((b, k) => k > 0 && Math.abs(b.x - s[0]!.x) > 1e-6);
  return (s[f]!.x - s[f - 1]!.x) / (s[f + 1]!.x - s[f]!.x);
}

/** P(a value of `high` > a value of `low`), ties half: 1 means the two sets never overlap. */
function auroc(high: number[], low: number[]): number {
  let wins = 0;
  for (const h of high) for (const l of low) wins += h > l ? 1 : h === l ? 0.5 : 0;
  return wins / (high.length * low.length);
}

function shares(scene: SceneFile, mirrored = false): { possible: number[]; impossible: number[] } {
  const run = (c: 'possible' | 'impossible') => VARIANTS.map((variant) => firstFrameShare(runTrial(scene, c, { variant, seed: 0, mirrored })));
  return { possible: run('possible'), impossible: run('impossible') };
}

/** The shipped scene with its launch at the start of the frame after the crossing (as before). */
function atFrameBoundary(scene: SceneFile): SceneFile {
  const copy = structuredClone(scene) as unknown as { violation: { trigger: Record<string, unknown> } };
  delete copy.violation.trigger.interpolate;
  return parseSceneValue(copy, 'launch at a frame boundary');
}

const issuesOf = (value: unknown): { path: string; message: string }[] => {
  try {
    parseSceneValue(value, 'test');
  } catch (e) {
    if (e instanceof SceneError) return e.issues;
    throw e;
  }
  return [];
};

/** A box sliding right at 2 m/s without friction; `trigger` gets `violation` a set-velocity to (−1, 0). */
const slidingBox = (trigger: Record<string, unknown>, type = 'set-velocity') => testScene({
  bodies: [{ id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } }],
  violation: { type, body: 'box', trigger, ...(type === 'set-velocity' ? { velocity: { x: -1, y: 0 } } : {}) },
});

describe('violations within the step', () => {
  it('the magic launch moves the hit ball as far in its first frame as a real hit does (30 variants, both sides)', () => {
    const scene = loadRepoScene(LAUNCH);
    for (const mirrored of [false, true]) {
      const { possible, impossible } = shares(scene, mirrored);
      // A real hit falls part-way through a frame, so its first frame is a fraction of a full one...
      expect(Math.max(...possible)).toBeLessThan(0.9);
      // ...and so is the magic launch's now, spread over the same range: not separable by it.
      expect(Math.max(...impossible)).toBeLessThan(1);
      expect(Math.min(...impossible)).toBeLessThan(0.3);
      const a = auroc(impossible, possible);
      expect(a, mirrored ? 'mirrored' : 'as drawn').toBeGreaterThan(0.3);
      expect(a, mirrored ? 'mirrored' : 'as drawn').toBeLessThan(0.7);
    }
  });

  it('at a frame boundary (no interpolate) the launch moves a full frame every time: separable by that alone', () => {
    const { possible, impossible } = shares(atFrameBoundary(loadRepoScene(LAUNCH)));
    for (const s of impossible) expect(s).toBeCloseTo(1, 6);
    expect(auroc(impossible, possible)).toBe(1);
  });

  it('observers that know nothing of contact are at chance on the launch now, and won every pair at a frame boundary', () => {
    const scene = loadRepoScene(LAUNCH);
    const observers = () => [new ConstantVelocityPredictor(), new GravityOnlyPredictor()];
    const now = runSuite({ scenes: [scene], observers: observers(), pairs: 40, seed: 0 });
    const before = runSuite({ scenes: [atFrameBoundary(scene)], observers: observers(), pairs: 40, seed: 0 });
    for (const model of ['constant-velocity', 'gravity-only']) {
      const r = now.results.find((x) => x.model === model)!;
      expect(r.pairwise_ci95[0], model).toBeLessThan(0.5); // not told from chance (exact 95% interval)
      expect(r.pairwise_ci95[1], model).toBeGreaterThan(0.5);
      expect(before.results.find((x) => x.model === model)!.pairwise_accuracy, model).toBe(1);
    }
  }, 120_000);

  it('interpolating moves the onset, never the possible twin', () => {
    const scene = loadRepoScene(LAUNCH);
    const old = atFrameBoundary(scene);
    for (const variant of [0, 1, 2]) {
      const now = runTrial(scene, 'possible', { variant, seed: 0 });
      const before = runTrial(old, 'possible', { variant, seed: 0 });
      expect(trajectoryCsv(now.snapshots)).toBe(trajectoryCsv(before.snapshots));
      expect(now.onsetFrame).toBe(before.onsetFrame! - 1); // the step in which it crosses, not the one after
    }
  });

  it('reaches-x: the change comes at the crossing, so the step ends where it would have put the body', () => {
    // From 0.5 m at 2 m/s the box is at 1.0 m at frame 15 and 1.0333 m at 16: it crosses 1.01 m 0.3
    // of the way through the step from frame 15.
    const { possible, impossible } = runPair(slidingBox({ on: 'reaches-x', x: 1.01, interpolate: true }));
    expect(impossible.onsetFrame).toBe(15);
    expect(possible.onsetFrame).toBe(15);
    const q = track(impossible, 'box');
    expect(q[15]!.x).toBeCloseTo(1.0, 4);
    expect(q[16]!.x).toBeCloseTo(1.01 - 1 * 0.7 * DT, 3); // 0.3 of the step on to 1.01 m, then 0.7 of it back at 1 m/s
    expect(q[16]!.vx).toBeCloseTo(-1, 3);
    // Without interpolate: at the start of frame 16, a full step later.
    const late = track(runPair(slidingBox({ on: 'reaches-x', x: 1.01 })).impossible, 'box');
    expect(late[17]!.x).toBeCloseTo(1.0 + 2 * DT - 1 * DT, 3);
  });

  it('reaches-x leftwards (mirrored) interpolates the same way', () => {
    const scene = parseSceneValue(slidingBox({ on: 'reaches-x', x: 1.01, interpolate: true }), 'test');
    const q = track(runTrial(scene, 'impossible', { mirrored: true }), 'box');
    const width = 6;
    expect(q[16]!.x).toBeCloseTo(width - (1.01 - 0.7 * DT), 3);
  });

  it('time: a moment between frames is kept, to the sub-step', () => {
    // 0.505 s is frame 30.3: the step from frame 30, 0.3 of the way in.
    const { impossible } = runPair(slidingBox({ on: 'time', at: 0.505, interpolate: true }));
    expect(impossible.onsetFrame).toBe(30);
    const q = track(impossible, 'box');
    expect(q[30]!.x).toBeCloseTo(0.5 + 2 * 30 * DT, 4);
    expect(q[31]!.x).toBeCloseTo(0.5 + 2 * 30.3 * DT - 0.7 * DT, 3);
    // A time on a frame boundary starts at that frame, as without interpolate.
    const onFrame = track(runPair(slidingBox({ on: 'time', at: 0.5, interpolate: true })).impossible, 'box');
    const plain = track(runPair(slidingBox({ on: 'time', at: 0.5 })).impossible, 'box');
    expect(trajectoryCsvOf(onFrame)).toBe(trajectoryCsvOf(plain));
  });

  it('a transfer asHit gives both balls the speeds of a real hit between them (every size, held out too)', () => {
    const scene = loadRepoScene(LAUNCH);
    for (const split of ['default', 'heldout'] as const) {
      for (const variant of [0, 1, 2, 3, 4, 5]) {
        const p = runTrial(scene, 'possible', { variant, seed: 0, split });
        const q = runTrial(scene, 'impossible', { variant, seed: 0, split });
        const end = (t: Trial, id: string): number => track(t, id).at(-1)!.vx;
        expect(end(q, 'launcher'), `${split} ${variant}`).toBeCloseTo(end(p, 'launcher'), 6);
        expect(end(q, 'target'), `${split} ${variant}`).toBeCloseTo(end(p, 'target'), 6);
      }
    }
    // Which is not one share for every size: small balls keep more than the scene's old 8%.
    const keeps = (['default', 'heldout'] as const).map((split) => {
      const p = runTrial(scene, 'possible', { variant: 0, seed: 0, split });
      return track(p, 'launcher').at(-1)!.vx / Math.max(...track(p, 'launcher').map((b) => b.vx));
    });
    expect(keeps[1]! - keeps[0]!).toBeGreaterThan(0.005);
  });

  it('asHit: an error names the body when it would never hit the other, and keep with asHit is refused', () => {
    const apart = testScene({
      bodies: [
        { id: 'a', kind: 'ball', x: 1, y: 0.42, radius: 0.12, friction: 0, velocity: { x: -1, y: 0 } },
        { id: 'b', kind: 'ball', x: 3, y: 0.42, radius: 0.12, friction: 0 },
      ],
      violation: { type: 'transfer', body: 'a', other: 'b', asHit: true, trigger: { on: 'time', at: 0.2 } },
    });
    expect(() => runPair(apart)).toThrow(/transfer with asHit: "a" going on as it goes does not hit "b" within 10 s/);
    const both = structuredClone(apart) as { violation: Record<string, unknown> };
    both.violation.keep = 0.1;
    expect(issuesOf(both)).toEqual([{ path: 'violation.keep', message: expect.stringMatching(/not both/) }]);
  });

  it('interpolate is refused, by JSON path, on a violation that does more than set velocities', () => {
    expect(issuesOf(slidingBox({ on: 'time', at: 0.5, interpolate: true }, 'float'))).toEqual([
      { path: 'violation.trigger.interpolate', message: expect.stringMatching(/only when all it does is set velocities .*not "float"/) },
    ]);
    // A contact is only known after the step it happened in: nothing to interpolate.
    expect(issuesOf(slidingBox({ on: 'contact', other: 'floor', interpolate: true }))).toEqual([
      { path: 'violation.trigger', message: 'unknown key "interpolate"' },
    ]);
    for (const type of ['reverse', 'set-velocity']) expect(issuesOf(slidingBox({ on: 'reaches-x', x: 1, interpolate: true }, type))).toEqual([]);
  });
});

const trajectoryCsvOf = (states: { x: number; y: number; vx: number }[]): string => states.map((s) => `${s.x},${s.y},${s.vx}`).join('\n');
