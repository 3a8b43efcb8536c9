// Why the browser would not store something, in words a person can act on: its storage for this
// site is full, or this window has no usable storage at all (private windows, blocked IndexedDB).

/** The browser refused a write for quota: nothing of that write was stored. */
export class StorageFullError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageFullError';
  }
}

/** IndexedDB is missing or cannot be opened here: nothing can be stored or read. */
export class StorageUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** Whether an error (a request's, a transaction's, or one thrown) means "out of quota". */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  // Firefox once used its own name; old WebKit only the legacy code 22.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

const why = (e: unknown): string => (e instanceof Error && e.message ? ` (${e.message.replace(/\.$/, '')})` : '');

/** `subject` + `failed`, e.g. 'The recording "Sandbox 14:03"' + 'was not saved'. */
export function storageFull(subject: string, failed: string, cause?: unknown): StorageFullError {
  return new StorageFullError(`${subject} ${failed}: the browser's storage for this site is full. Delete recordings or checkpoints you no longer need (download them first if you want to keep them), then try again.`, cause);
}

export function storageUnavailable(subject: string, failed: string, cause?: unknown): StorageUnavailableError {
  return new StorageUnavailableError(`${subject} ${failed}: this browser window does not let the page store data${why(cause)}. Private windows often block it; a normal window keeps recordings.`, cause);
}

/** Any failure of a storage operation as one of the two errors above, or a plain error naming it. */
export function storageFailure(e: unknown, subject: string, failed: string): Error {
  if (e instanceof StorageFullError || e instanceof StorageUnavailableError) return e;
  if (isQuotaError(e)) return storageFull(subject, failed, e);
  const name = (e as { name?: unknown } | null)?.name;
  // Raised when the database was closed under us or the browser refuses it (private mode, policy).
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') return storageUnavailable(subject, failed, e);
  return new Error(`${subject} ${failed}${why(e) || ' (the browser gave no reason)'}.`, { cause: e });
}
