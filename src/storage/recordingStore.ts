// The browser's recordings: an IndexedDB database of study trials and free-play sessions, a short
// summary of each (for lists, without reading every snapshot), and the study runs they belong to.
// Every write is one transaction (a failed write changes nothing); other tabs hear of changes.
import type { Recording } from '../experiment/recording';
import { defineDatabase, transact as runTransaction } from './idbTransaction';

export const RECORDINGS_DB = 'surprise-lab-recordings';
const DB_VERSION = 1;
/** Full recordings `{ id, runId, recording }`, with an index on runId (absent for free play). */
const RECORDINGS = 'recordings';
/** One RecordingSummary per recording, written in the same transaction as it. */
const SUMMARIES = 'summaries';
const RUNS = 'runs';
/** Other tabs (the playground, the Experiment screen) hear about every change on this channel. */
export const RECORDINGS_CHANNEL = 'surprise-lab-recordings';
export const MAX_NAME_LENGTH = 200;

export interface StoredRun {
  id: string;
  name: string;
  /** The Experiment screen's settings, so that a reload can resume the run. */
  settings: unknown;
  /** ISO 8601 (the page's clock). */
  createdAt: string;
  status: 'running' | 'ended' | 'finished';
}

export interface RecordingSummary {
  id: string;
  name: string;
  kind: Recording['kind'];
  sceneId: string;
  sceneTitle: string;
  condition: Recording['meta']['condition'];
  variant: number | null;
  seed: number;
  /** Null for free play (no run). */
  runId: string | null;
  runName: string | null;
  trialIndex: number | null;
  trialCount: number | null;
  phase: 'familiarization' | 'test' | null;
  models: string[];
  /** Snapshots held (frame 0 included). */
  frames: number;
  startedAt: string;
  hasLooking: boolean;
}

export type RecordingsChange = { store: 'recordings' | 'runs'; id: string; change: 'saved' | 'renamed' | 'deleted' };

interface StoredRecording { id: string; runId?: string; recording: Recording }

export function summarizeRecording(r: Recording): RecordingSummary {
  const p = r.place;
  return {
    id: r.id, name: r.name, kind: r.kind, sceneId: r.meta.scene_id, sceneTitle: r.meta.scene_title,
    condition: r.meta.condition, variant: r.meta.variant, seed: r.meta.seed,
    runId: p?.run_id ?? null, runName: p?.run_name ?? null, trialIndex: p?.trial_index ?? null, trialCount: p?.trial_count ?? null,
    phase: p?.phase ?? null, models: r.observers.map((o) => o.model), frames: r.snapshots.length,
    startedAt: r.meta.started_at, hasLooking: r.looking !== null,
  };
}

/** A name as it will be stored (trimmed), or an error saying what is wrong with it. */
export function checkRecordingName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A name cannot be empty.');
  if (trimmed.length > MAX_NAME_LENGTH) throw new Error(`A name can have at most ${MAX_NAME_LENGTH} characters (this one has ${trimmed.length}).`);
  return trimmed;
}

const database = defineDatabase(RECORDINGS_DB, DB_VERSION, (db) => {
  if (!db.objectStoreNames.contains(RECORDINGS)) db.createObjectStore(RECORDINGS, { keyPath: 'id' }).createIndex('runId', 'runId');
  if (!db.objectStoreNames.contains(SUMMARIES)) db.createObjectStore(SUMMARIES, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS, { keyPath: 'id' });
});

function transact<T>(stores: string[], mode: IDBTransactionMode, subject: string, failed: string,
  body: (tx: IDBTransaction, abort: (e: Error) => void) => () => T): Promise<T> {
  return runTransaction(database, stores, mode, subject, failed, body);
}

function announce(change: RecordingsChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(RECORDINGS_CHANNEL);
  ch.postMessage(change);
  ch.close();
}

const named = (r: { name: string }): string => `The recording “${r.name}”`;

/** Stores a recording (replacing one with the same id) with its summary. */
export async function putRecording(rec: Recording): Promise<void> {
  const wrapper: StoredRecording = { id: rec.id, recording: rec };
  // No runId key at all for free play: IndexedDB leaves such records out of the index.
  if (rec.place) wrapper.runId = rec.place.run_id;
  await transact([RECORDINGS, SUMMARIES], 'readwrite', named(rec), 'was not saved', (tx) => {
    tx.objectStore(RECORDINGS).put(wrapper);
    tx.objectStore(SUMMARIES).put(summarizeRecording(rec));
    return () => undefined;
  });
  announce({ store: 'recordings', id: rec.id, change: 'saved' });
}

export async function getRecording(id: string): Promise<Recording | null> {
  return transact([RECORDINGS], 'readonly', 'The saved recording', 'could not be read', (tx) => {
    const req = tx.objectStore(RECORDINGS).get(id) as IDBRequest<StoredRecording | undefined>;
    return () => req.result?.recording ?? null;
  });
}

/** Every recording's summary, newest first. */
export async function listRecordings(): Promise<RecordingSummary[]> {
  const all = await transact([SUMMARIES], 'readonly', 'The list of saved recordings', 'could not be read', (tx) => {
    const req = tx.objectStore(SUMMARIES).getAll() as IDBRequest<RecordingSummary[]>;
    return () => req.result;
  });
  return all.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
}

/** The full recordings of a run, in presentation order. */
export async function recordingsOfRun(runId: string): Promise<Recording[]> {
  const all = await transact([RECORDINGS], 'readonly', `The recordings of run “${runId}”`, 'could not be read', (tx) => {
    const req = tx.objectStore(RECORDINGS).index('runId').getAll(runId) as IDBRequest<StoredRecording[]>;
    return () => req.result.map((w) => w.recording);
  });
  return all.sort((a, b) => (a.place?.trial_index ?? 0) - (b.place?.trial_index ?? 0));
}

/** Renames a recording (trimmed, 1–200 characters); the recording and its summary change together. */
export async function renameRecording(id: string, name: string): Promise<void> {
  const clean = checkRecordingName(name);
  await transact([RECORDINGS, SUMMARIES], 'readwrite', `The recording “${id}”`, 'was not renamed', (tx, abort) => {
    const recordings = tx.objectStore(RECORDINGS);
    const req = recordings.get(id) as IDBRequest<StoredRecording | undefined>;
    req.onsuccess = () => {
      const stored = req.result;
      if (!stored) return abort(new Error(`There is no saved recording with id “${id}” (deleted in another tab?).`));
      const recording = { ...stored.recording, name: clean };
      recordings.put({ ...stored, recording });
      tx.objectStore(SUMMARIES).put(summarizeRecording(recording));
    };
    return () => undefined;
  });
  announce({ store: 'recordings', id, change: 'renamed' });
}

export async function deleteRecording(id: string): Promise<void> {
  await transact([RECORDINGS, SUMMARIES], 'readwrite', `The recording “${id}”`, 'was not deleted', (tx) => {
    tx.objectStore(RECORDINGS).delete(id);
    tx.objectStore(SUMMARIES).delete(id);
    return () => undefined;
  });
  announce({ store: 'recordings', id, change: 'deleted' });
}

export async function putRun(run: StoredRun): Promise<void> {
  await transact([RUNS], 'readwrite', `The run “${run.name}”`, 'was not saved', (tx) => {
    tx.objectStore(RUNS).put(run);
    return () => undefined;
  });
  announce({ store: 'runs', id: run.id, change: 'saved' });
}

export async function getRun(id: string): Promise<StoredRun | null> {
  return transact([RUNS], 'readonly', 'The saved run', 'could not be read', (tx) => {
    const req = tx.objectStore(RUNS).get(id) as IDBRequest<StoredRun | undefined>;
    return () => req.result ?? null;
  });
}

/** Every run, newest first. */
export async function listRuns(): Promise<StoredRun[]> {
  const all = await transact([RUNS], 'readonly', 'The list of runs', 'could not be read', (tx) => {
    const req = tx.objectStore(RUNS).getAll() as IDBRequest<StoredRun[]>;
    return () => req.result;
  });
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** Deletes a run; its recordings stay (they name their run) unless `withRecordings`. */
export async function deleteRun(id: string, options: { withRecordings?: boolean } = {}): Promise<void> {
  await transact([RUNS, RECORDINGS, SUMMARIES], 'readwrite', `The run “${id}”`, 'was not deleted', (tx) => {
    tx.objectStore(RUNS).delete(id);
    if (options.withRecordings) {
      const keys = tx.objectStore(RECORDINGS).index('runId').getAllKeys(id);
      keys.onsuccess = () => {
        for (const key of keys.result) {
          tx.objectStore(RECORDINGS).delete(key);
          tx.objectStore(SUMMARIES).delete(key);
        }
      };
    }
    return () => undefined;
  });
  announce({ store: 'runs', id, change: 'deleted' });
}

/** Calls `fn` whenever any tab (this one included) changes a recording or a run; returns a stop function. */
export function onRecordingsChanged(fn: (change: RecordingsChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(RECORDINGS_CHANNEL);
  ch.onmessage = (e: MessageEvent<RecordingsChange>) => fn(e.data);
  return () => ch.close();
}
