// Surprise at appearance: an object that appears where the observer expected nothing costs
// −ln P(it was where nobody had looked); one coming out from behind a screen that always stood there,
// or in from beyond the window's edge, costs little. Learners, baselines and the oracle alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneValue } from '../../src/scenes/parse';
import { runTrial, observations, type TrialRun } from '../../src/experiment/trial';
import { ORACLE, observerSurprise, type Observer } from '../../src/experiment/observers';
import { ConstantVelocityPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { GravityOnlyPredictor } from '../../src/predictor/gravityOnly';
import { computeSurprise, HORIZON, MISSING_SURPRISE } from '../../src/predictor/surprise';
import { LiveSurprise } from '../../src/predictor/liveSurprise';
import { ArrivalTracker } from '../../src/predictor/appearance';
import { viewAt, viewsOf } from '../../src/predictor/view';
import { resolveScene } from '../../src/scenes/resolve';
import { nextUnexplored } from '../../src/predictor/unexplored';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene, testScene } from './support/trials';

let newborn: StepPredictor;
let oldest: StepPredictor;
const cv = new ConstantVelocityPredictor();
const gravity = new GravityOnlyPredictor();

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  newborn = loadCheckpointDir(entries[0]!.dir!, entries[0]!.name);
  oldest = loadCheckpointDir(entries[entries.length - 1]!.dir!, entries[entries.length - 1]!.name);
});

/** The reverse of box-gone-when-screen-lowers: the stage is seen empty, a screen rises in front of
 * nothing and goes down again. Possible: still nothing. Impossible: a box is there (it appears behind
 * the screen while the screen is up). */
const boxThereWhenScreenLowers = (() => {
  const scene = JSON.parse(JSON.stringify(loadRepoScene('box-gone-when-screen-lowers'))) as Record<string, unknown> & { bodies: Record<string, unknown>[] };
  scene.id = 'box-there-when-screen-lowers';
  scene.bodies = scene.bodies.map((b) => (b.id === 'box' ? { ...b, present: false } : b));
  scene.violation = { type: 'appear', body: 'box', trigger: { on: 'time', at: '(raiseTime + 0.5 + lowerTime) / 2' } };
  return parseSceneValue(scene, 'box-there-when-screen-lowers');
})();

const firstSeen = (run: TrialRun, id: string): number => run.snapshots.findIndex((s) => s.bodies.some((b) => b.id === id && b.visible));
const sum = (a: Float64Array): number => a.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0);

describe('a box there when the screen lowers, though none was put there', () => {
  const possible = runTrial(boxThereWhenScreenLowers, 'possible', 1, 4);
  const impossible = runTrial(boxThereWhenScreenLowers, 'impossible', 1, 4);
  const seen = firstSeen(impossible, 'box');

  it('the pair is what it says: no box ever in the possible twin; in the impossible one it is first seen as the screen goes down', () => {
    expect(possible.snapshots.every((s) => s.bodies.every((b) => b.id !== 'box' || !b.visible))).toBe(true);
    expect(seen).toBeGreaterThan(impossible.onsetFrame!);
    const screen = impossible.views[seen]!.screens[0]!;
    expect(screen.height).toBeLessThan(impossible.views[impossible.onsetFrame!]!.screens[0]!.height);
    // The screen went up in front of space the observer had seen: nothing of it is unexplored.
    const box = impossible.snapshots[seen]!.bodies.find((b) => b.id === 'box')!;
    expect(impossible.views[seen - 1]!.unexplored.every((r) => Math.abs(box.y - r.y) > r.height / 2 + 0.05)).toBe(true);
  });

  it('every observer, the newborn included, is surprised by the appearance itself: 50 nats in each of the H rollouts that did not know of it', () => {
    const observers: Observer[] = [newborn, oldest, cv, gravity];
    for (const o of observers) {
      const p = observerSurprise(o, observations(possible), observations(possible), possible.views);
      const q = observerSurprise(o, observations(impossible), observations(possible), impossible.views);
      const box = q.perObject.get('box')!;
      for (let t = seen; t < seen + HORIZON; t++) expect(box[t], `${o.name} frame ${t}`).toBe(MISSING_SURPRISE);
      // Nothing moves in the possible twin: no surprise at all, so the pair is won by the appearance,
      // not by whatever the observer makes of a box standing still.
      expect(sum(p.total), o.name).toBe(0);
      expect(sum(q.total), o.name).toBeGreaterThanOrEqual(HORIZON * MISSING_SURPRISE);
    }
  }, 60_000);

  it('without views (the old rule) the appearance is not scored, and the newborn wins the pair by noise alone', () => {
    const old = computeSurprise(newborn, observations(impossible));
    expect(old.perObject.get('box')!.slice(seen, seen + HORIZON).every((v) => Number.isNaN(v))).toBe(true);
    expect(sum(old.total)).toBeLessThan(HORIZON * MISSING_SURPRISE / 10);
  }, 60_000);

  it('the oracle scores it too: a box seen where the simulator has none', () => {
    const p = observerSurprise(ORACLE, observations(possible), observations(possible), possible.views);
    const q = observerSurprise(ORACLE, observations(impossible), observations(possible), impossible.views);
    expect(sum(p.total)).toBe(0);
    expect(q.total[seen]).toBe(MISSING_SURPRISE);
  });

  it('computed live, frame by frame, gives the batch numbers (the appearance exactly)', () => {
    const frames = observations(impossible);
    const batch = computeSurprise(oldest, frames, HORIZON, impossible.views);
    const live = new LiveSurprise(oldest);
    frames.forEach((obs, t) => {
      const r = live.push(t, obs, impossible.views[t]);
      if (t < HORIZON) return;
      expect(Math.abs(r.total! - batch.total[t]!), `frame ${t}`).toBeLessThanOrEqual(1e-3 * Math.max(1, batch.total[t]!));
      if (t >= seen && t < seen + HORIZON) expect(r.perObject.get('box')).toBe(MISSING_SURPRISE);
    });
  }, 60_000);
});

describe('appearances that cost little', () => {
  /** A box behind a screen that stands from the start and lowers at 1 s; a ball rolls out from behind
   * a second screen that never moves; a third ball (absent at first) comes in from beyond the right edge. */
  const scene = parseSceneValue({
    ...testScene({}),
    duration: 2,
    bodies: [
      // The floor runs on past the window's right edge, for the visitor to roll in on.
      { id: 'floor', kind: 'ground', x: 3.5, y: 0.15, width: 7, height: 0.3 },
      { id: 'box', kind: 'box', x: 1.5, y: 0.5, width: 0.4, height: 0.4 },
      { id: 'ball', kind: 'ball', x: 4.2, y: 0.4, radius: 0.1, friction: 0, velocity: { x: -1, y: 0 } },
      { id: 'visitor', kind: 'ball', x: 6.3, y: 0.4, radius: 0.1, friction: 0, velocity: { x: -2, y: 0 }, present: false },
    ],
    occluders: [
      { id: 'lowering', x: 1.5, y: 0.9, width: 1, height: 1.2, moves: [{ at: 1, duration: 0.5, y: 0.325, height: 0.05 }] },
      { id: 'standing', x: 4.2, y: 0.9, width: 0.8, height: 1.2 },
    ],
    violation: { type: 'appear', body: 'visitor', trigger: { on: 'time', at: 0.3 } },
  }, 'appearances');
  const run = runTrial(scene, 'impossible', undefined, 0);
  const frames = observations(run);

  it('each object is first seen after frame 0, and each costs well under a nat', () => {
    const tracker = new ArrivalTracker();
    const costs = new Map<string, number>();
    frames.forEach((obs, t) => { for (const [id, s] of tracker.push(obs, run.views[t]!)) costs.set(id, s); });
    for (const id of ['box', 'ball', 'visitor']) expect(firstSeen(run, id), id).toBeGreaterThan(0);
    for (const id of ['box', 'ball', 'visitor']) expect(costs.get(id) ?? 0, id).toBeLessThan(0.7);
  });

  it('constant velocity, exact for these motions, is hardly surprised over the whole trial', () => {
    const s = computeSurprise(cv, frames, HORIZON, run.views);
    expect(sum(s.total)).toBeLessThan(HORIZON * 3 * 0.7);
  });

  it('the same visitor appearing in plain view costs the cap', () => {
    const plain = parseSceneValue(testScene({
      duration: 1,
      bodies: [{ id: 'visitor', kind: 'ball', x: 3, y: 0.4, radius: 0.1, friction: 0, velocity: { x: 2, y: 0 }, present: false }],
      violation: { type: 'appear', body: 'visitor', trigger: { on: 'time', at: 0.5 } },
    }), 'plain-view');
    const r = runTrial(plain, 'impossible', undefined, 0);
    const s = computeSurprise(cv, observations(r), HORIZON, r.views);
    const t = firstSeen(r, 'visitor');
    expect(s.perObject.get('visitor')![t]).toBe(MISSING_SURPRISE);
    expect(s.perObject.get('visitor')![t + HORIZON]).toBeLessThan(1e-9);
  });

  it('the view of one frame (the playground asks for it frame by frame) is the whole trial\'s view at that frame', () => {
    const { world } = resolveScene(scene, {});
    const views = viewsOf(world, frames.length - 1);
    expect(views).toEqual(run.views);
    for (const f of [0, 30, 60, 75, 90, 119]) expect(viewAt(world, f), `frame ${f}`).toEqual(views[f]);
    // The standing screen is unexplored throughout; the lowering one shrinks to its thin strip.
    expect(views[119]!.unexplored.map((r) => Math.round(r.height * 100))).toEqual([5, 120]);
  });
});

describe('the unexplored space', () => {
  const view = { width: 6, height: 3 };
  const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

  it('starts as the screens (clipped to the window) and only shrinks: a screen raised later adds nothing', () => {
    const first = nextUnexplored(null, view, [rect(0, 1, 1, 1), rect(3, 1, 1, 1)]);
    expect(first).toEqual([rect(0.25, 1, 0.5, 1), rect(3, 1, 1, 1)]);
    const later = nextUnexplored(first, view, [rect(0, 1, 1, 1), rect(3, 1, 1, 1), rect(5, 1, 1, 1)]);
    expect(later).toEqual(first);
    // The second screen slides 0.25 m right: only what stayed behind it is still unexplored.
    expect(nextUnexplored(later, view, [rect(0, 1, 1, 1), rect(3.25, 1, 1, 1)])).toEqual([rect(0.25, 1, 0.5, 1), rect(3.125, 1, 0.75, 1)]);
  });

  it('overlapping screens give each piece once, and the pieces stay the same frame after frame', () => {
    const screens = [rect(2, 1, 2, 1), rect(2.5, 1.2, 2, 1)];
    const first = nextUnexplored(null, view, screens);
    expect(first).toHaveLength(2);
    let u = first;
    for (let f = 0; f < 50; f++) u = nextUnexplored(u, view, screens);
    expect(u).toHaveLength(2);
  });
});
