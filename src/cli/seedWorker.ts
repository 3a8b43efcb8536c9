// A worker thread that trains one seed: loads its own TF.js wasm backend, runs trainSeed, and posts
// its progress and checkpoints to the main thread (src/cli/cohortTraining.ts starts it).
import { parentPort, workerData } from 'node:worker_threads';
import { useWasmBackend } from '../predictor/backend';
import { trainSeed, type SeedJob } from './seedTraining';

const port = parentPort;
if (!port) throw new Error('seedWorker.ts runs only as a worker thread');
const job = (workerData as { job: SeedJob }).job;
await useWasmBackend();
await trainSeed(job, (m) => port.postMessage(m));
port.postMessage({ type: 'done', seed: job.seed });
