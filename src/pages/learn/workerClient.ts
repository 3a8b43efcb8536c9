// The page's side of the training worker: starts it, sends typed messages, hands what it posts to
// listeners, and checks checkpoint files in it (so TF.js never runs on the main thread for that).
import type { CheckpointFiles } from '../../storage/checkpointFiles';
import type { FromWorker, LearnConfig } from '../../worker/protocol';

export interface WorkerClient {
  start(config: LearnConfig): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  saveNow(name: string): void;
  /** Resolves with the checkpoint's experience, or rejects with the reason it is refused. */
  check(source: string, files: CheckpointFiles): Promise<{ experienceFrames: number; parameters: number }>;
  on(listener: (m: FromWorker) => void): void;
}

export function createWorkerClient(): WorkerClient {
  const worker = new Worker(new URL('../../worker/trainingWorker.ts', import.meta.url), { type: 'module', name: 'surprise-lab-training' });
  const listeners: ((m: FromWorker) => void)[] = [];
  const checks = new Map<number, { ok: (v: { experienceFrames: number; parameters: number }) => void; fail: (e: Error) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'checked') {
      const waiting = checks.get(m.id);
      checks.delete(m.id);
      if (m.ok) waiting?.ok({ experienceFrames: m.experienceFrames, parameters: m.parameters });
      else waiting?.fail(new Error(m.message));
      return;
    }
    for (const l of listeners) l(m);
  };
  worker.onerror = (event) => {
    const message = `the training worker failed: ${event.message || 'unknown error'}`;
    for (const l of listeners) l({ type: 'error', message });
  };
  return {
    start: (config) => worker.postMessage({ type: 'start', config }),
    pause: () => worker.postMessage({ type: 'pause' }),
    resume: () => worker.postMessage({ type: 'resume' }),
    cancel: () => worker.postMessage({ type: 'cancel' }),
    saveNow: (name) => worker.postMessage({ type: 'save-now', name }),
    check(source, files) {
      const id = nextId++;
      return new Promise((ok, fail) => {
        checks.set(id, { ok, fail });
        // A copy of the weights goes over; the caller keeps its own bytes.
        worker.postMessage({ type: 'check', id, source, files: { ...files, weights: files.weights.slice() } });
      });
    },
    on: (listener) => { listeners.push(listener); },
  };
}
