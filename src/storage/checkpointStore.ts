// The browser's own checkpoints: an IndexedDB store of named checkpoints (the three files of
// public/models/ plus a summary), with list, get, add and delete. A shell: the core never sees it.
import type { CheckpointFiles } from './checkpointFiles';

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

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function openCheckpointDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((ok, fail) => {
    if (typeof indexedDB === 'undefined') {
      fail(new Error('this browser has no IndexedDB: checkpoints cannot be saved'));
      return;
    }
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'name' });
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => fail(new Error('IndexedDB is blocked by another tab holding an older version; close it and reload'));
  });
  opening.catch(() => { opening = null; });
  return opening;
}

async function tx(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await openCheckpointDb()).transaction(STORE, mode).objectStore(STORE);
}

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
  const all = await request((await tx('readonly')).getAll() as IDBRequest<StoredCheckpoint[]>);
  return all.map(summarize).sort((a, b) => a.experienceFrames - b.experienceFrames || a.name.localeCompare(b.name));
}

export async function getStored(name: string): Promise<StoredCheckpoint | null> {
  return (await request((await tx('readonly')).get(name) as IDBRequest<StoredCheckpoint | undefined>)) ?? null;
}

/** Adds a checkpoint; refuses (and changes nothing) if the name is taken. */
export async function addStored(record: StoredCheckpoint): Promise<void> {
  try {
    await request((await tx('readwrite')).add(record));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'ConstraintError') throw new Error(`a checkpoint named "${record.name}" is already saved`);
    throw e;
  }
  announce();
}

export async function deleteStored(name: string): Promise<void> {
  await request((await tx('readwrite')).delete(name));
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
