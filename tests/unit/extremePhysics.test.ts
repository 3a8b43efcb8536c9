// Valid but extreme scenes (500 bodies, very fast bodies, 1 cm and 20 m bodies): no NaN reaches the
// snapshots, the surprise of any observer or the CSV; a body that leaves the world is reported.
import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../src/scenes/parse';
import { runTrial, observations, type TrialRun } from '../../src/experiment/trial';
import { observerSurprise, ORACLE } from '../../src/experiment/observers';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { HORIZON } from '../../src/predictor/surprise';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';

const scene = (id: string, world: { width: number; height: number }, bodies: unknown[], duration = 2): unknown => ({
  format: 1, id, title: id, concept: 'free-play', study: { citation: 'none: a unit test' },
  world: { ...world, gravity: 9.81, substeps: 4 }, duration,
  bodies: [{ id: 'floor', kind: 'ground', x: world.width / 2, y: 0.25, width: world.width, height: 0.5 }, ...bodies],
});

const run = (value: unknown): TrialRun => runTrial(parseSceneValue(value, 'extreme'), 'possible', undefined, 0);

/** Every number in every snapshot, the surprise of both baseline observers and the CSV are finite. */
function expectAllFinite(trial: TrialRun): void {
  for (const s of trial.snapshots) {
    for (const b of s.bodies) {
      if (!b.present) continue;
      for (const k of ['x', 'y', 'vx', 'vy', 'angle', 'angularVelocity', 'width', 'height'] as const) {
        if (!Number.isFinite(b[k])) expect.fail(`${b.id}.${k} = ${b[k]} at frame ${s.frame}`);
      }
    }
  }
  const frames = observations(trial);
  for (const observer of [new ConstantVelocityPredictor(), ORACLE]) {
    const trace = observerSurprise(observer, frames, frames);
    const start = observer.kind === 'oracle' ? 0 : HORIZON;
    for (let t = start; t < frames.length; t++) {
      if (!Number.isFinite(trace.total[t])) expect.fail(`${observer.kind} surprise ${trace.total[t]} at frame ${t}`);
    }
  }
  const csv = trajectoryCsv(trial.snapshots);
  expect(csv).not.toMatch(/NaN|Infinity/);
  const present = trial.snapshots.flatMap((s) => s.bodies.filter((b) => b.present).map(() => 1)).length;
  const filledRows = csv.split('\n').slice(1).filter((l) => l !== '' && l.split(',')[3] !== '').length;
  expect(filledRows).toBe(present);
}

describe('extreme but valid physics', () => {
  it('500 bodies piled in a 30 m world stay finite everywhere', () => {
    const bodies = Array.from({ length: 500 }, (_, i) => {
      const col = i % 50;
      const row = Math.floor(i / 50);
      const at = { x: 0.5 + col * 0.58, y: 1 + row * 0.45 };
      return i % 2 === 0 ? { id: `box${i}`, kind: 'box', ...at, width: 0.3, height: 0.3 } : { id: `ball${i}`, kind: 'ball', ...at, radius: 0.15 };
    });
    const trial = run(scene('crowd', { width: 30, height: 8 }, bodies, 1.5));
    expect(trial.snapshots[0]!.bodies).toHaveLength(501);
    expectAllFinite(trial);
  }, 120_000);

  it('very fast bodies stay finite and are reported when they leave the world', () => {
    const trial = run(scene('fast', { width: 10, height: 5 }, [
      { id: 'bullet', kind: 'ball', x: 2, y: 1, radius: 0.1, velocity: { x: 300, y: 0 } },
      { id: 'rocket', kind: 'box', x: 5, y: 1, width: 0.2, height: 0.2, velocity: { x: 0, y: 250 } },
      { id: 'diver', kind: 'ball', x: 8, y: 2, radius: 0.1, velocity: { x: -150, y: -150 } },
    ]));
    expectAllFinite(trial);
    const left = trial.events.filter((e) => e.kind === 'left-world').map((e) => e.body);
    expect(left).toContain('bullet');
    // A body reported gone is absent afterwards, not silently dropped from the snapshots.
    const last = trial.snapshots.at(-1)!;
    for (const id of left) {
      const b = last.bodies.find((x) => x.id === id);
      expect(b, `${id} is still listed`).toBeDefined();
      expect(b!.present).toBe(false);
    }
  });

  it('a body pushed off the side of the world gets exactly one left-world event', () => {
    const trial = run(scene('off-side', { width: 6, height: 3 }, [{ id: 'ball', kind: 'ball', x: 5, y: 1, radius: 0.2, velocity: { x: 8, y: 0 } }]));
    const events = trial.events.filter((e) => e.kind === 'left-world');
    expect(events).toEqual([expect.objectContaining({ kind: 'left-world', body: 'ball' })]);
    const frame = events[0]!.frame;
    expect(trial.snapshots[frame - 1]!.bodies.find((b) => b.id === 'ball')!.present).toBe(true);
    expect(trial.snapshots.at(-1)!.bodies.find((b) => b.id === 'ball')!.present).toBe(false);
    expectAllFinite(trial);
  });

  it('1 cm and 20 m bodies side by side stay finite', () => {
    const trial = run(scene('sizes', { width: 60, height: 30 }, [
      { id: 'grain', kind: 'box', x: 5, y: 1, width: 0.01, height: 0.01 },
      { id: 'bead', kind: 'ball', x: 6, y: 3, radius: 0.005 },
      { id: 'giant', kind: 'box', x: 30, y: 12, width: 20, height: 20 },
      { id: 'boulder', kind: 'ball', x: 50, y: 15, radius: 10 },
      { id: 'crumb', kind: 'ball', x: 30, y: 25, radius: 0.005 },
    ], 3));
    expectAllFinite(trial);
  });
});
