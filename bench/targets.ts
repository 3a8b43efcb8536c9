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
import { affineWasm } from '../src/predictor/affineKernel';
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

/** What the suite ratio cannot go below while every learner makes its 20 predictions a frame: the
 * shipped learners' kernel calls alone over the same suite, in CPU seconds against the
 * constant-velocity suite, and the work they do (multiply-adds over inputs nonzero in either row of
 * a pair, the kernel's own skipping), so the kernel's throughput shows how near its arithmetic it runs. */
export function suiteKernelFloor(pairs: number): { kernel: number; baseline: number; ratio: number; executedMacs: number; gflops: number; learners: number; denseGflops: number } {
  const scenes = readdirSync('scenes').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort()
    .map((f) => parseSceneText(readFileSync(`scenes/${f}`, 'utf8'), f)).filter((s) => s.violation);
  const learners = listCheckpoints(DEFAULT_MODELS_DIR).map((e) => loadCheckpointDir(e.dir!, e.name));
  let mode: 'off' | 'count' | 'time' = 'off';
  let executed = 0;
  let kernelUs = 0;
  for (const learner of learners) {
    learner.fast.instrumentKernel((kernel, f) => (x, xStride, count, w, O, init, initStride, out, outStride, rows, relu, list) => {
      if (mode === 'count') {
        for (let r = 0; r < rows; r += 2) {
          const a = (x + r * xStride) >> 2, b = a + (xStride >> 2), both = r + 1 < rows;
          let nonzero = 0;
          for (let i = 0; i < count; i++) if (f[a + i] !== 0 || (both && f[b + i] !== 0)) nonzero++;
          executed += nonzero * O * (both ? 2 : 1);
        }
      }
      if (mode !== 'time') return kernel(x, xStride, count, w, O, init, initStride, out, outStride, rows, relu, list);
      const t = performance.now();
      kernel(x, xStride, count, w, O, init, initStride, out, outStride, rows, relu, list);
      kernelUs += (performance.now() - t) * 1000;
    });
  }
  runSuite({ scenes, observers: learners, pairs: 1, seed: 2 });
  mode = 'count';
  runSuite({ scenes, observers: learners, pairs, seed: 1 });
  const rounds = Array.from({ length: 3 }, () => {
    const baseline = cpuMicros(() => runSuite({ scenes, observers: [new ConstantVelocityPredictor()], pairs, seed: 1 }));
    mode = 'time';
    kernelUs = 0;
    runSuite({ scenes, observers: learners, pairs, seed: 1 });
    mode = 'off';
    return { baseline, kernel: kernelUs };
  }).sort((p, q) => p.kernel / p.baseline - q.kernel / q.baseline);
  const mid = rounds[1]!;
  return {
    kernel: mid.kernel / 1e6, baseline: mid.baseline / 1e6, ratio: mid.kernel / mid.baseline,
    executedMacs: executed, gflops: (2 * executed) / mid.kernel / 1e3, learners: learners.length,
    denseGflops: denseKernelGflops(),
  };
}

/** The wasm kernel's best case, for scale: one call over 512 rows of 64 nonzero inputs into 64
 * outputs (the relation MLP's middle layer at a full chunk), weights in cache, in GFLOP/s. */
function denseKernelGflops(): number {
  const memory = new WebAssembly.Memory({ initial: 64 });
  const kernel = affineWasm(memory);
  if (!kernel) return NaN;
  const f = new Float32Array(memory.buffer);
  const inputs = 64, outputs = 64, rows = 512;
  const w = rows * inputs * 4, bias = w + inputs * outputs * 4, out = bias + outputs * 4, list = out + rows * outputs * 4;
  // Inputs in [0.5, 1.5): none is zero, so every multiply-add is done.
  for (let i = 0; i < rows * inputs + inputs * outputs + outputs; i++) f[i] = 0.5 + ((i * 2654435761) >>> 0) / 2 ** 32;
  const call = (): void => kernel(0, inputs * 4, inputs, w, outputs, bias, 0, out, outputs * 4, rows, 1, list);
  for (let k = 0; k < 200; k++) call();
  const calls = 2000;
  const us = cpuMicros(() => { for (let k = 0; k < calls; k++) call(); });
  return (2 * rows * inputs * outputs * calls) / us / 1e3;
}
