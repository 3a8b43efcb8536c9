// Every violation does what it says, only in the impossible condition; every trigger kind fires.
import { describe, expect, it } from 'vitest';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import type { BodyState } from '../../src/sim/snapshot';
import type { ViolationType } from '../../src/sim/spec';
import { VIOLATION_TYPES } from '../../src/sim/violations';
import { runPair, testScene, track, type Trial } from './support/trials';

const DT = 1 / 60;

/** A box sliding right on the floor at 2 m/s without friction, past an optional screen. */
function slidingBox(violation: unknown, occluders?: unknown[]): unknown {
  return testScene({
    bodies: [{ id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } }],
    ...(occluders ? { occluders } : {}),
    violation,
  });
}
const screen = (x: number) => ({ id: 'screen', x, y: 1, width: 1, height: 2 });

interface Case {
  type: ViolationType;
  trigger: string;
  scene: unknown;
  body: string;
  /** The frame the trigger should fire at, worked out by hand from the scene. */
  onset: number;
  /** What must hold in the impossible twin (`q`) and not in the possible one (`p`) after the onset. */
  check(p: BodyState[], q: BodyState[], onset: number): void;
}

const cases: Case[] = [
  {
    type: 'float', trigger: 'time', body: 'ball', onset: 30,
    scene: testScene({
      bodies: [{ id: 'ball', kind: 'ball', x: 1, y: 2.5, radius: 0.2, held: true }],
      actions: [{ type: 'release', body: 'ball', at: 0.2 }],
      violation: { type: 'float', body: 'ball', trigger: { on: 'time', at: 0.5 } },
    }),
    check(p, q, onset) {
      for (const s of q.slice(onset + 1)) {
        expect(Math.abs(s.y - q[onset]!.y)).toBeLessThan(0.01);
        expect(s.vy).toBeCloseTo(0, 6);
      }
      expect(p.at(-1)!.y).toBeCloseTo(0.5, 1); // the possible ball lies on the floor
    },
  },
  {
    type: 'freeze', trigger: 'reaches-x', body: 'box', onset: 45,
    scene: slidingBox({ type: 'freeze', body: 'box', trigger: { on: 'reaches-x', x: 2 } }),
    check(p, q, onset) {
      expect(q[onset]!.x).toBeGreaterThanOrEqual(2);
      expect(q[onset - 1]!.x).toBeLessThan(2);
      for (const s of q.slice(onset + 1)) {
        expect(s.x).toBe(q[onset]!.x);
        expect(s.y).toBe(q[onset]!.y);
        expect(s.vx).toBe(0);
      }
      expect(p.at(-1)!.x).toBeGreaterThan(4);
    },
  },
  {
    type: 'teleport', trigger: 'enters-occluder', body: 'box', onset: 45,
    scene: slidingBox({ type: 'teleport', body: 'box', trigger: { on: 'enters-occluder', occluder: 'screen' }, to: { x: 4.5, y: 0.5 } }, [screen(2.5)]),
    check(p, q, onset) {
      expect(q[onset]!.visible).toBe(false); // it jumps while hidden
      expect(q[onset + 1]!.x).toBeCloseTo(4.5 + 2 * DT, 3);
      expect(q[onset + 1]!.vx).toBeCloseTo(2, 3); // and keeps its velocity
      expect(p[onset + 1]!.x).toBeCloseTo(2 + 2 * DT, 3);
    },
  },
  {
    type: 'vanish', trigger: 'enters-occluder', body: 'box', onset: 45,
    scene: slidingBox({ type: 'vanish', body: 'box', trigger: { on: 'enters-occluder', occluder: 'screen' } }, [screen(2.5)]),
    check(p, q, onset) {
      for (const s of q.slice(onset + 1)) {
        expect(s.present).toBe(false);
        expect(s.visible).toBe(false);
      }
      expect(p.at(-1)!.present).toBe(true);
      expect(p.at(-1)!.visible).toBe(true); // the possible box comes out from behind the screen
    },
  },
  {
    type: 'appear', trigger: 'time', body: 'ball', onset: 30,
    scene: testScene({
      bodies: [{ id: 'ball', kind: 'ball', x: 3, y: 2, radius: 0.2, present: false }],
      violation: { type: 'appear', body: 'ball', trigger: { on: 'time', at: 0.5 } },
    }),
    check(p, q, onset) {
      for (const s of q.slice(0, onset + 1)) expect(s.present).toBe(false);
      for (const s of q.slice(onset + 1)) expect(s.present && s.visible).toBe(true);
      expect(q.at(-1)!.y).toBeCloseTo(0.5, 1); // it appears, then falls to the floor
      for (const s of p) expect(s.present || s.visible).toBe(false);
    },
  },
  {
    type: 'pass-through', trigger: 'time', body: 'box', onset: 12,
    scene: testScene({
      bodies: [
        { id: 'wall', kind: 'wall', x: 3, y: 1.5, width: 0.2, height: 2.4 },
        { id: 'box', kind: 'box', x: 1, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } },
      ],
      violation: { type: 'pass-through', body: 'box', other: 'wall', trigger: { on: 'time', at: 0.2 } },
    }),
    check(p, q) {
      expect(q.at(-1)!.x).toBeGreaterThan(4.5); // through the wall at x = 3…
      expect(q.at(-1)!.vx).toBeCloseTo(2, 3);
      expect(q.at(-1)!.y).toBeCloseTo(0.5, 3); // …and still on the floor: only the pair stops colliding
      expect(Math.max(...p.map((s) => s.x))).toBeLessThan(2.9 - 0.2 + 0.01); // the possible box is stopped by it
    },
  },
  {
    type: 'reverse', trigger: 'leaves-occluder', body: 'box', onset: 60,
    scene: slidingBox({ type: 'reverse', body: 'box', trigger: { on: 'leaves-occluder', occluder: 'screen' } }, [screen(2)]),
    check(p, q, onset) {
      expect(q[onset - 1]!.visible).toBe(false);
      expect(q[onset]!.visible).toBe(true); // it has just come out of the screen
      for (const s of q.slice(onset + 1)) expect(s.vx).toBeCloseTo(-2, 3);
      expect(q.at(-1)!.x).toBeCloseTo(q[onset]!.x - 2 * DT * (q.length - 1 - onset), 2);
      for (const s of p.slice(onset + 1)) expect(s.vx).toBeCloseTo(2, 3);
    },
  },
  {
    type: 'deflect', trigger: 'reaches-x', body: 'box', onset: 45,
    scene: slidingBox({ type: 'deflect', body: 'box', trigger: { on: 'reaches-x', x: 2 }, angle: Math.PI / 2 }),
    check(p, q, onset) {
      // A quarter turn counter-clockwise: rightward motion becomes upward, at the same speed.
      expect(q[onset + 1]!.vx).toBeCloseTo(0, 3);
      expect(q[onset + 1]!.vy).toBeCloseTo(2 - 9.81 * DT, 1);
      expect(Math.max(...q.map((s) => s.y))).toBeGreaterThan(0.65);
      expect(p[onset + 1]!.vx).toBeCloseTo(2, 3);
      expect(Math.max(...p.map((s) => s.y))).toBeLessThan(0.51);
    },
  },
  {
    type: 'resize', trigger: 'loses-support', body: 'box', onset: 61,
    scene: testScene({
      bodies: [
        { id: 'platform', kind: 'platform', x: 1, y: 0.8, width: 2, height: 1 },
        { id: 'box', kind: 'box', x: 0.5, y: 1.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 1.5, y: 0 } },
      ],
      violation: { type: 'resize', body: 'box', trigger: { on: 'loses-support' }, scale: 2 },
    }),
    check(p, q, onset) {
      expect(q[onset]!.x).toBeGreaterThan(2); // its centre has passed the platform's edge
      for (const s of q.slice(onset + 1)) {
        expect(s.width).toBeCloseTo(0.8, 9);
        expect(s.height).toBeCloseTo(0.8, 9);
      }
      for (const s of p) expect(s.width).toBeCloseTo(0.4, 9);
    },
  },
  {
    type: 'reshape', trigger: 'time', body: 'box', onset: 30,
    scene: slidingBox({ type: 'reshape', body: 'box', trigger: { on: 'time', at: 0.5 }, kind: 'ball', radius: 0.15 }),
    check(p, q, onset) {
      for (const s of q.slice(onset + 1)) {
        expect(s.kind).toBe('ball');
        expect(s.width).toBeCloseTo(0.3, 9);
      }
      // It keeps its place and its motion at the onset: the new shape starts where the old one was.
      expect(Math.abs(q[onset + 1]!.x - p[onset + 1]!.x)).toBeLessThan(0.02);
      expect(q[onset + 1]!.vx).toBeGreaterThan(1.5);
      for (const s of p) expect(s.kind).toBe('box');
    },
  },
  {
    type: 'transfer', trigger: 'time', body: 'box', onset: 30,
    scene: testScene({
      bodies: [
        { id: 'box', kind: 'box', x: 0.5, y: 0.5, width: 0.4, height: 0.4, friction: 0, velocity: { x: 2, y: 0 } },
        { id: 'other', kind: 'box', x: 4.5, y: 0.5, width: 0.4, height: 0.4, friction: 0 },
      ],
      violation: { type: 'transfer', body: 'box', trigger: { on: 'time', at: 0.5 }, other: 'other' },
    }),
    check(p, q, onset) {
      for (const s of q.slice(onset + 1)) expect(Math.abs(s.vx)).toBeLessThan(0.01);
      expect(p[onset + 10]!.vx).toBeGreaterThan(1.9);
    },
  },
  {
    type: 'set-velocity', trigger: 'reaches-x', body: 'box', onset: 45,
    scene: slidingBox({ type: 'set-velocity', body: 'box', trigger: { on: 'reaches-x', x: 2 }, velocity: { x: -0.5, y: 1 } }),
    check(p, q, onset) {
      expect(q[onset + 1]!.vx).toBeCloseTo(-0.5, 6);
      expect(q[onset + 1]!.vy).toBeGreaterThan(0.8); // thrown upwards, gravity then acts
      expect(p[onset + 1]!.vx).toBeCloseTo(2, 6);
    },
  },
  {
    // Leftward: from x = 5 at −2 m/s it reaches x = 4 after 30 steps (in pixel arithmetic a hair
    // short of it at frame 30, so the trigger fires at 31).
    type: 'scale-velocity', trigger: 'reaches-x', body: 'ball', onset: 31,
    scene: testScene({
      bodies: [{ id: 'ball', kind: 'ball', x: 5, y: 1.5, radius: 0.1, velocity: { x: -2, y: 3 } }],
      violation: { type: 'scale-velocity', body: 'ball', trigger: { on: 'reaches-x', x: 4 }, by: { x: -1, y: 1 } },
    }),
    check(p, q, onset) {
      expect(q[onset]!.x).toBeLessThanOrEqual(4);
      expect(q[onset - 1]!.x).toBeGreaterThan(4);
      // Turned back horizontally, its fall kept: the same vertical motion as the possible twin's.
      expect(q[onset + 1]!.vx).toBeCloseTo(2, 9);
      expect(p[onset + 1]!.vx).toBeCloseTo(-2, 9);
      for (let f = onset + 1; f < onset + 15; f++) expect(q[f]!.vy).toBeCloseTo(p[f]!.vy, 9);
    },
  },
  {
    // A ball thrown at a wall: its centre is 0.1 m from the wall after (2.9 − 0.1 − 1) / 4 s = 27
    // frames, so the contact happens during the step to frame 28, whose start sees it.
    type: 'weightless', trigger: 'contact', body: 'ball', onset: 28,
    scene: testScene({
      bodies: [
        { id: 'ball', kind: 'ball', x: 1, y: 1, radius: 0.1, velocity: { x: 4, y: 2 } },
        { id: 'wall', kind: 'wall', x: 3, y: 1.8, width: 0.2, height: 3 },
      ],
      violation: { type: 'weightless', body: 'ball', trigger: { on: 'contact', other: 'wall' } },
    }),
    check(p, q, onset) {
      // Bounced back, it keeps the velocity it had at the onset: no more falling.
      expect(q[onset]!.vx).toBeLessThan(0);
      for (const s of q.slice(onset + 1, onset + 10)) { // it lands on the floor 10 frames later
        expect(s.vy).toBeCloseTo(q[onset]!.vy, 9);
        expect(s.vx).toBeCloseTo(q[onset]!.vx, 9);
      }
      expect(p[onset + 5]!.vy).toBeLessThan(p[onset]!.vy - 0.5);
    },
  },
  {
    // A car at 1 m/s with a rolling resistance of 1 m/s² stops after 60 steps; its speed is under
    // the default 0.02 m/s from frame 59.
    type: 'set-velocity', trigger: 'comes-to-rest', body: 'car', onset: 59,
    scene: testScene({
      bodies: [{ id: 'car', kind: 'car', x: 0.5, y: 0.45, width: 0.5, height: 0.3, rollingResistance: 1, velocity: { x: 1, y: 0 } }],
      violation: { type: 'set-velocity', body: 'car', trigger: { on: 'comes-to-rest' }, velocity: { x: 1, y: 0 } },
    }),
    check(p, q, onset) {
      expect(Math.abs(q[onset]!.vx)).toBeLessThan(0.02);
      expect(Math.abs(q[onset - 1]!.vx)).toBeGreaterThanOrEqual(0.02);
      expect(q[onset + 1]!.vx).toBeGreaterThan(0.9);
      expect(p.at(-1)!.x).toBeCloseTo(p[onset + 1]!.x, 2);
    },
  },
];

function csvUpTo(trial: Trial, frame: number): string {
  return trajectoryCsv(trial.snapshots.slice(0, frame + 1));
}

describe('violations', () => {
  it('covers every violation type and every trigger kind', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(VIOLATION_TYPES));
    expect(new Set(cases.map((c) => c.trigger))).toEqual(new Set(['time', 'loses-support', 'enters-occluder', 'leaves-occluder', 'reaches-x', 'comes-to-rest', 'contact']));
  });

  it.each(cases.map((c) => [c.type, c.trigger, c] as const))('%s on %s: acts in the impossible twin only', (_type, _trigger, c) => {
    const { possible, impossible } = runPair(c.scene);
    // The trigger fires at the same frame in both twins; only the impossible one applies the magic.
    expect(impossible.onsetFrame).toBe(c.onset);
    expect(possible.onsetFrame).toBe(c.onset);
    expect(impossible.events).toContainEqual({ frame: c.onset, kind: 'violation-onset', body: c.body });
    expect(possible.events.some((e) => e.kind === 'violation-onset')).toBe(false);
    // Identical up to and including the onset frame, different afterwards (a pass-through shows only at contact).
    expect(csvUpTo(impossible, c.onset)).toBe(csvUpTo(possible, c.onset));
    expect(trajectoryCsv(impossible.snapshots)).not.toBe(trajectoryCsv(possible.snapshots));
    c.check(track(possible, c.body), track(impossible, c.body), c.onset);
  });
});
