// The training worker's entry: starts TF.js (wasm) off the main thread, runs one LearnSession at a
// time, and checks checkpoint files for the page. The page only draws what this posts.
import * as tf from '@tensorflow/tfjs';
import { parseCheckpoint } from '../predictor/checkpoint';
import { startTfWasm } from '../web/tfSetup';
import { LearnSession } from './learnSession';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
let session: LearnSession | null = null;
const ready = startTfWasm();

ready.then(() => post({ type: 'ready', backend: tf.getBackend() }), (e: unknown) => {
  post({ type: 'error', message: `TF.js could not start in the worker: ${e instanceof Error ? e.message : String(e)}` });
});

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'start': {
      if (session?.running) {
        post({ type: 'error', message: 'a learner is already training: cancel it first' });
        return;
      }
      await ready;
      const current = new LearnSession(msg.config, post);
      session = current;
      await current.run();
      return;
    }
    case 'pause': session?.pause(); return;
    case 'resume': session?.resume(); return;
    case 'cancel': session?.cancel(); return;
    case 'save-now': session?.saveNow(msg.name); return;
    case 'check': {
      await ready;
      try {
        const ck = parseCheckpoint(msg.files.modelJson, msg.files.weights, msg.files.metaJson, msg.source);
        const parameters = ck.network.parameterCount;
        ck.network.dispose();
        post({ type: 'checked', id: msg.id, ok: true, experienceFrames: ck.meta.experience_frames, parameters });
      } catch (e) {
        post({ type: 'checked', id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
