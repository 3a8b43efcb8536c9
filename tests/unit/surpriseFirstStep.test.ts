// computeSurprise takes a rollout's first step from the one-step prediction it makes anyway: the
// scores must be, to the bit, those of rolling every start the whole horizon on its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { runTrial, observations } from '../../src/experiment/trial';
import { ConstantVelocityPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { computeSurprise, HORIZON } from '../../src/predictor/surprise';
import { rollout, rolloutSurprise } from '../../src/predictor/rollout';
import { trackBeliefs } from '../../src/predictor/belief';
import { ArrivalTracker } from '../../src/predictor/appearance';
import type { Observation } from '../../src/predictor/observation';
import type { ViewFrame } from '../../src/predictor/view';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { loadRepoScene } from './support/trials';

let learner: StepPredictor;

beforeAll(async () => {
  await useWasmBackend();
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const first = entries[0]!;
  learner = loadCheckpointDir(first.dir!, first.name);
});

/** The rollout totals the plain way: every start rolled HORIZON steps with `rollout`, one at a time. */
function separateRollouts(predictor: StepPredictor, frames: readonly Observation[], views?: readonly ViewFrame[]): Float64Array {
  const T = frames.length;
  const total = new Float64Array(T).fill(NaN);
  const starts = views ? trackBeliefs(predictor, frames.slice(0, T - HORIZON), views) : frames.slice(0, T - HORIZON);
  const tracker = new ArrivalTracker();
  const arrivals = views ? frames.map((f, t) => tracker.push(f, views[t]!)) : undefined;
  starts.forEach((start, k) => {
    const t = k + HORIZON;
    const [r] = rollout(predictor, [start], HORIZON);
    let sum = 0;
    for (const s of rolloutSurprise(r!, frames[t]!, views?.[t], arrivals?.[t]).values()) sum += s;
    total[t] = sum;
  });
  return total;
}

describe('computeSurprise reuses the one-step prediction as the first rollout step', () => {
  // A car that drives off (every object in view) and a ball that goes behind a screen (beliefs
  // that carry a hidden object, whose first step must still be predicted).
  const cases = [
    { scene: 'car-off-platform', condition: 'impossible' as const },
    { scene: 'ball-never-comes-out-from-behind-screen', condition: 'impossible' as const },
  ];
  for (const { scene, condition } of cases) {
    for (const withViews of [false, true]) {
      it(`${scene} (${condition}, ${withViews ? 'with' : 'without'} views): the same bits as separate rollouts`, () => {
        const run = runTrial(loadRepoScene(scene), condition, undefined, 0);
        const frames = observations(run);
        const views = withViews ? run.views : undefined;
        for (const predictor of [learner, new ConstantVelocityPredictor()]) {
          const got = computeSurprise(predictor, frames, HORIZON, views).total;
          const want = separateRollouts(predictor, frames, views);
          expect(Array.from(got).filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(0);
          for (let t = 0; t < frames.length; t++) expect(Object.is(got[t], want[t]), `${predictor.name} frame ${t}: ${got[t]} vs ${want[t]}`).toBe(true);
        }
      });
    }
  }
});
