// Drafts kept in this browser's localStorage (one key per scene id, plus the last state of the
// stage), with a sentence for a full or refused storage instead of an exception.
import type { SceneDraft } from './model/sceneDraft';

const PREFIX = 'surprise-lab.studio.draft:';
export const AUTOSAVE = 'surprise-lab.studio.autosave';

export interface DraftInfo { key: string; id: string; savedAt: string }

function storage(): Storage {
  try {
    const s = window.localStorage;
    if (!s) throw new Error('no localStorage');
    return s;
  } catch {
    throw new Error('This browser refuses to keep data for this page (site data blocked, or a private window that allows none), so drafts cannot be saved here. Export the scene as a file instead.');
  }
}

/** Words for a failed write: the quota, or a refusal. */
export function storageProblem(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'The browser’s storage for this page is full, so the draft was not saved. Delete old drafts below, or export the scene as a file.';
  }
  if (name === 'SecurityError') return 'This browser refuses to keep data for this page, so the draft was not saved. Export the scene as a file instead.';
  return e instanceof Error ? e.message : String(e);
}

/** Saves the draft under its id (or the autosave key); throws an Error whose message says what to do. */
export function saveDraft(doc: SceneDraft, key = `${PREFIX}${doc.id}`): void {
  try {
    storage().setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), doc }));
  } catch (e) {
    throw new Error(storageProblem(e));
  }
}

export function listDrafts(): DraftInfo[] {
  try {
    const s = storage();
    const out: DraftInfo[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      try {
        const v = JSON.parse(s.getItem(key) ?? 'null') as { savedAt?: string };
        out.push({ key, id: key.slice(PREFIX.length), savedAt: String(v?.savedAt ?? '') });
      } catch { /* an unreadable entry is not offered */ }
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  } catch {
    return [];
  }
}

/** The document saved under `key`, or null when there is none (or it is unreadable). */
export function loadDraft(key: string): SceneDraft | null {
  try {
    const v = JSON.parse(storage().getItem(key) ?? 'null') as { doc?: SceneDraft } | null;
    return v?.doc && Array.isArray(v.doc.bodies) ? v.doc : null;
  } catch {
    return null;
  }
}

export function deleteDraft(key: string): void {
  try { storage().removeItem(key); } catch { /* nothing to delete where nothing is kept */ }
}
