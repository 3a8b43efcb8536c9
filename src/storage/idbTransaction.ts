// The one IndexedDB layer under checkpoints and recordings: open a database once (reopened after
// another tab's upgrade), and run a transaction that resolves only when it has committed (`complete`),
// rejecting with a StorageFullError / StorageUnavailableError / plain error when it aborts.
// Why not the `idb` package: its `tx.done` is exactly this promise, but the error wording (storage
// full, private window) would still be ours, and this keeps the app free of one more dependency.
import { StorageFullError, StorageUnavailableError, storageFailure, storageUnavailable } from './storageErrors';

export interface Database {
  /** Opens (once) or returns the open database; errors name `subject` and what `failed`. */
  open(subject: string, failed: string): Promise<IDBDatabase>;
}

/** A database by name and version; `upgrade` creates its stores (called on first open or a new version). */
export function defineDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void): Database {
  let opening: Promise<IDBDatabase> | null = null;
  return {
    open(subject, failed) {
      opening ??= new Promise<IDBDatabase>((ok, fail) => {
        if (typeof indexedDB === 'undefined' || indexedDB === null) throw storageUnavailable(subject, failed, new Error('this browser has no IndexedDB'));
        const req = indexedDB.open(name, version);
        req.onupgradeneeded = () => upgrade(req.result);
        req.onsuccess = () => {
          const db = req.result;
          // Let a newer version in another tab upgrade; the next call opens again.
          db.onversionchange = () => { db.close(); opening = null; };
          db.onclose = () => { opening = null; };
          ok(db);
        };
        req.onerror = () => fail(req.error ?? new Error('IndexedDB could not be opened'));
        req.onblocked = () => fail(new Error(`another tab holds an older version of the ${name} database; close it and reload`));
      });
      const current = opening;
      current.catch(() => { if (opening === current) opening = null; });
      return current.catch((e: unknown) => {
        const err = storageFailure(e, subject, failed);
        // Opening failed for a reason other than quota: this window has no usable storage.
        throw err instanceof StorageFullError || err instanceof StorageUnavailableError ? err : storageUnavailable(subject, failed, e);
      });
    },
  };
}

/** Runs `body` in one transaction over `stores`; resolves with what `body`'s result holds once the
 * transaction has committed, rejects (with nothing changed) if any part of it fails. `body` may
 * call `abort(error)` from a request's handler to cancel the whole transaction with that error. */
export async function transact<T>(database: Database, stores: string[], mode: IDBTransactionMode, subject: string, failed: string,
  body: (tx: IDBTransaction, abort: (e: Error) => void) => () => T): Promise<T> {
  const db = await database.open(subject, failed);
  return new Promise<T>((ok, fail) => {
    let reason: Error | null = null;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (e) {
      fail(storageFailure(e, subject, failed));
      return;
    }
    const abort = (e: Error): void => {
      reason = e;
      try { tx.abort(); } catch { /* already finished */ }
    };
    let result: () => T;
    try {
      result = body(tx, abort);
    } catch (e) {
      reason = storageFailure(e, subject, failed);
      try { tx.abort(); } catch { /* already finished */ }
      fail(reason);
      return;
    }
    // Only `complete` means written: a request's success does not (quota errors surface at commit).
    tx.oncomplete = () => ok(result());
    tx.onabort = () => fail(reason ?? storageFailure(tx.error ?? new Error('the transaction was aborted'), subject, failed));
  });
}
