// The browser's own checkpoints: an IndexedDB store of named checkpoints (the three files of
// public/models/ plus a summary), with list, get, add and delete, each resolving once its
// transaction has committed (idbTransaction.ts). A shell: the core never sees it.
import type { CheckpointFiles } from './checkpointFiles';
import { defineDatabase, transact } from './idbTransaction';

const DB_NAME = 'surprise-lab';
const DB_VERSION = 1;
const STORE = 'checkpoints';
/** Other tabs (the playground) hear about saves and deletes on this channel. */
export const CHANGES_CHANNEL = 'surprise-lab-checkpoints';

export interface StoredCheckpoint {
  name: string;
  experienceFrames: number;
  /** ISO time of saving (the page's clock). */
  savedAt: string;
  origin: 'trained' | 'imported';
  validationLoss: number | null;
  modelJson: string;
  metaJson: string;
  weights: ArrayBuffer;
}

export type CheckpointSummary = Omit<StoredCheckpoint, 'modelJson' | 'metaJson' | 'weights'> & { bytes: number };

const database = defineDatabase(DB_NAME, DB_VERSION, (db) => {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'name' });
});

const named = (name: string): string => `The checkpoint “${name}”`;

function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANGES_CHANNEL);
  ch.postMessage('changed');
  ch.close();
}

export function summarize(r: StoredCheckpoint): CheckpointSummary {
  return { name: r.name, experienceFrames: r.experienceFrames, savedAt: r.savedAt, origin: r.origin, validationLoss: r.validationLoss, bytes: r.weights.byteLength };
}

/** Every stored checkpoint, least experienced first. */
export async function listStored(): Promise<CheckpointSummary[]> {
  const all = await transact(database, [STORE], 'readonly', 'The list of saved checkpoints', 'could not be read', (tx) => {
    const req = tx.objectStore(STORE).getAll() as IDBRequest<StoredCheckpoint[]>;
    return () => req.result;
  });
  return all.map(summarize).sort((a, b) => a.experienceFrames - b.experienceFrames || a.name.localeCompare(b.name));
}

export async function getStored(name: string): Promise<StoredCheckpoint | null> {
  return transact(database, [STORE], 'readonly', named(name), 'could not be read', (tx) => {
    const req = tx.objectStore(STORE).get(name) as IDBRequest<StoredCheckpoint | undefined>;
    return () => req.result ?? null;
  });
}

/** Adds a checkpoint; resolves once it is committed. Refuses (and changes nothing) if the name is
 * taken, or with a StorageFullError when the browser's quota does not hold it. */
export async function addStored(record: StoredCheckpoint): Promise<void> {
  await transact(database, [STORE], 'readwrite', named(record.name), 'was not saved', (tx, abort) => {
    const req = tx.objectStore(STORE).add(record);
    req.onerror = (ev) => {
      if (req.error?.name !== 'ConstraintError') return;
      ev.preventDefault();
      abort(new Error(`a checkpoint named "${record.name}" is already saved`));
    };
    return () => undefined;
  });
  announce();
}

export async function deleteStored(name: string): Promise<void> {
  await transact(database, [STORE], 'readwrite', named(name), 'was not deleted', (tx) => {
    tx.objectStore(STORE).delete(name);
    return () => undefined;
  });
  announce();
}

export function filesOf(r: StoredCheckpoint): CheckpointFiles {
  return { modelJson: r.modelJson, metaJson: r.metaJson, weights: new Uint8Array(r.weights) };
}

/** Calls `fn` whenever any tab saves or deletes a checkpoint; returns a function that stops it. */
export function onStoredChanged(fn: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANGES_CHANNEL);
  ch.onmessage = () => fn();
  return () => ch.close();
}
