// Edits on a plain JSON document as data: set, insert, remove at a path, and batches of them.
// Applying one returns the new document (the old one untouched) and the edit that undoes it.

export type PathKey = string | number;
export type Path = readonly PathKey[];

export type Edit =
  /** Sets the value at `path`; `value` undefined removes the key (an object's). */
  | { op: 'set'; path: Path; value: unknown }
  /** Inserts into the array at `path`'s parent, at index `path[last]`. */
  | { op: 'insert'; path: Path; value: unknown }
  /** Removes the array element at `path`. */
  | { op: 'remove'; path: Path }
  | { op: 'batch'; edits: readonly Edit[] };

type Json = Record<string, unknown> | unknown[];

export function getAt(doc: unknown, path: Path): unknown {
  let cur: unknown = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** A copy of `doc` with `change` applied to the container at `path` (created as an object when missing). */
function updateAt(doc: unknown, path: Path, change: (container: Json) => Json): unknown {
  if (path.length === 0) return change(doc as Json);
  const [key, ...rest] = path as [PathKey, ...PathKey[]];
  const container: Json = doc !== null && typeof doc === 'object' ? doc as Json : {};
  const child = Object.hasOwn(container, key) ? (container as Record<PropertyKey, unknown>)[key] : undefined;
  const next = updateAt(child, rest, change);
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[key as number] = next;
    return copy;
  }
  return { ...container, [key]: next };
}

function splitPath(path: Path): [Path, PathKey] {
  if (path.length === 0) throw new Error('an edit needs a path with at least one key');
  return [path.slice(0, -1), path[path.length - 1]!];
}

export function applyEdit(doc: unknown, edit: Edit): { doc: unknown; inverse: Edit } {
  switch (edit.op) {
    case 'set': {
      const [parent, key] = splitPath(edit.path);
      const before = getAt(doc, edit.path);
      const next = updateAt(doc, parent, (c) => {
        if (Array.isArray(c)) {
          const copy = c.slice();
          copy[key as number] = edit.value;
          return copy;
        }
        const copy: Record<string, unknown> = { ...c };
        if (edit.value === undefined) delete copy[key as string];
        else copy[key as string] = edit.value;
        return copy;
      });
      // Containers the set had to create go again on undo, from the outermost one made.
      const made = edit.path.findIndex((_, i) => i < edit.path.length - 1 && getAt(doc, edit.path.slice(0, i + 1)) === undefined);
      const inverse: Edit = made >= 0 ? { op: 'set', path: edit.path.slice(0, made + 1), value: undefined } : { op: 'set', path: edit.path, value: before };
      return { doc: next, inverse };
    }
    case 'insert': {
      const [parent, index] = splitPath(edit.path);
      const next = updateAt(doc, parent, (c) => {
        const list = Array.isArray(c) ? c.slice() : [];
        list.splice(Number(index), 0, edit.value);
        return list;
      });
      return { doc: next, inverse: { op: 'remove', path: edit.path } };
    }
    case 'remove': {
      const [parent, index] = splitPath(edit.path);
      const before = getAt(doc, edit.path);
      const next = updateAt(doc, parent, (c) => {
        if (!Array.isArray(c)) throw new Error(`remove: ${parent.join('.')} is not a list`);
        const list = c.slice();
        list.splice(Number(index), 1);
        return list;
      });
      return { doc: next, inverse: { op: 'insert', path: edit.path, value: before } };
    }
    case 'batch': {
      let cur = doc;
      const inverses: Edit[] = [];
      for (const e of edit.edits) {
        const r = applyEdit(cur, e);
        cur = r.doc;
        inverses.unshift(r.inverse);
      }
      return { doc: cur, inverse: { op: 'batch', edits: inverses } };
    }
  }
}

/** The edits of a batch, or the edit itself, for a change that touches nothing (an empty batch) to be dropped. */
export const isEmptyEdit = (edit: Edit): boolean => edit.op === 'batch' && edit.edits.every(isEmptyEdit);
