// Undo and redo over a document: every change is an Edit kept with its inverse and a label.
import { applyEdit, isEmptyEdit, type Edit } from './jsonEdit';

export interface HistoryEntry { label: string; edit: Edit; inverse: Edit }

export interface History<D> {
  doc: D;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

/** How many edits undo reaches back. */
export const MAX_UNDO = 500;

export const startHistory = <D>(doc: D): History<D> => ({ doc, past: [], future: [] });

/** Applies `edit` and records it; a new edit clears what redo would have brought back. */
export function commitEdit<D>(h: History<D>, edit: Edit, label: string): History<D> {
  if (isEmptyEdit(edit)) return h;
  const { doc, inverse } = applyEdit(h.doc, edit);
  return { doc: doc as D, past: [...h.past, { label, edit, inverse }].slice(-MAX_UNDO), future: [] };
}

export function undo<D>(h: History<D>): History<D> {
  const last = h.past[h.past.length - 1];
  if (!last) return h;
  return { doc: applyEdit(h.doc, last.inverse).doc as D, past: h.past.slice(0, -1), future: [last, ...h.future] };
}

export function redo<D>(h: History<D>): History<D> {
  const next = h.future[0];
  if (!next) return h;
  return { doc: applyEdit(h.doc, next.edit).doc as D, past: [...h.past, next], future: h.future.slice(1) };
}
