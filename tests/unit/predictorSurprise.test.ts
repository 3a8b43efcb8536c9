// Surprise on the shipped scenes with the shipped checkpoints: finite everywhere, no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import { runTrial, observations } from '../../src/experiment/trial';
import { observerSurprise } from '../../src/experiment/observers';
import { ConstantVelocityPredictor, LearnedPredictor, type StepPredictor } from '../../src/predictor/predictor';
import { HORIZON } from '../../src/predictor/surprise';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../../src/cli/modelStore';
import { ORACLE } from '../../src/experiment/observers';
import { LiveSurprise } from '../../src/predictor/liveSurprise';
import { computeSurprise } from '../../src/predictor/surprise';

const sceneFiles = readdirSync('scenes').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
let learners: StepPredictor[] = [];
let allExperience: number[] = [];

beforeAll(async () => {
  await useWasmBackend();
  learners = listCheckpoints(DEFAULT_MODELS_DIR).map((m) => loadCheckpointDir(m.dir!, m.name));
  allExperience = learners.map((l) => l.experienceFrames);
  // The newborn, a young and the oldest learner cover the range; scoring all seven adds minutes.
  const keep = [learners[0]!, learners[Math.floor(learners.length / 2)]!, learners[learners.length - 1]!];
  for (const l of learners) if (!keep.includes(l)) (l as LearnedPredictor).network?.dispose();
  learners = keep;
});

describe('surprise on shipped scenes', () => {
  it('ships checkpoints of increasing experience, from a newborn', () => {
    const frames = allExperience;
    expect(frames[0]).toBe(0);
    expect(frames.length).toBeGreaterThanOrEqual(4);
    expect([...frames].sort((a, b) => a - b)).toEqual(frames);
  });

  for (const file of sceneFiles) {
    it(`is finite for every frame of ${file}, both conditions, every observer`, () => {
      const scene = parseSceneText(readFileSync(`scenes/${file}`, 'utf8'), file);
      const possible = observations(runTrial(scene, 'possible', undefined, 0));
      const impossible = observations(runTrial(scene, 'impossible', undefined, 0));
      for (const observer of [new ConstantVelocityPredictor(), ORACLE, ...learners]) {
        for (const frames of [possible, impossible]) {
          const trace = observerSurprise(observer, frames, possible);
          const start = observer.kind === 'oracle' ? 0 : HORIZON;
          for (let t = start; t < frames.length; t++) {
            expect(Number.isFinite(trace.total[t]), `${observer.name} frame ${t}`).toBe(true);
            expect(trace.total[t]).toBeGreaterThanOrEqual(0);
          }
          for (let t = 1; t < frames.length; t++) expect(Number.isFinite(trace.oneStepNll[t]), `${observer.name} NLL frame ${t}`).toBe(true);
        }
      }
    }, 120_000);
  }

  it('computed live, frame by frame, gives the same surprise as over the whole trial', () => {
    const scene = parseSceneText(readFileSync('scenes/car-off-platform.json', 'utf8'));
    const frames = observations(runTrial(scene, 'impossible', 3, 1));
    const learner = learners[learners.length - 1]!;
    const batch = computeSurprise(learner, frames);
    const live = new LiveSurprise(learner);
    let compared = 0;
    frames.forEach((obs, t) => {
      const r = live.push(t, obs);
      if (t < HORIZON) expect(r.total).toBeNull();
      else {
        // Batches of other sizes may round float32 sums differently: agree to 1 part in 10⁴.
        expect(Math.abs(r.total! - batch.total[t]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, batch.total[t]!));
        compared++;
      }
    });
    expect(compared).toBe(frames.length - HORIZON);
  }, 120_000);

  it('keeps the TF.js tensor count flat over 10,000 single-frame inference steps', () => {
    const scene = parseSceneText(readFileSync('scenes/car-off-platform.json', 'utf8'));
    const frames = observations(runTrial(scene, 'possible', undefined, 0));
    const learner = learners[learners.length - 1]!;
    learner.predict([frames[0]!]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10_000; i++) learner.predict([frames[i % frames.length]!]);
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);
});
