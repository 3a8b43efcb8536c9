// Checkpoint files in and out of the browser: the three files of public/models/ (model.json,
// weights.bin, meta.json) or one JSON bundle holding the same three, with the weights in base64.
// Pure: takes and returns bytes and text; the page does the file picking and downloading.

import { JsonTextError, decodeJsonBytes, parseJsonText } from '../scenes/jsonText';

/** The three files of a checkpoint, exactly as written by serializeCheckpoint. */
export interface CheckpointFiles { modelJson: string; weights: Uint8Array; metaJson: string }

/** A single-file bundle: `{format, formatVersion, name, modelJson, metaJson, weightsBase64}` where
 * modelJson and metaJson are the text of the two files and weightsBase64 the bytes of weights.bin. */
export const BUNDLE_FORMAT = 'surprise-lab-checkpoint-bundle';
export const BUNDLE_VERSION = 1;

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Names usable as ids in the playground and as file names: letters, digits, `_`, `.`, `-`. */
export const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** A usable name from any text (a file name, a user's typing): other characters become `-`. */
export function cleanName(text: string): string {
  const cleaned = text.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 64);
  return cleaned || 'checkpoint';
}

/** `base`, or base-2, base-3… whichever is not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base.slice(0, 60)}-${k}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function bundleCheckpoint(name: string, files: CheckpointFiles): string {
  return `${JSON.stringify({ format: BUNDLE_FORMAT, formatVersion: BUNDLE_VERSION, name, modelJson: files.modelJson, metaJson: files.metaJson, weightsBase64: toBase64(files.weights) })}\n`;
}

export interface PickedFile { name: string; bytes: Uint8Array }
export interface ImportedFiles { name: string; source: string; files: CheckpointFiles }

function parseJson(file: PickedFile): unknown {
  try {
    return parseJsonText(decodeJsonBytes(file.bytes));
  } catch (e) {
    if (e instanceof JsonTextError && !e.what.startsWith('not valid JSON')) throw new ImportError(`${file.name}: ${e.message}`);
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    throw new ImportError(`${file.name}: ${why}; the file may be truncated`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readBundle(file: PickedFile, value: Record<string, unknown>): ImportedFiles {
  if (value.formatVersion !== BUNDLE_VERSION) {
    throw new ImportError(`${file.name}: bundle format version ${String(value.formatVersion)} is not supported (this app reads version ${BUNDLE_VERSION})`);
  }
  const { modelJson, metaJson, weightsBase64 } = value;
  if (typeof modelJson !== 'string' || typeof metaJson !== 'string' || typeof weightsBase64 !== 'string') {
    throw new ImportError(`${file.name}: a bundle needs modelJson, metaJson and weightsBase64 as strings`);
  }
  let weights: Uint8Array;
  try {
    weights = fromBase64(weightsBase64);
  } catch {
    throw new ImportError(`${file.name}: weightsBase64 is not valid base64`);
  }
  const name = typeof value.name === 'string' ? value.name : file.name.replace(/\.json$/i, '');
  return { name: cleanName(name), source: file.name, files: { modelJson, metaJson, weights } };
}

/** Sorts picked files into a checkpoint: a bundle alone, or model.json + weights.bin + meta.json
 * (recognised by content, so renamed files still work). Throws ImportError naming the problem.
 * The tensors themselves are checked afterwards by parseCheckpoint. */
export function readImportFiles(picked: readonly PickedFile[]): ImportedFiles {
  if (picked.length === 0) throw new ImportError('no files chosen');
  const bins = picked.filter((f) => /\.bin$/i.test(f.name));
  const jsons = picked.filter((f) => !/\.bin$/i.test(f.name));
  if (picked.length === 1 && bins.length === 0) {
    const value = parseJson(picked[0]!);
    if (isObject(value) && value.format === BUNDLE_FORMAT) return readBundle(picked[0]!, value);
    throw new ImportError(`${picked[0]!.name}: not a checkpoint bundle; choose a bundle (.json) or the three files model.json, weights.bin and meta.json together`);
  }
  if (picked.length !== 3 || bins.length !== 1) {
    throw new ImportError(`got ${picked.length} file(s) (${picked.map((f) => f.name).join(', ')}); choose one bundle, or model.json, weights.bin and meta.json together`);
  }
  let model: PickedFile | null = null;
  let meta: PickedFile | null = null;
  for (const f of jsons) {
    const value = parseJson(f);
    if (isObject(value) && typeof value.format === 'string' && 'weightsManifest' in value) model = model ? fail(`two model files (${model.name}, ${f.name})`) : f;
    else if (isObject(value) && 'experience_frames' in value) meta = meta ? fail(`two meta files (${meta.name}, ${f.name})`) : f;
    else throw new ImportError(`${f.name}: neither a model.json (format, weightsManifest) nor a meta.json (experience_frames)`);
  }
  if (!model) throw new ImportError('no model.json among the files');
  if (!meta) throw new ImportError('no meta.json among the files');
  const metaValue = parseJson(meta) as Record<string, unknown>;
  const name = typeof metaValue.name === 'string' ? metaValue.name : 'imported';
  return { name: cleanName(name), source: cleanName(name), files: { modelJson: decodeJsonBytes(model.bytes), metaJson: decodeJsonBytes(meta.bytes), weights: bins[0]!.bytes } };
}

function fail(message: string): never {
  throw new ImportError(message);
}
