// Rollouts remembered by their start (rolloutMemo.ts): a start the same to the bit is not rolled out
// again, and the surprise is, to the bit, what rolling every start out gives.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { runTrial, observations } from '../../src/experiment/trial';
import type { StepPredictor } from '../../src/predictor/predictor';
import { computeSurprise, HORIZON } from '../../src/predictor/surprise';
import { startRollout } from '../../src/predictor/rollout';
import { RolloutMemo, sameStart, startHash } from '../../src/predictor/rolloutMemo';
import { LiveSurprise } from '../../src/predictor/liveSurprise';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';

let learner: StepPredictor;

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const last = entries[entries.length - 1]!;
  learner = loadCheckpointDir(last.dir!, last.name);
});

/** The learner, counting the frames it is asked to predict. */
function counting(inner: StepPredictor): StepPredictor & { rows: number } {
  const c = { name: inner.name, kind: inner.kind, experienceFrames: inner.experienceFrames, rows: 0,
    predict(frames: Parameters<StepPredictor['predict']>[0]) { c.rows += frames.length; return inner.predict(frames); } };
  return c;
}

const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, t) => Object.is(v, b[t]));

describe('RolloutMemo', () => {
  // A box at rest (many frames the same as the one before) and a ball through a wall (the pair's
  // trials share every frame before the onset); each with and without views (beliefs).
  for (const scene of ['box-resting-on-platform', 'ball-rolls-through-wall']) {
    for (const withViews of [false, true]) {
      it(`${scene} (${withViews ? 'with' : 'without'} views): one memo for both trials gives the same bits with fewer predictions`, () => {
        const p = runTrial(loadRepoScene(scene), 'possible', 1, 1);
        const i = runTrial(loadRepoScene(scene), 'impossible', 1, 1);
        const trials = [{ frames: observations(p), views: withViews ? p.views : undefined }, { frames: observations(i), views: withViews ? i.views : undefined }];
        // Each trial alone: with no memo (repeats found frame to frame) and with its own memo.
        const alone = counting(learner);
        const want = trials.map((t) => computeSurprise(alone, t.frames, HORIZON, t.views));
        const ownMemo = counting(learner);
        const own = trials.map((t) => computeSurprise(ownMemo, t.frames, HORIZON, t.views, new RolloutMemo(ownMemo, HORIZON)));
        expect(ownMemo.rows).toBeLessThanOrEqual(alone.rows); // keys also find repeats that are not consecutive
        const shared = counting(learner);
        const memo = new RolloutMemo(shared, HORIZON);
        const got = trials.map((t) => computeSurprise(shared, t.frames, HORIZON, t.views, memo));
        for (let k = 0; k < 2; k++) {
          expect(same(own[k]!.total, want[k]!.total), `trial ${k} totals, own memo`).toBe(true);
          expect(same(got[k]!.total, want[k]!.total), `trial ${k} totals`).toBe(true);
          expect(same(got[k]!.oneStepNll, want[k]!.oneStepNll)).toBe(true);
          for (const [id, s] of want[k]!.perObject) expect(same(got[k]!.perObject.get(id)!, s), `${id}`).toBe(true);
        }
        expect(Array.from(want[1]!.total).filter((v) => v > 0).length).toBeGreaterThan(50);
        if (scene.startsWith('box')) {
          // The box at rest: a start the same as the one before is not rolled out again, so far
          // fewer frames are predicted than one step per frame and H − 1 per rollout.
          const plain = trials.reduce((s, t) => s + (t.frames.length - 1) + (t.frames.length - HORIZON) * (HORIZON - 1), 0);
          expect(alone.rows).toBeLessThan(0.6 * plain);
        } else {
          // The second trial's frames shared with the first were not rolled out again.
          expect(shared.rows).toBeLessThan(0.8 * alone.rows);
        }
      });
    }
  }

  // Live: a start the same as the one before shares its rollout; the numbers are the batch's.
  for (const scene of ['box-resting-on-platform', 'ball-never-comes-out-from-behind-screen']) {
    it(`${scene}: live surprise shares repeated starts' rollouts and gives the batch's bits`, () => {
      const run = runTrial(loadRepoScene(scene), 'impossible', 1, 1);
      const frames = observations(run);
      const want = computeSurprise(learner, frames, HORIZON, run.views).total;
      const live = counting(learner);
      const surprise = new LiveSurprise(live);
      const got = frames.map((obs, t) => surprise.push(t, obs, run.views[t]).total);
      let scored = 0;
      frames.forEach((_, t) => {
        if (t < HORIZON) return expect(got[t]).toBeNull();
        scored++;
        expect(Object.is(got[t], want[t]), `frame ${t}: ${got[t]} vs ${want[t]}`).toBe(true);
      });
      expect(scored).toBeGreaterThan(100);
      // Without sharing: H rows per frame once H rollouts are in flight (the box rests for most
      // of its trial; the ball only before it is released).
      expect(live.rows).toBeLessThan((scene.startsWith('box') ? 0.5 : 0.95) * HORIZON * frames.length);
    });
  }

  it('finds a start by every number to the bit, its labels and its variances', () => {
    const obs = observations(runTrial(loadRepoScene('car-off-platform'), 'possible', 1, 1))[50]!;
    const memo = new RolloutMemo(learner, HORIZON);
    const entry = { start: obs };
    memo.add(entry);
    expect(memo.find(obs.map((o) => ({ ...o })))).toBe(entry);
    expect(startHash(obs.map((o) => ({ ...o })))).toBe(startHash(obs));
    // An observation is a belief that carries nothing hidden: the same rollout, the same entry.
    expect(memo.find(startRollout(obs))).toBe(entry);
    expect(startHash(startRollout(obs))).toBe(startHash(obs));
    const moved = obs.map((o, k) => (k === 0 ? { ...o, x: o.x + 1e-15 } : o));
    const zero = obs.map((o, k) => (k === 0 ? { ...o, vy: Object.is(o.vy, 0) ? -0 : o.vy * -1 } : o));
    const renamed = obs.map((o, k) => (k === 0 ? { ...o, id: `${o.id}x` } : o));
    const uncertain = startRollout(obs);
    uncertain.positionVariance[1] = 1e-300;
    for (const other of [moved, zero, renamed, [...obs].reverse(), uncertain]) expect(memo.find(other)).toBeUndefined();
    // A start whose numbers hash alike (the same numbers, another id) is still told apart, and found once added.
    expect(startHash(renamed)).toBe(startHash(obs));
    const other = { start: renamed };
    memo.add(other);
    expect(memo.find(renamed.map((o) => ({ ...o })))).toBe(other);
    expect(memo.find(obs)).toBe(entry);
    // sameStart: the test behind both.
    expect(sameStart(obs, obs.map((o) => ({ ...o })))).toBe(true);
    expect(sameStart(startRollout(obs), obs)).toBe(true);
    for (const other of [moved, zero, renamed, [...obs].reverse(), uncertain]) expect(sameStart(obs, other)).toBe(false);
  });

  it('refuses to serve another observer or horizon', () => {
    const memo = new RolloutMemo(learner, HORIZON);
    const frames = observations(runTrial(loadRepoScene('car-off-platform'), 'possible', 1, 1));
    expect(() => computeSurprise(counting(learner), frames, HORIZON, undefined, memo)).toThrow(/made for .* used for/);
    expect(() => computeSurprise(learner, frames, HORIZON - 1, undefined, memo)).toThrow(/over 20 steps, used for .* over 19/);
  });
});
