// The worker's training session, run in Node with the real Trainer and TF.js (wasm): messages in
// order, pause holds it still, cancel stops it, checkpoints are saved at marks and a saved one can
// be continued. The `post` callback only collects what the page would receive.
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseCheckpoint } from '../../src/predictor/checkpoint';
import { DEFAULT_DIET } from '../../src/predictor/experience';
import { LearnSession } from '../../src/worker/learnSession';
import type { FromWorker, LearnConfig, SavedCheckpoint } from '../../src/worker/protocol';

beforeAll(async () => {
  await useWasmBackend();
});

const CONFIG: LearnConfig = {
  frames: 96, seed: 4, diet: DEFAULT_DIET, saveAt: [96], namePrefix: 't', measureEvery: 48, pairs: 1,
  probeScenes: ['box-released-beyond-platform'], chunkFrames: 48, validationFrames: 64,
};

function collect(): { posts: FromWorker[]; post: (m: FromWorker) => void; of: <T extends FromWorker['type']>(t: T) => Extract<FromWorker, { type: T }>[] } {
  const posts: FromWorker[] = [];
  return { posts, post: (m) => posts.push(m), of: (t) => posts.filter((m) => m.type === t) as never };
}

const ticks = (n: number): Promise<void> => new Promise((r) => { let k = 0; const next = (): void => { if (++k >= n) r(); else setTimeout(next, 0); }; setTimeout(next, 0); });

describe('LearnSession (the worker side of the Learn screen)', () => {
  let saved: SavedCheckpoint | null = null;

  it('trains to the budget: states, progress, losses, developmental points, a checkpoint at the mark', async () => {
    const c = collect();
    await new LearnSession(CONFIG, c.post).run();
    const states = c.of('state').map((m) => m.state);
    expect(states[0]).toBe('starting');
    expect(states).toContain('measuring');
    expect(states[states.length - 1]).toBe('done');
    expect(c.of('development').map((m) => m.experienceFrames)).toEqual([0, 48, 96]);
    for (const d of c.of('development')) expect(d.accuracy['box-released-beyond-platform']).toBeGreaterThanOrEqual(0);
    expect(c.of('loss').filter((m) => m.validationLoss !== null).map((m) => m.experienceFrames)).toEqual([0, 48, 96]);
    expect(c.of('loss').filter((m) => Number.isFinite(m.trainLoss)).map((m) => m.experienceFrames)).toEqual([48, 96]);
    const last = c.of('progress').at(-1)!.progress;
    expect(last).toMatchObject({ experienceFrames: 96, startFrames: 0, targetFrames: 96, gradientSteps: 4 });
    expect(last.framesPerSecond).toBeGreaterThan(0);
    expect(c.of('episode').length).toBeGreaterThanOrEqual(1);
    const checkpoints = c.of('checkpoint');
    expect(checkpoints.map((m) => m.checkpoint.name)).toEqual(['t-96']);
    saved = checkpoints[0]!.checkpoint;
    const ck = parseCheckpoint(saved.files.modelJson, saved.files.weights, saved.files.metaJson, 't-96');
    expect(ck.meta).toMatchObject({ name: 't-96', experience_frames: 96, seed: 4, gradient_steps: 4 });
    expect(ck.meta.command).toMatch(/Learn screen/);
    ck.network.dispose();
    expect(c.of('error')).toEqual([]);
  }, 180_000);

  it('pause holds it still until resume; save now saves the network as it is; cancel stops it', async () => {
    const c = collect();
    // A budget far beyond what 20 ticks of training reach, so that cancel, not the budget, ends it
    // (at 480 frames a fast machine sometimes finished first).
    const budget = 48_000;
    const session = new LearnSession({ ...CONFIG, frames: budget, saveAt: [], measureEvery: budget }, c.post);
    const done = session.run();
    while (!c.of('progress').some((m) => m.progress.experienceFrames > 0)) await ticks(5);
    session.pause();
    await ticks(20);
    const seen = c.posts.length;
    const at = c.of('progress').at(-1)!.progress;
    await ticks(50);
    expect(c.posts.length).toBe(seen);
    expect(c.of('state').at(-1)!.state).toBe('paused');
    session.saveNow('now');
    const now = c.of('checkpoint').at(-1)!.checkpoint;
    expect(now).toMatchObject({ name: 'now', requested: 'now' });
    expect(now.experienceFrames).toBeGreaterThanOrEqual(at.experienceFrames);
    session.resume();
    await ticks(20);
    session.cancel();
    await done;
    expect(c.of('state').at(-1)!.state).toBe('cancelled');
    expect(c.of('progress').at(-1)!.progress.experienceFrames).toBeLessThan(budget);
    expect(session.running).toBe(false);
  }, 180_000);

  it('continues a saved learner: experience counts on from its own', async () => {
    expect(saved).not.toBeNull();
    const c = collect();
    await new LearnSession({ ...CONFIG, frames: 48, saveAt: [144], continueFrom: { name: 't-96', files: saved!.files } }, c.post).run();
    expect(c.of('state').at(-1)!.state).toBe('done');
    expect(c.of('progress').at(-1)!.progress).toMatchObject({ experienceFrames: 144, startFrames: 96, targetFrames: 144 });
    expect(c.of('development').map((m) => m.experienceFrames)).toEqual([96, 144]);
    const next = c.of('checkpoint')[0]!.checkpoint;
    expect(next).toMatchObject({ name: 't-144', experienceFrames: 144 });
    expect(JSON.parse(next.files.metaJson).command).toMatch(/continued from t-96/);
  }, 180_000);
});
