// The playground's real-time watch: behind when fewer steps ran than the wall clock owed, with the
// part that costs most named; in time again once a stretch keeps up; slow motion owes fewer steps.
import { describe, expect, it } from 'vitest';
import { RealTimeWatch, STRETCH_MS } from '../../src/pages/playground/realTimeWatch';
import type { StepCost } from '../../src/pages/playground/perfStats';

const FRAME_MS = 1000 / 60;

/** Runs `ms` of animation frames, taking `stepsPerFrame` steps of `cost` in each (fractions carry). */
function play(watch: RealTimeWatch, ms: number, stepsPerFrame: number, cost: StepCost | null, speed = 1, from = 0): number {
  let carry = 0;
  let t = from;
  for (; t < from + ms; t += FRAME_MS) {
    carry += stepsPerFrame;
    for (; carry >= 1; carry--) watch.step(cost);
    watch.frame(t, true, speed);
  }
  return t;
}

const cost = (models: Record<string, number>, ghost = 0.5, physics = 0.3, twin = 0): StepCost => ({ physics, twin, ghost, models });

describe('RealTimeWatch', () => {
  it('stays quiet while every owed step is taken', () => {
    const w = new RealTimeWatch();
    play(w, 3 * STRETCH_MS, 1, cost({ 'learner-100k': 1 }));
    expect(w.verdict).toBeNull();
  });

  it('names the observer that costs most when steps fall behind', () => {
    const w = new RealTimeWatch();
    play(w, 1.2 * STRETCH_MS, 0.4, cost({ 'learner-100k': 7.2, 'constant-velocity': 0.1 }, 2.5, 0.3, 0.3));
    const v = w.verdict!;
    expect(v.pace).toBeCloseTo(0.4, 1);
    expect(v.culprit).toEqual({ kind: 'model', id: 'learner-100k', ms: expect.closeTo(7.2, 6) });
    expect(v.stepMs).toBeCloseTo(7.2 + 0.1 + 2.5 + 0.3 + 0.3, 6);
  });

  it('names the ghost, the ideal observer (its twin and its track together) or the physics when they cost most', () => {
    const ghost = new RealTimeWatch();
    play(ghost, 1.2 * STRETCH_MS, 0.5, cost({ 'learner-100k': 1 }, 3));
    expect(ghost.verdict!.culprit.kind).toBe('ghost');
    const oracle = new RealTimeWatch();
    play(oracle, 1.2 * STRETCH_MS, 0.5, cost({ 'learner-100k': 1, oracle: 0.8 }, 0.2, 0.5, 0.5));
    expect(oracle.verdict!.culprit).toMatchObject({ kind: 'model', id: 'oracle' });
    expect(oracle.verdict!.culprit.ms).toBeCloseTo(1.3, 6);
    const physics = new RealTimeWatch();
    play(physics, 1.2 * STRETCH_MS, 0.5, cost({ 'constant-velocity': 0.1 }, 0, 12));
    expect(physics.verdict!.culprit.kind).toBe('physics');
  });

  it('clears once a stretch keeps up again, and after restart()', () => {
    const w = new RealTimeWatch();
    let t = play(w, 1.2 * STRETCH_MS, 0.5, cost({ a: 5 }));
    expect(w.verdict).not.toBeNull();
    t = play(w, 2.2 * STRETCH_MS, 1, cost({ a: 0.5 }), 1, t); // the stretch it began behind, then one in time
    expect(w.verdict).toBeNull();
    play(w, 1.2 * STRETCH_MS, 0.5, cost({ a: 5 }), 1, t);
    expect(w.verdict).not.toBeNull();
    w.restart();
    expect(w.verdict).toBeNull();
  });

  it('owes fewer steps in slow motion, and none while paused', () => {
    const slow = new RealTimeWatch();
    play(slow, 3 * STRETCH_MS, 0.25, cost({ a: 5 }), 0.25);
    expect(slow.verdict).toBeNull();
    const paused = new RealTimeWatch();
    for (let t = 0; t < 3 * STRETCH_MS; t += FRAME_MS) paused.frame(t, false, 1);
    expect(paused.verdict).toBeNull();
  });
});
