// A shard's manifest (DIR/shard.json): which job it belongs to, which share it did, and its results
// at full precision, so `merge` can rebuild exactly what one run would have written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInput } from './errors';
import type { Shard } from './shard';

export const SHARD_FORMAT = 'surprise-lab-shard';
export const SHARD_FORMAT_VERSION = 1;
export const SHARD_FILE = 'shard.json';

export type ShardKind = 'suite' | 'develop' | 'train';

export interface ShardManifest {
  kind: ShardKind;
  shard: Shard;
  /** Everything that defines the whole job; every shard of one job carries the same. */
  job: unknown;
  /** This shard's own results. */
  payload: unknown;
}

// JSON has no NaN, ±Infinity or -0; a score may be any of them, and a merge must give them back.
const SPECIAL = new Map<string, number>([['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['-0', -0]]);

function encodeNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (Object.is(value, -0)) return { number: '-0' };
  return Number.isFinite(value) ? value : { number: String(value) };
}

function decodeNumbers(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'number' in value) {
    const special = SPECIAL.get(String((value as { number: unknown }).number));
    if (special !== undefined) return special;
  }
  return value;
}

export function writeShardManifest(dir: string, manifest: ShardManifest): void {
  const doc = { format: SHARD_FORMAT, format_version: SHARD_FORMAT_VERSION, ...manifest };
  writeFileSync(join(dir, SHARD_FILE), `${JSON.stringify(doc, encodeNumbers)}\n`);
}

export function readShardManifest(dir: string): ShardManifest {
  const file = join(dir, SHARD_FILE);
  if (!existsSync(file)) throw new BadInput(`${file}: no such file (is ${dir} the --out of a run with --shard?)`);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'), decodeNumbers) as Record<string, unknown>;
  } catch (e) {
    throw new BadInput(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (doc?.format !== SHARD_FORMAT) throw new BadInput(`${file}: format: not a Surprise Lab shard (should be "${SHARD_FORMAT}")`);
  if (doc.format_version !== SHARD_FORMAT_VERSION) throw new BadInput(`${file}: format_version: ${String(doc.format_version)} is not supported (this version reads ${SHARD_FORMAT_VERSION})`);
  if (!['suite', 'develop', 'train'].includes(doc.kind as string)) throw new BadInput(`${file}: kind: expected suite, develop or train`);
  const shard = doc.shard as Shard | undefined;
  if (!shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.index < 1 || shard.index > shard.count) {
    throw new BadInput(`${file}: shard: expected {index, count} with 1 ≤ index ≤ count`);
  }
  return { kind: doc.kind as ShardKind, shard: { index: shard.index, count: shard.count }, job: doc.job, payload: doc.payload };
}

/** Reads every shard and checks they are the whole of one job: same kind, same job, each share once. */
export function readShardSet(dirs: readonly string[]): { kind: ShardKind; job: unknown; shards: { dir: string; manifest: ShardManifest }[] } {
  if (dirs.length === 0) throw new BadInput('merge: name the shards\' output directories');
  const shards = dirs.map((dir) => ({ dir, manifest: readShardManifest(dir) }));
  const first = shards[0]!;
  const jobText = JSON.stringify(first.manifest.job, encodeNumbers);
  const seen = new Map<number, string>();
  for (const { dir, manifest } of shards) {
    const file = join(dir, SHARD_FILE);
    if (manifest.kind !== first.manifest.kind) throw new BadInput(`${file}: kind: ${manifest.kind}, but ${join(first.dir, SHARD_FILE)} is ${first.manifest.kind}`);
    if (manifest.shard.count !== first.manifest.shard.count) throw new BadInput(`${file}: shard: one of ${manifest.shard.count}, but ${join(first.dir, SHARD_FILE)} is one of ${first.manifest.shard.count}`);
    if (JSON.stringify(manifest.job, encodeNumbers) !== jobText) throw new BadInput(`${file}: job: not the same job as ${join(first.dir, SHARD_FILE)} (different scenes, models, pairs, seed or settings)`);
    const twin = seen.get(manifest.shard.index);
    if (twin !== undefined) throw new BadInput(`${file}: shard ${manifest.shard.index}/${manifest.shard.count} is given twice (also ${twin})`);
    seen.set(manifest.shard.index, dir);
  }
  const count = first.manifest.shard.count;
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new BadInput(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  shards.sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  return { kind: first.manifest.kind, job: first.manifest.job, shards };
}
