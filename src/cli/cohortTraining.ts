// Trains a cohort: one worker thread per seed, `parallel` at a time (each with its own TF.js wasm
// backend), so the cores of the machine train different seeds side by side.
import { Worker } from 'node:worker_threads';
import type { SeedJob, SeedMessage } from './seedTraining';

type WorkerMessage = SeedMessage | { type: 'done'; seed: number };

export interface CohortEvents {
  /** Frames of experience trained so far over the whole cohort, and the cohort's total. */
  onProgress(done: number, total: number): void;
  onCheckpoint(m: Extract<SeedMessage, { type: 'checkpoint' }>): void;
  onSeedDone(seed: number): void;
}

const BOOTSTRAP = new URL('./tsWorker.mjs', import.meta.url);
const ENTRY = new URL('./seedWorker.ts', import.meta.url).href;

function runInWorker(job: SeedJob, onMessage: (m: WorkerMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, job } });
    let finished = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'done') finished = true;
      onMessage(m);
    });
    worker.on('error', (e) => reject(new Error(`seed ${job.seed}: ${e instanceof Error ? e.message : String(e)}`)));
    worker.on('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`seed ${job.seed}: the training thread stopped (exit ${code})`))));
  });
}

/** Runs every job; resolves when all are written, rejects (after the running ones stop) on the first failure. */
export async function trainCohort(jobs: readonly SeedJob[], parallel: number, events: CohortEvents): Promise<void> {
  const total = jobs.reduce((s, j) => s + j.frames, 0);
  const framesBySeed = new Map<number, number>();
  const queue = [...jobs];
  let failure: Error | null = null;
  const lane = async (): Promise<void> => {
    for (let job = queue.shift(); job && !failure; job = queue.shift()) {
      try {
        await runInWorker(job, (m) => {
          if (m.type === 'progress') {
            framesBySeed.set(m.seed, m.frames);
            events.onProgress([...framesBySeed.values()].reduce((s, f) => s + f, 0), total);
          } else if (m.type === 'checkpoint') events.onCheckpoint(m);
          else events.onSeedDone(m.seed);
        });
      } catch (e) {
        failure ??= e as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, lane));
  if (failure) throw failure;
}
