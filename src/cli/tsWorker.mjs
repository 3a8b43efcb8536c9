// Starts a worker thread on a TypeScript entry (workerData.entry, a file URL): registers tsx first,
// because a worker does not inherit the loader that `bin/surprise-lab.mjs` or vitest set up.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
