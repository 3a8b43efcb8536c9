// Soak: 100,000 physics steps of back-to-back trials with live surprise and recording on; reports
// the growth of TF.js's tensor count and of the JS heap (both should stay flat).
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { parseSceneText } from '../src/scenes/parse';
import { resolveScene } from '../src/scenes/resolve';
import { Simulation } from '../src/sim/simulation';
import { useWasmBackend } from '../src/predictor/backend';
import { LiveSurprise } from '../src/predictor/liveSurprise';
import { observe } from '../src/predictor/observation';
import { trajectoryCsvRows } from '../src/experiment/trajectoryCsv';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../src/cli/modelStore';

export async function benchSoak(totalSteps = Number(process.env.SOAK_STEPS ?? 100_000)): Promise<string> {
  await useWasmBackend();
  const scene = parseSceneText(readFileSync('scenes/car-off-platform.json', 'utf8'), 'car-off-platform');
  const entries = listCheckpoints(DEFAULT_MODELS_DIR);
  const learner = loadCheckpointDir(entries[entries.length - 1]!.dir!, entries[entries.length - 1]!.name);
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (): { tensors: number; heapMb: number } => {
    gc?.();
    return { tensors: tf.memory().numTensors, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
  };
  const lines: string[] = [];
  let steps = 0, trial = 0, recordedRows = 0;
  let first: { tensors: number; heapMb: number } | null = null;
  const began = performance.now();
  while (steps < totalSteps) {
    const { world } = resolveScene(scene, { variant: trial, seed: 1 });
    const sim = new Simulation(world, trial % 2 === 0 ? 'impossible' : 'possible');
    const live = new LiveSurprise(learner);
    let recording: string[] = [];
    for (let f = 0; f < world.frames && steps < totalSteps; f++, steps++) {
      sim.step();
      const snapshot = sim.snapshot();
      const s = live.push(snapshot.frame, observe(snapshot));
      recording.push(...trajectoryCsvRows(snapshot, (_, id) => s.perObject.get(id)));
      if (steps % 10_000 === 0) {
        const now = sample();
        first ??= now;
        lines.push(`  step ${String(steps).padStart(6)}: ${now.tensors} tensors, heap ${now.heapMb.toFixed(1)} MB`);
      }
    }
    recordedRows += recording.length;
    recording = []; // a finished trial's recording is handed off (saved) and released
    trial++;
  }
  const last = sample();
  const seconds = (performance.now() - began) / 1000;
  return [
    ...lines,
    `  after ${steps} steps (${trial} trials, ${recordedRows} recorded rows, ${seconds.toFixed(0)} s): ${last.tensors} tensors, heap ${last.heapMb.toFixed(1)} MB`,
    `  growth: tensors ${last.tensors - (first?.tensors ?? 0)}, heap ${(last.heapMb - (first?.heapMb ?? 0)).toFixed(1)} MB${gc ? '' : ' (run node with --expose-gc for exact heap figures)'}`,
  ].join('\n');
}
