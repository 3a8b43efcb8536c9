// The ghost's divergence: measured on real trials of the car scene against real rollouts, and on
// small hand-made cases (a ghost still building, a future not yet happened, a body out of sight).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { ConstantVelocityPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { advanceRollouts, startRollout } from '../../src/predictor/rollout';
import type { Observation } from '../../src/predictor/observation';
import { observations, runTrial } from '../../src/experiment/trial';
import { ghostDivergence, type GhostRollout } from '../../src/experiment/ghostDivergence';
import { ON_TRACK_TOLERANCE_M } from '../../src/experiment/onTrack';
import { DEFAULT_MODELS_DIR, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';

/** What the playground's ghost holds: a predictor's rollout of `steps` steps from `start`. */
function ghostOf(predictor: StepPredictor, start: Observation, frame: number, steps: number): GhostRollout {
  const r = startRollout(start);
  const moving = start.filter((o) => !o.isStatic);
  const paths = moving.map((o) => ({ id: o.id, x: [o.x], y: [o.y] }));
  for (let k = 1; k <= steps; k++) {
    advanceRollouts(predictor, [r]);
    for (const p of paths) {
      const o = r.state.find((s) => s.id === p.id)!;
      p.x.push(o.x);
      p.y.push(o.y);
    }
  }
  return { start: frame, steps, paths };
}

beforeAll(async () => { await useWasmBackend(); });

describe('ghost divergence on the car scene', () => {
  const car = loadRepoScene('car-off-platform');
  const possible = runTrial(car, 'possible', undefined, 0);
  const real = observations(possible);
  const push = possible.events.find((e) => e.kind === 'push')!.frame;
  // A 10 s ghost: judged over the rest of the 4 s trial.
  const steps = 600;

  // The frame after the push: the car is moving (at the push frame itself it is still at rest).
  const moving = push + 1;

  it('constant velocity leaves the track once the car slows and falls', () => {
    const d = ghostDivergence(ghostOf(new ConstantVelocityPredictor(), real[moving]!, moving, steps), real.slice(moving));
    expect(d.judged).toBe(real.length - 1 - moving);
    expect(d.tolerance).toBe(ON_TRACK_TOLERANCE_M);
    expect(d.exitBody).toBe('car');
    expect(d.exitStep).not.toBeNull();
    // It was within 5 cm at every step before it left, and beyond it there.
    const c = d.bodies.find((b) => b.id === 'car')!;
    for (let k = 0; k < d.exitStep!; k++) expect(c.distance[k]!).toBeLessThanOrEqual(ON_TRACK_TOLERANCE_M);
    expect(c.distance[d.exitStep!]!).toBeGreaterThan(ON_TRACK_TOLERANCE_M);
    // It expects the car to sail on at the height of the platform: over a metre off by the end.
    expect(d.maxDistance).toBeGreaterThan(1);
    expect(c.realY[d.judged]!).toBe(real[real.length - 1]!.find((o) => o.id === 'car')!.y);
  });

  it('from the moment the car loses support, the learner expects the fall and constant velocity the float', () => {
    const learner = loadCheckpointDir(`${DEFAULT_MODELS_DIR}/learner-100k`, 'learner-100k');
    const from = possible.events.find((e) => e.kind === 'loses-support')!.frame;
    // The fall is a question of height: the largest vertical gap between the ghost's car and the real
    // one over the rest of the trial. (Along the floor the learners differ: the shipped learner-100k
    // expects the landed car to brake and ends about 1.3 m short of it, docs/divergence.md.)
    const heightMiss = (p: StepPredictor, frames: Observation[]): number => {
      const ghost = ghostOf(p, frames[from]!, from, frames.length - 1 - from).paths.find((g) => g.id === 'car')!;
      return Math.max(...Array.from(ghost.y, (y, k) => Math.abs(y - frames[from + k]!.find((o) => o.id === 'car')!.y)));
    };
    // The car falls: constant velocity expects it to sail on at the platform's height (about 0.95 m
    // off), the learner lands it on the floor.
    const cvFalls = heightMiss(new ConstantVelocityPredictor(), real), lnFalls = heightMiss(learner, real);
    expect(cvFalls).toBeGreaterThan(0.8);
    expect(lnFalls).toBeLessThan(cvFalls / 4);
    // The car floats (same frames up to the onset): the other way round.
    const floats = observations(runTrial(car, 'impossible', undefined, 0));
    const cvFloats = heightMiss(new ConstantVelocityPredictor(), floats), lnFloats = heightMiss(learner, floats);
    expect(lnFloats).toBeGreaterThan(0.8);
    expect(cvFloats).toBeLessThan(lnFloats / 4);
  });

  it('the ideal observer (the simulator run again from the same scene) never leaves the track', () => {
    const again = observations(runTrial(car, 'possible', undefined, 0));
    const sim: GhostRollout = { start: moving, steps, paths: [{ id: 'car', x: again.slice(moving).map((o) => o.find((b) => b.id === 'car')!.x), y: again.slice(moving).map((o) => o.find((b) => b.id === 'car')!.y) }] };
    const d = ghostDivergence(sim, real.slice(moving));
    expect(d.exitStep).toBeNull();
    expect(d.maxDistance).toBe(0);
  });
});

describe('ghost divergence, small cases', () => {
  const at = (x: number, y: number, id = 'b'): Observation => [
    { id: 'floor', kind: 'ground', x: 0, y: 0, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 6, height: 0.3, isStatic: true },
    { id, kind: 'box', x, y, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 0.2, height: 0.2, isStatic: false },
  ];
  // The ghost expects b to move 2 cm right per step; really it stays at x = 0.
  const ghost: GhostRollout = { start: 10, steps: 5, paths: [{ id: 'b', x: [0, 0.02, 0.04, 0.06, 0.08, 0.1], y: [1, 1, 1, 1, 1, 1] }] };
  const still = Array.from({ length: 6 }, () => at(0, 1));

  it('judges only the steps that have happened, and leaves the track strictly beyond the tolerance', () => {
    const soFar = ghostDivergence(ghost, still.slice(0, 3));
    expect(soFar.judged).toBe(2);
    expect(soFar.exitStep).toBeNull();
    expect(soFar.maxDistance).toBeCloseTo(0.04, 12);
    const all = ghostDivergence(ghost, still);
    expect(all.judged).toBe(5);
    expect(all.exitStep).toBe(3);
    expect(all.exitBody).toBe('b');
    expect(all.maxDistance).toBeCloseTo(0.1, 12);
    expect(all.bodies[0]!.maxStep).toBe(5);
    expect(ghostDivergence(ghost, still, 0.06).exitStep).toBe(4);
  });

  it('judges only the steps built so far, and skips steps where the body is out of sight', () => {
    expect(ghostDivergence({ ...ghost, built: 1 }, still).judged).toBe(1);
    const hidden = still.map((o, k) => (k === 3 ? o.filter((b) => b.id !== 'b') : o));
    const d = ghostDivergence(ghost, hidden);
    expect(Number.isNaN(d.bodies[0]!.distance[3]!)).toBe(true);
    expect(d.exitStep).toBe(4);
    expect(ghostDivergence(ghost, [still[0]!]).judged).toBe(0);
    expect(ghostDivergence(ghost, []).judged).toBe(0);
  });
});
