// The learner's fast scoring path (fastRollout.ts: features written straight into the network's
// chunk, rollouts in typed arrays) against the straightforward one (buildFeatures, FastNetwork.predict
// over the FeatureBatch, rows scattered, RolloutStates stepped with applyPrediction): the same bits.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { runTrial, observations } from '../../src/experiment/trial';
import { LearnedPredictor, stepPrediction, type StepPredictor } from '../../src/predictor/predictor';
import { buildFeatures } from '../../src/predictor/features';
import { FastNetwork } from '../../src/predictor/fastNetwork';
import { DEFAULT_SHAPE, weightSpecs } from '../../src/predictor/networkShape';
import { hasIntegrator } from '../../src/predictor/coreKnowledge';
import { computeSurprise, HORIZON, type SurpriseTrace } from '../../src/predictor/surprise';
import { RolloutMemo } from '../../src/predictor/rolloutMemo';
import { rollout } from '../../src/predictor/rollout';
import { trackBeliefs } from '../../src/predictor/belief';
import type { Observation } from '../../src/predictor/observation';
import { createRng } from '../../src/sim/rng';
import { parseSceneValue } from '../../src/scenes/parse';
import type { SceneFile } from '../../src/scenes/schema';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';

let shipped: LearnedPredictor[];

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  shipped = [entries[0]!, entries[entries.length - 1]!].map((e) => loadCheckpointDir(e.dir!, e.name));
});

/** The same network and switches, predicting the straightforward way and without rollForward, so
 * computeSurprise steps RolloutStates through predict. */
const straightforward = (l: LearnedPredictor): StepPredictor => ({
  name: l.name, kind: l.kind, experienceFrames: l.experienceFrames, features: l.features,
  predict: (frames: readonly Observation[]) => {
    const batch = buildFeatures(frames, l.features);
    return stepPrediction(batch, l.fast.predict(batch), frames, hasIntegrator(l.features));
  },
});

/** A learner with seeded random weights (at the scale of trained ones) and the given switches:
 * contact features off and no integrator take other branches of the feature and output code. */
function randomLearner(seed: number, contactFeatures: boolean, integrator: boolean): LearnedPredictor {
  const rng = createRng(seed);
  const count = weightSpecs(DEFAULT_SHAPE).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  const values = Float32Array.from({ length: count }, () => rng.uniform(-0.3, 0.3));
  return new LearnedPredictor(`random-${seed}`, FastNetwork.fromWeights(DEFAULT_SHAPE, values), { contactFeatures, integrator }, 0);
}

/** Twelve boxes and balls dropped on a floor: 14 observed objects, more than a receiver hears (the
 * nearest MAX_SENDERS), and more rows per frame than senders per receiver. */
function crowd(): SceneFile {
  const rng = createRng(7);
  const bodies: unknown[] = [{ id: 'floor', kind: 'ground', x: 3, y: 0.15, width: 6, height: 0.3 }, { id: 'wall', kind: 'wall', x: 0.1, y: 1.5, width: 0.2, height: 3 }];
  for (let i = 0; i < 12; i++) {
    const x = 0.7 + (i % 6) * 0.85 + rng.uniform(-0.1, 0.1);
    const y = 0.8 + Math.floor(i / 6) * 0.7;
    const size = rng.uniform(0.25, 0.4);
    bodies.push(i % 2 === 0 ? { id: `box${i}`, kind: 'box', x, y, width: size, height: size, angle: rng.uniform(-0.5, 0.5) } : { id: `ball${i}`, kind: 'ball', x, y, radius: size / 2 });
  }
  return parseSceneValue({ format: 1, id: 'crowd', title: 'crowd', concept: 'free-play', study: { citation: 'none: a unit test' },
    world: { width: 6, height: 3, gravity: 9.81, substeps: 4 }, duration: 1, bodies }, 'crowd');
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

function expectSameTrace(got: SurpriseTrace, want: SurpriseTrace, label: string): void {
  expect(sameBits(got.total, want.total), `${label}: totals`).toBe(true);
  expect(sameBits(got.oneStepNll, want.oneStepNll), `${label}: one-step NLL`).toBe(true);
  expect([...got.perObject.keys()]).toEqual([...want.perObject.keys()]);
  for (const [id, s] of want.perObject) expect(sameBits(got.perObject.get(id)!, s), `${label}: ${id}`).toBe(true);
}

describe('the fast scoring path gives the straightforward path\'s bits', () => {
  // A car off a platform; a ball behind a screen (beliefs that carry a hidden object); a box at rest
  // (repeated starts); a ball through a wall (a pair sharing its frames before the onset); a crowd.
  const cases: { name: string; scene: () => SceneFile }[] = [
    ...['car-off-platform', 'ball-never-comes-out-from-behind-screen', 'box-resting-on-platform', 'ball-rolls-through-wall']
      .map((name) => ({ name, scene: () => loadRepoScene(name) })),
    { name: 'crowd of 14', scene: crowd },
  ];
  for (const { name, scene } of cases) {
    it(`${name}: one-step predictions, beliefs and both trials' surprise with one memo, with and without views`, () => {
      const s = scene();
      const runs = s.violation ? [runTrial(s, 'possible', 1, 1), runTrial(s, 'impossible', 1, 1)] : [runTrial(s, 'possible', 1, 1)];
      const learners = [...shipped, randomLearner(3, false, false), randomLearner(4, true, false)];
      for (const learner of learners) {
        const plain = straightforward(learner);
        const frames = runs.map((r) => observations(r));
        for (const f of frames) {
          const got = learner.predict(f);
          const want = plain.predict(f);
          expect(got.n).toBe(want.n);
          expect(sameBits(got.mean, want.mean) && sameBits(got.variance, want.variance), `${learner.name}: one-step rows`).toBe(true);
        }
        // Beliefs as starts (hidden objects carried), rolled out in one batch.
        const starts = trackBeliefs(learner, frames[0]!.slice(0, 60), runs[0]!.views);
        const fast = learner.rollForward(starts, HORIZON);
        const slow = rollout(plain, starts, HORIZON);
        fast.forEach((r, b) => {
          expect(r.state).toEqual(slow[b]!.state);
          expect(sameBits(r.state.flatMap((o) => [o.x, o.y, o.vx, o.vy, o.angle, o.angularVelocity]), slow[b]!.state.flatMap((o) => [o.x, o.y, o.vx, o.vy, o.angle, o.angularVelocity]))).toBe(true);
          expect(sameBits(r.velocityVariance, slow[b]!.velocityVariance) && sameBits(r.positionVariance, slow[b]!.positionVariance)).toBe(true);
        });
        for (const withViews of [false, true]) {
          const fastMemo = new RolloutMemo(learner, HORIZON);
          const plainMemo = new RolloutMemo(plain, HORIZON);
          runs.forEach((run, k) => {
            const views = withViews ? run.views : undefined;
            const got = computeSurprise(learner, frames[k]!, HORIZON, views, fastMemo);
            const want = computeSurprise(plain, frames[k]!, HORIZON, views, plainMemo);
            expectSameTrace(got, want, `${learner.name} ${run.condition} ${withViews ? 'with' : 'without'} views`);
            if (k === 0) expect(Array.from(got.total).filter((v) => v > 0).length).toBeGreaterThan(20);
          });
        }
      }
    });
  }

  it('a crowded frame predicted in a batch gets its own rows (one per object of the widest frame)', () => {
    const frames = observations(runTrial(crowd(), 'possible', 1, 1));
    const [a, b] = [frames[30]!, frames[31]!];
    expect(a.length).toBe(14);
    for (const learner of shipped) {
      const both = learner.predict([a, b]);
      expect(both.n).toBe(14);
      for (const [frame, row] of [[a, 0], [b, 1]] as const) {
        const alone = learner.predict([frame]);
        const rows = both.mean.subarray(row * both.n * 3, (row + 1) * both.n * 3);
        expect(sameBits(rows, alone.mean)).toBe(true);
        expect(Array.from(alone.mean).every(Number.isFinite)).toBe(true);
      }
    }
  });

  // A matched pair's second trial takes the rows of the frames it shares with the first from the
  // first trial's prediction (predictReusing): the chunks closed within the shared frames are not run,
  // nor, in the chunk where the frames part, the rows before an even row of both blocks, so the rows
  // are predict's to the bit wherever the frames part, even mid-chunk.
  it('one-step rows reused from a prediction of frames that share their first ones are predict\'s bits, and fewer chunks run', () => {
    const pair = ['possible', 'impossible'].map((c) => observations(runTrial(loadRepoScene('ball-rolls-through-wall'), c as 'possible' | 'impossible', 1, 1)));
    const crowded = observations(runTrial(crowd(), 'possible', 1, 1)).slice(0, 40);
    // The crowd's later frames nudged 1 mm: 14 bodies × 8 senders fill a chunk's pairs every few frames.
    const nudged = (frames: Observation[], from: number): Observation[] =>
      frames.map((f, t) => (t < from ? f : f.map((o) => ({ ...o, x: o.x + 0.001 }))));
    const cases: [string, Observation[], Observation[]][] = [
      ['a pair', pair[1]!, pair[0]!],
      ...[0, 1, 2, 3, 5, 6, 7, 13, 38, 39, 40].map((k): [string, Observation[], Observation[]] => [`a crowd parting at frame ${k}`, crowded, nudged(crowded, k)]),
    ];
    for (const learner of [...shipped, randomLearner(5, false, false)]) {
      for (const [label, frames, earlierFrames] of cases) {
        const want = learner.predict(frames);
        const earlier = { frames: earlierFrames, prediction: learner.predict(earlierFrames) };
        const fast = learner.fast;
        let chunks = 0;
        let rows = 0;
        const run = fast.runChunk.bind(fast);
        fast.runChunk = (r, q) => { chunks++; rows += r; run(r, q); };
        const got = learner.predictReusing(frames, earlier);
        const [reusedChunks, reusedRows] = [chunks, rows];
        chunks = 0;
        rows = 0;
        learner.predict(frames);
        fast.runChunk = run;
        expect(got.n, `${learner.name}, ${label}`).toBe(want.n);
        expect(sameBits(got.mean, want.mean) && sameBits(got.variance, want.variance), `${learner.name}, ${label}: rows`).toBe(true);
        // The pair shares its frames up to the onset: at most one more receiver than those after it is run.
        if (label === 'a pair') {
          const onset = frames.findIndex((f, t) => f !== earlierFrames[t] && JSON.stringify(f) !== JSON.stringify(earlierFrames[t]));
          expect(reusedRows, `${learner.name}, ${label}: receivers run`).toBeLessThanOrEqual(frames.length - onset + 1);
        }
        // A chunk holds 4 of the crowd's frames: parting at frame 39, at most the last chunk runs.
        if (label.endsWith(' 39')) expect(reusedChunks, `${learner.name}, ${label}: chunks run`).toBeLessThanOrEqual(1);
        if (label.endsWith(' 0')) expect([reusedChunks, reusedRows]).toEqual([chunks, rows]);
      }
    }
  });
});
