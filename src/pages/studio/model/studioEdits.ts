// The studio's edits, each built as data (jsonEdit.ts) from the document as it is: place, move,
// resize, rotate, delete an object; give a number a range; rename a param; add and remove actions.
import type { Edit, Path } from './jsonEdit';
import { getAt } from './jsonEdit';
import { newObject, type PlaceKind, type SceneDraft } from './sceneDraft';
import { toMillimetre } from './snapping';

export type ListName = 'bodies' | 'occluders';
export interface ObjectRef { list: ListName; index: number }

/** Where the object with this id is (bodies first, then screens), or null. */
export function findObject(doc: SceneDraft, id: string): ObjectRef | null {
  const b = doc.bodies.findIndex((x) => x.id === id);
  if (b >= 0) return { list: 'bodies', index: b };
  const o = (doc.occluders ?? []).findIndex((x) => x.id === id);
  return o >= 0 ? { list: 'occluders', index: o } : null;
}

export const objectPath = (ref: ObjectRef): Path => [ref.list, ref.index];

const batch = (edits: Edit[]): Edit => ({ op: 'batch', edits });

/** Appends `value` to the list at `list` (creating the list when the file has none). */
function append(doc: SceneDraft, list: 'bodies' | 'occluders' | 'actions', value: unknown): Edit {
  const current = (doc as Record<string, unknown>)[list] as unknown[] | undefined;
  return current ? { op: 'insert', path: [list, current.length], value } : { op: 'set', path: [list], value: [value] };
}

export function placeObject(doc: SceneDraft, kind: PlaceKind, at: { x: number; y: number }): { edit: Edit; id: string } {
  const made = newObject(doc, kind, { x: toMillimetre(at.x), y: toMillimetre(at.y) });
  return { edit: append(doc, made.list, made.value), id: String(made.value.id) };
}

/** Sets x and y to plain numbers (an expression there is replaced: the object was moved by hand). */
export const moveObject = (ref: ObjectRef, x: number, y: number): Edit =>
  batch([{ op: 'set', path: [...objectPath(ref), 'x'], value: toMillimetre(x) }, { op: 'set', path: [...objectPath(ref), 'y'], value: toMillimetre(y) }]);

/** A new size: width and height, or a ball's radius (half the larger of the two). */
export function resizeObject(doc: SceneDraft, ref: ObjectRef, width: number, height: number): Edit {
  const kind = getAt(doc, [...objectPath(ref), 'kind']);
  if (kind === 'ball') return { op: 'set', path: [...objectPath(ref), 'radius'], value: toMillimetre(Math.max(width, height) / 2) };
  return batch([{ op: 'set', path: [...objectPath(ref), 'width'], value: toMillimetre(width) }, { op: 'set', path: [...objectPath(ref), 'height'], value: toMillimetre(height) }]);
}

/** Bodies turn (screens never do); an angle of 0 is left out of the file. */
export const rotateBody = (ref: ObjectRef, angle: number): Edit | null =>
  ref.list === 'bodies' ? { op: 'set', path: [...objectPath(ref), 'angle'], value: angle === 0 ? undefined : angle } : null;

/** Deletes an object with the actions done to it and the violations that name it. */
export function deleteObject(doc: SceneDraft, ref: ObjectRef): Edit {
  const id = getAt(doc, [...objectPath(ref), 'id']);
  const edits: Edit[] = [];
  const actions = doc.actions ?? [];
  for (let i = actions.length - 1; i >= 0; i--) if (actions[i]!.body === id) edits.push({ op: 'remove', path: ['actions', i] });
  const v = doc.violation;
  const names = (x: Record<string, unknown>): boolean => x.body === id || x.other === id || (x.trigger as Record<string, unknown>).occluder === id || (x.trigger as Record<string, unknown>).other === id;
  if (Array.isArray(v)) {
    for (let k = v.length - 1; k >= 0; k--) if (names(v[k] as Record<string, unknown>)) edits.push({ op: 'remove', path: ['violation', k] });
  } else if (v && names(v as Record<string, unknown>)) edits.push({ op: 'set', path: ['violation'], value: undefined });
  edits.push({ op: 'remove', path: objectPath(ref) });
  return batch(edits);
}

/** A param name for the number at `path`: `platformHeight` for bodies[1].height of "platform". */
export function paramNameFor(doc: SceneDraft, path: Path): string {
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const [list, index, ...rest] = path;
  const owner = list === 'bodies' || list === 'occluders' ? String(getAt(doc, [list, index!, 'id']))
    : list === 'actions' ? `${String(getAt(doc, ['actions', index!, 'body']))}${cap(String(getAt(doc, ['actions', index!, 'type'])))}`
      : String(list);
  const base = `${owner}${rest.filter((k) => typeof k === 'string').map((k) => cap(String(k))).join('')}`.replace(/[^A-Za-z0-9_]/g, '');
  const taken = new Set(Object.keys(doc.params ?? {}));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

const round3 = (v: number): number => Number(v.toPrecision(3));

/** Gives the number at `path` a range: a new param (default: the number, range ±20%) that the
 * field then names. Null when the field holds no plain number. */
export function varyNumber(doc: SceneDraft, path: Path): { edit: Edit; name: string } | null {
  const value = getAt(doc, path);
  if (typeof value !== 'number') return null;
  const name = paramNameFor(doc, path);
  const spread = value === 0 ? 0.1 : Math.abs(value) * 0.2;
  const param = { default: value, min: round3(value - spread), max: round3(value + spread) };
  const params: Edit = doc.params ? { op: 'set', path: ['params', name], value: param } : { op: 'set', path: ['params'], value: { [name]: param } };
  return { edit: batch([params, { op: 'set', path, value: name }]), name };
}

const ident = (name: string): RegExp => new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`, 'g');

/** Every string in the document under `path` that uses the param, with its path. */
function usesOf(value: unknown, name: string, path: Path, out: { path: Path; text: string }[]): void {
  if (typeof value === 'string') {
    if (ident(name).test(value)) out.push({ path, text: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => usesOf(v, name, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) usesOf(v, name, [...path, k], out);
}

/** The paths (as text) of the expressions that use a param. */
export function paramUses(doc: SceneDraft, name: string): Path[] {
  const out: { path: Path; text: string }[] = [];
  for (const key of ['bodies', 'occluders', 'actions', 'violation'] as const) usesOf((doc as Record<string, unknown>)[key], name, [key], out);
  return out.map((u) => u.path);
}

/** Renames a param and every use of it in expressions; null if the new name is taken or not an id. */
export function renameParam(doc: SceneDraft, from: string, to: string): Edit | null {
  const params = doc.params ?? {};
  if (!Object.hasOwn(params, from) || from === to || Object.hasOwn(params, to) || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(to)) return null;
  const renamed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k === from ? to : k, v]));
  const edits: Edit[] = [{ op: 'set', path: ['params'], value: renamed }];
  const uses: { path: Path; text: string }[] = [];
  for (const key of ['bodies', 'occluders', 'actions', 'violation'] as const) usesOf((doc as Record<string, unknown>)[key], from, [key], uses);
  for (const u of uses) edits.push({ op: 'set', path: u.path, value: u.text.replace(ident(from), to) });
  return batch(edits);
}

/** Removes a param; a field that names it alone gets the param's default back (other uses stay, and the validator names them). */
export function removeParam(doc: SceneDraft, name: string): Edit {
  const p = doc.params?.[name];
  const edits: Edit[] = [{ op: 'set', path: ['params', name], value: undefined }];
  for (const path of paramUses(doc, name)) if (getAt(doc, path) === name && p) edits.push({ op: 'set', path, value: p.default });
  return batch(edits);
}

export type ActionType = NonNullable<SceneDraft['actions']>[number]['type'];

/** A new action on a body, at time `at`, with the fields its type needs. */
export function addAction(doc: SceneDraft, type: ActionType, body: string, at: number): Edit {
  const b = doc.bodies.find((x) => x.id === body);
  const value = type === 'push' ? { type, body, at, velocity: { x: 1.5, y: 0 }, by: 'hand' }
    : type === 'carry' ? { type, body, at, duration: 1, to: { x: typeof b?.x === 'number' ? toMillimetre(b.x + 1) : 1, y: typeof b?.y === 'number' ? b.y : 1 } }
      : type === 'drop' ? { type, body, at }
        : { type, body, at };
  return append(doc, 'actions', value);
}

/** Adds a screen move after the screen's last one (a rise by half its height, over half a second). */
export function addScreenMove(doc: SceneDraft, index: number): Edit {
  const o = doc.occluders?.[index];
  const moves = o?.moves ?? [];
  const last = moves[moves.length - 1];
  const at = last && typeof last.at === 'number' && typeof last.duration === 'number' ? toMillimetre(last.at + last.duration + 0.5) : 0.5;
  const value = { at, duration: 0.5, y: typeof o?.y === 'number' && typeof o.height === 'number' ? toMillimetre(o.y + o.height / 2) : 1 };
  return o?.moves ? { op: 'insert', path: ['occluders', index, 'moves', moves.length], value } : { op: 'set', path: ['occluders', index, 'moves'], value: [value] };
}

/** Renames a body or screen and every action and violation that names it; null if the id is taken or not an id. */
export function renameObject(doc: SceneDraft, from: string, to: string): Edit | null {
  const ref = findObject(doc, from);
  if (!ref || from === to || findObject(doc, to) || !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(to)) return null;
  const edits: Edit[] = [{ op: 'set', path: [...objectPath(ref), 'id'], value: to }];
  (doc.actions ?? []).forEach((a, i) => { if (a.body === from) edits.push({ op: 'set', path: ['actions', i, 'body'], value: to }); });
  const v = doc.violation;
  const list = Array.isArray(v) ? v.map((x, k) => ({ x, path: ['violation', k] as Path })) : v ? [{ x: v, path: ['violation'] as Path }] : [];
  for (const { x, path } of list) {
    const r = x as Record<string, unknown>;
    const t = r.trigger as Record<string, unknown>;
    if (r.body === from) edits.push({ op: 'set', path: [...path, 'body'], value: to });
    if (r.other === from) edits.push({ op: 'set', path: [...path, 'other'], value: to });
    if (t.occluder === from) edits.push({ op: 'set', path: [...path, 'trigger', 'occluder'], value: to });
    if (t.other === from) edits.push({ op: 'set', path: [...path, 'trigger', 'other'], value: to });
  }
  return batch(edits);
}
