// The resumable Trainer behind the Learn screen: stepping it one unit at a time (as the worker does,
// pausing between units) gives exactly the weights of train(), and marks come out at chunk ends.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { train, Trainer } from '../../src/predictor/training';
import { serializeCheckpoint } from '../../src/predictor/checkpoint';
import { DEFAULT_DIET } from '../../src/predictor/experience';
import { InteractionNetwork } from '../../src/predictor/network';
import type { InteractionNetwork as Net } from '../../src/predictor/network';

beforeAll(async () => {
  await useWasmBackend();
});

const meta = { name: 't', experience_minutes: 0, seed: 0, diet: DEFAULT_DIET, features: { contactFeatures: true }, validation_loss: 0, train_loss: null, gradient_steps: 0, training_seconds: 0, code_version: 't', command: 't' };
const bytesOf = (net: Net): string => serializeCheckpoint(net, { contactFeatures: true }, { ...meta, experience_frames: 0 }).weights.join(',');
const OPTIONS = { frames: 600, checkpoints: [0, 300, 600], seed: 11, chunkFrames: 256, validationFrames: 64 };

describe('Trainer (the stepper under train())', () => {
  it('stepped unit by unit gives the same weights, marks and losses as train()', async () => {
    const fromTrain: { mark: number; bytes: string; loss: number }[] = [];
    await train(OPTIONS, (e) => { fromTrain.push({ mark: e.experienceFrames, bytes: bytesOf(e.network), loss: e.trainLoss }); });

    const trainer = new Trainer(OPTIONS);
    const stepped: { mark: number; bytes: string; loss: number }[] = [];
    const seen: number[] = [];
    let episodes = 0;
    trainer.watcher = (frames) => { episodes++; expect(frames.length).toBe(DEFAULT_DIET.episodeFrames + 1); };
    const take = (): void => { for (const m of trainer.takeMarks()) stepped.push({ mark: m, bytes: bytesOf(trainer.network), loss: trainer.recentLoss }); };
    take();
    const phases = new Set<string>();
    while (!trainer.done) {
      const ended = trainer.work();
      phases.add(trainer.phase);
      seen.push(trainer.experienceFrames);
      // In the middle of a chunk no mark is handed out, even one already watched past.
      if (!ended) expect(trainer.takeMarks()).toEqual([]);
      take();
    }
    trainer.dispose();
    expect(stepped.map((s) => s.mark)).toEqual([0, 300, 600]);
    expect(stepped).toEqual(fromTrain);
    expect(phases).toEqual(new Set(['watching', 'learning', 'between']));
    expect(episodes).toBeGreaterThan(600 / DEFAULT_DIET.framesPerEpisode - 1);
    // Experience never goes backwards and ends at the budget.
    for (let k = 1; k < seen.length; k++) expect(seen[k]!).toBeGreaterThanOrEqual(seen[k - 1]!);
    expect(seen[seen.length - 1]).toBe(600);
  }, 240_000);

  it('continues from a given network (keeping its shape) and counts its gradient steps', () => {
    const shape = { relationHidden: 16, effect: 8, objectHidden: 16 };
    const start = InteractionNetwork.create(shape, 3);
    const before = bytesOf(start);
    const trainer = new Trainer({ frames: 64, checkpoints: [64], seed: 2, chunkFrames: 64, batchSize: 32, validationFrames: 32 }, start);
    expect(trainer.settings.shape).toEqual(shape);
    expect(trainer.network).toBe(start);
    trainer.runChunk();
    expect(trainer.done).toBe(true);
    expect(trainer.gradientSteps).toBe(Math.round((4 * 64) / 32));
    expect(Number.isFinite(trainer.recentLoss)).toBe(true);
    expect(bytesOf(trainer.network)).not.toBe(before);
    expect(trainer.takeMarks()).toEqual([64]);
    trainer.dispose();
  }, 60_000);
});
