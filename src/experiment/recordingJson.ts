// Recordings as JSON files: one recording, or a bundle of several, written byte-stably and read
// back with errors that name the file, the JSON path and what is wrong (docs/data.md).
import type { z } from 'zod';
import { RECORDING_FORMAT, RECORDING_VERSION, recordingSchema, type Recording } from './recording';
import { JsonTextError, checkJsonStructure } from '../scenes/jsonText';

export const RECORDINGS_BUNDLE_FORMAT = 'surprise-lab-recordings';
export const RECORDINGS_BUNDLE_VERSION = 1;
/** Larger files are refused before parsing: JSON.parse of more would take the page's memory. */
export const MAX_RECORDINGS_JSON_CHARS = 256 * 1024 * 1024;

/** A recording file that cannot be read: `${source}: ${where}: ${what}`. */
export class RecordingImportError extends Error {
  constructor(readonly source: string, readonly where: string, readonly what: string) {
    super(`${source}: ${where}: ${what}`);
    this.name = 'RecordingImportError';
  }
}

/** One recording → the recording itself; several → a bundle. Keys in the schema's order, two-space
 * indent, so that export → import → export gives the same bytes. Refuses an invalid recording
 * (a file that could not be read back would be worse than an error now). */
export function recordingsToJson(recordings: readonly Recording[]): string {
  if (recordings.length === 0) throw new Error('no recordings to write');
  const checked = recordings.map((r, i) => validRecording(r, 'export', recordings.length === 1 ? '' : `recordings[${i}]`));
  uniqueIds(checked, 'export');
  const value = checked.length === 1
    ? checked[0]
    : { format: RECORDINGS_BUNDLE_FORMAT, version: RECORDINGS_BUNDLE_VERSION, recordings: checked };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Reads a recording file or a bundle; `source` names it in errors (a file name). */
export function parseRecordingsJson(text: string, source: string, options: { maxChars?: number } = {}): Recording[] {
  const max = options.maxChars ?? MAX_RECORDINGS_JSON_CHARS;
  if (text.length > max) {
    throw new RecordingImportError(source, 'whole file', `${megabytes(text.length)} is more than the ${megabytes(max)} that can be read at once; export fewer recordings per file`);
  }
  const value = parseJson(text, source);
  if (isObject(value) && value.format === RECORDINGS_BUNDLE_FORMAT) {
    checkVersion(value.version, RECORDINGS_BUNDLE_VERSION, source, 'version', 'bundle');
    if (!Array.isArray(value.recordings)) throw new RecordingImportError(source, 'recordings', 'a bundle needs a list of recordings');
    if (value.recordings.length === 0) throw new RecordingImportError(source, 'recordings', 'the bundle holds no recordings');
    const extra = Object.keys(value).filter((k) => k !== 'format' && k !== 'version' && k !== 'recordings');
    if (extra.length > 0) throw new RecordingImportError(source, extra[0]!, `unknown key in a bundle (expected only "format", "version" and "recordings")`);
    const recordings = value.recordings.map((r: unknown, i: number) => readOne(r, source, `recordings[${i}]`));
    uniqueIds(recordings, source);
    return recordings;
  }
  return [readOne(value, source, '')];
}

/** Checks a value read from JSON (or built by code) as a recording: the schema, then consistency. */
export function validRecording(value: unknown, source: string, prefix = ''): Recording {
  const parsed = recordingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RecordingImportError(source, pathText(prefix, issue.path) || '(top level)', issueText(issue, valueAt(value, issue.path)));
  }
  const problem = recordingProblems(parsed.data)[0];
  if (problem) throw new RecordingImportError(source, pathText(prefix, problem.path) || '(top level)', problem.what);
  return parsed.data;
}

function readOne(value: unknown, source: string, prefix: string): Recording {
  const at = (key: string): string => pathText(prefix, [key]);
  if (!isObject(value) || value.format !== RECORDING_FORMAT) {
    const where = isObject(value) ? at('format') : prefix || '(top level)';
    throw new RecordingImportError(source, where, `not a Surprise Lab recording: expected "format": "${RECORDING_FORMAT}"`);
  }
  checkVersion(value.version, RECORDING_VERSION, source, at('version'), 'recording');
  return validRecording(value, source, prefix);
}

function checkVersion(version: unknown, known: number, source: string, where: string, what: string): void {
  if (version === known) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > known) {
    throw new RecordingImportError(source, where, `${what} format version ${version} was written by a newer Surprise Lab; this one reads version ${known}`);
  }
  throw new RecordingImportError(source, where, `unknown ${what} format version ${JSON.stringify(version) ?? 'missing'} (expected ${known})`);
}

function uniqueIds(recordings: readonly Recording[], source: string): void {
  const seen = new Map<string, number>();
  recordings.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined) throw new RecordingImportError(source, `recordings[${i}].id`, `"${r.id}" is also the id of recordings[${first}]; ids must be unique in a bundle`);
    seen.set(r.id, i);
  });
}

function parseJson(text: string, source: string): unknown {
  // The shared reader's structure checks first: a key given twice or a `__proto__` key is refused
  // by JSON path, not silently dropped (text that is not JSON is left to the wording below).
  try {
    checkJsonStructure(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new RecordingImportError(source, e.path || 'whole file', e.what);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    if (text.trim() === '') throw new RecordingImportError(source, 'whole file', 'the file is empty');
    // Engines word this differently; an error at the very end of the text means it was cut short.
    if (/end of (JSON )?input/i.test(message) || (pos && Number(pos[1]) >= text.trimEnd().length)) {
      throw new RecordingImportError(source, 'end of file', 'not valid JSON: the text stops in the middle (a truncated file?)');
    }
    let where = 'whole file';
    if (pos) where = lineColumn(text, Number(pos[1]));
    else if (lineCol) where = `line ${lineCol[1]}, column ${lineCol[2]}`;
    throw new RecordingImportError(source, where, `not valid JSON (${message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '')})`);
  }
}

const megabytes = (chars: number): string => `${(chars / 2 ** 20).toFixed(chars < 2 ** 20 ? 3 : 0)} MB`;

function lineColumn(text: string, offset: number): string {
  let line = 1, start = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
  return `line ${line}, column ${offset - start + 1}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `recordings[2].snapshots[14].bodies[0].x`; keys that are not plain names are quoted. */
export function pathText(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return Number.isFinite(v) || Number.isNaN(v) ? String(v) : `${v} (a number too large)`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

const WORDS: Record<string, string> = { number: 'a finite number', string: 'a text', boolean: 'true or false', null: 'null', array: 'a list', object: 'an object', int: 'a whole number' };

/** A zod issue in plain words, with the offending value. */
function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${WORDS[issue.expected] ?? issue.expected}, not ${describe(value)}`;
    case 'invalid_union': {
      const expected = [...new Set(issue.errors.flatMap((branch) => branch.map((i) => (i.code === 'invalid_type' ? WORDS[i.expected] ?? i.expected : i.message))))];
      if (typeof value === 'number' && !Number.isFinite(value)) return `must be a finite number or null, not ${describe(value)}`;
      return `must be ${expected.join(' or ')}, not ${describe(value)}`;
    }
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${describe(value)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return `${issue.origin === 'array' ? `needs at least ${String(issue.minimum)} entries` : issue.origin === 'string' ? `needs at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`}, not ${describe(value)}`;
    case 'too_big':
      return `${issue.origin === 'array' ? `has more than ${String(issue.maximum)} entries` : issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}, not ${describe(value)}`}`;
    case 'invalid_format':
      return `must match ${issue.pattern ?? issue.format}, not ${describe(value)}`;
    case 'custom':
      return `${issue.message}, not ${describe(value)}`;
    default:
      return issue.message;
  }
}

interface Problem { path: PropertyKey[]; what: string }

/** What the schema cannot say: series as long as the snapshots, frames 0, 1, 2, …, events, the
 * onset and looks within the recording, ids unique where they name columns or rows. */
export function recordingProblems(r: Recording): Problem[] {
  const problems: Problem[] = [];
  const n = r.snapshots.length;
  const last = n - 1;
  for (let k = 0; k < n && problems.length === 0; k++) {
    const s = r.snapshots[k]!;
    if (s.frame !== k) problems.push({ path: ['snapshots', k, 'frame'], what: `expected frame ${k} (frames count 0, 1, 2, … in order, without gaps), not ${s.frame}` });
    const ids = new Set<string>();
    s.bodies.forEach((b, j) => {
      if (ids.has(b.id) && problems.length === 0) problems.push({ path: ['snapshots', k, 'bodies', j, 'id'], what: `"${b.id}" appears twice in this snapshot` });
      ids.add(b.id);
    });
  }
  const beyond = (f: number): string => `frame ${f} is past the last snapshot (frame ${last})`;
  r.events.forEach((e, i) => { if (e.frame > last) problems.push({ path: ['events', i, 'frame'], what: beyond(e.frame) }); });
  if (r.meta.onset_frame !== null && r.meta.onset_frame > last) problems.push({ path: ['meta', 'onset_frame'], what: beyond(r.meta.onset_frame) });
  const models = new Set<string>();
  r.observers.forEach((o, i) => {
    if (models.has(o.model)) problems.push({ path: ['observers', i, 'model'], what: `"${o.model}" is listed twice` });
    models.add(o.model);
    const length = (xs: readonly unknown[]): string => `has ${xs.length} entries, but there ${n === 1 ? 'is 1 snapshot' : `are ${n} snapshots`} (one entry per snapshot)`;
    if (o.total.length !== n) problems.push({ path: ['observers', i, 'total'], what: length(o.total) });
    for (const [id, series] of Object.entries(o.per_body)) if (series.length !== n) problems.push({ path: ['observers', i, 'per_body', id], what: length(series) });
  });
  r.looking?.looks.forEach(([a, b], i) => {
    if (a > b) problems.push({ path: ['looking', 'looks', i], what: `a look cannot end (frame ${b}) before it starts (frame ${a})` });
    else if (b > last) problems.push({ path: ['looking', 'looks', i, 1], what: beyond(b) });
  });
  if (r.place && r.place.trial_index >= r.place.trial_count) {
    problems.push({ path: ['place', 'trial_index'], what: `trial ${r.place.trial_index} does not fit in a run of ${r.place.trial_count} trials (trial_index counts from 0)` });
  }
  return problems;
}
