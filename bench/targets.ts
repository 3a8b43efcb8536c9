// The other speed targets, as ratios measured in the same run as the physics step they are
// set against: the ghost per step, the whole concept suite with every shipped observer against
// constant velocity only, and the 50-body pile with one learner.
import { readdirSync, readFileSync } from 'node:fs';
import { parseSceneText } from '../src/scenes/parse';
import { runTrial, observations } from '../src/experiment/trial';
import { runSuite } from '../src/experiment/suite';
import { ConstantVelocityPredictor, type LearnedPredictor } from '../src/predictor/predictor';
import { LiveSurprise } from '../src/predictor/liveSurprise';
import { ORACLE, type Observer } from '../src/experiment/observers';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../src/cli/modelStore';
import { GhostRunner } from '../src/pages/playground/ghostRunner';
import type { FrameRecord } from '../src/pages/playground/frameHistory';
import type { SceneFile } from '../src/scenes/schema';
import { crowdScene, measureSteps } from './physics';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU time of f in µs (this process, user + system): unlike wall time, it does not count the
 * time the process waits for a core on a busy machine, so long runs stay comparable. */
export function cpuMicros(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** The ghost while time runs: GhostRunner's cost per physics step (its prediction steps and paths). */
export function ghostPerStep(learner: LearnedPredictor, scene: SceneFile, seconds: number): number {
  const run = runTrial(scene, 'impossible', undefined, 0);
  const obs = observations(run);
  const records: FrameRecord[] = run.snapshots.map((snapshot, f) => ({ snapshot, obs: obs[f]!, twinObs: obs[f]!, surprise: new Map() }));
  const ghost = new GhostRunner();
  ghost.setPredictor(learner, learner.name);
  ghost.setLength(Math.round(seconds * 60));
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    ghost.clear();
    for (const record of records) {
      const t = performance.now();
      ghost.afterStep(record);
      times.push((performance.now() - t) * 1000);
    }
  }
  return median(times);
}

/** Every shipped scene, `pairs` matched pairs each: CPU seconds with every shipped checkpoint,
 * constant velocity and the ideal observer, and with constant velocity alone, in interleaved rounds
 * (the ratio is taken within each round; its median is the figure). Both suites score the rollout
 * surprise on every `stride`-th frame (1: every frame). The shipped checkpoints are the seed-1
 * series in public/models; the cohort's seed-S folders are the same ages again, scored only when a
 * cohort is asked for (`--models cohort:NAME`), so they are not counted. */
export function suiteSeconds(pairs: number, rounds = 3, stride = 1, startStride = 1): { all: number; baseline: number; ratio: number; ratios: number[]; rounds: number; observers: number; scenes: number } {
  const scenes = readdirSync('scenes').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort()
    .map((f) => parseSceneText(readFileSync(`scenes/${f}`, 'utf8'), f)).filter((s) => s.violation);
  const learners = listCheckpoints(DEFAULT_MODELS_DIR).map((e) => loadCheckpointDir(e.dir!, e.name));
  const all: Observer[] = [...learners, new ConstantVelocityPredictor(), ORACLE];
  // One untimed pass first: the first suite run in a process also compiles its code paths.
  runSuite({ scenes, observers: all, pairs: 1, seed: 2 });
  const measured = Array.from({ length: rounds }, () => {
    const baseline = cpuMicros(() => runSuite({ scenes, observers: [new ConstantVelocityPredictor()], pairs, seed: 1, stride, startStride }));
    const every = cpuMicros(() => runSuite({ scenes, observers: all, pairs, seed: 1, stride, startStride }));
    return { baseline, every, ratio: every / baseline };
  });
  const mid = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds / 2)]!;
  return {
    all: mid.every / 1e6, baseline: mid.baseline / 1e6, ratio: mid.ratio, ratios: measured.map((m) => m.ratio),
    rounds, observers: all.length, scenes: scenes.length,
  };
}

/** The 50-body pile: its physics step, and one learner's live surprise on it, per step. */
export function pileWithLearner(learner: LearnedPredictor): { physicsUs: number; p90Us: number; learnerUs: number } {
  const scene = crowdScene(50);
  const physics = measureSteps('50 falling bodies', scene, 'possible');
  const frames = observations(runTrial(scene, 'possible', undefined, 0));
  const live = new LiveSurprise(learner);
  // CPU time over the whole trial: a step here is long enough that a busy machine would often
  // take the core away in the middle of it.
  const learnerUs = cpuMicros(() => frames.forEach((obs, t) => live.push(t, obs))) / frames.length;
  return { physicsUs: physics.medianUs, p90Us: physics.p90Us, learnerUs };
}
