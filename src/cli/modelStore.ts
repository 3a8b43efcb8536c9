// Finds and loads the models a CLI command names: shipped checkpoints on disk and the baselines.
// A broken checkpoint folder is listed with what is wrong with it; it never stops its siblings.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckpointError, MAX_WEIGHTS_BYTES, type CheckpointMeta } from '../predictor/checkpoint';
import { predictorFromCheckpoint } from '../predictor/checkpointPredictor';
import { checkedValue, metaJsonSchema } from '../predictor/checkpointSchema';
import { ConstantVelocityPredictor, type LearnedPredictor } from '../predictor/predictor';
import { GravityOnlyPredictor } from '../predictor/gravityOnly';
import { ORACLE, type Observer } from '../experiment/observers';
import { JsonTextError, decodeJsonBytes, parseJsonText } from '../scenes/jsonText';
import { BadInput } from './errors';
import { readRegularFile } from './regularFile';

import { cohortChoices } from '../web/cohortChoice';

export const DEFAULT_MODELS_DIR = resolve(fileURLToPath(new URL('../../public/models', import.meta.url)));
export const BASELINES = ['constant-velocity', 'gravity-only', 'oracle'] as const;
/** model.json and meta.json are a few kilobytes; far bigger ones are not a checkpoint's. */
const MAX_CHECKPOINT_JSON_BYTES = 1_000_000;

export interface ModelEntry {
  name: string;
  experienceFrames: number;
  dir: string | null;
  meta: CheckpointMeta | null;
  /** Where it lives, relative to the models directory (`learner-6k`, `seed-2/learner-6k`). */
  path: string;
  /** The training seed (from meta.json; null if a checkpoint does not record one). */
  seed: number | null;
}
/** A folder that looks like a checkpoint (or is a broken link) but cannot be used, and why. */
export interface BrokenEntry { name: string; dir: string; problem: string }

/** A folder holding one more seed of the same learner: `seed-2/learner-6k` is named `learner-6k-s2`. */
export const SEED_FOLDER = /^seed-(\d+)$/;
export const cohortName = (checkpoint: string, seed: number): string => `${checkpoint}-s${seed}`;

function readJsonFile(file: string): unknown {
  const text = decodeJsonBytes(readRegularFile(file, 'a checkpoint file', MAX_CHECKPOINT_JSON_BYTES));
  try {
    return parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new BadInput(`${file}: ${e.message}`);
    throw e;
  }
}

const byExperience = (a: ModelEntry, b: ModelEntry): number => a.experienceFrames - b.experienceFrames || a.name.localeCompare(b.name);

/** One series: every folder directly under `root/folder` holding a meta.json (or that cannot be looked
 * into), usable or not; `seed` set for a cohort's `seed-S` folder (names get `-sS`, meta must agree). */
function scanSeries(root: string, folder: string, seed: number | null): { usable: ModelEntry[]; broken: BrokenEntry[] } {
  const usable: ModelEntry[] = [];
  const broken: BrokenEntry[] = [];
  const dir = folder ? join(root, folder) : root;
  if (!existsSync(dir)) return { usable, broken };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new BadInput(`${dir}: cannot list this models folder (not a readable directory)`);
  }
  for (const entryName of names) {
    const d = join(dir, entryName);
    const name = seed === null ? entryName : cohortName(entryName, seed);
    try {
      // statSync follows links: a broken one throws and is reported below.
      if (!statSync(d).isDirectory() || !existsSync(join(d, 'meta.json'))) continue;
      const metaFile = join(d, 'meta.json');
      const meta = checkedValue(readJsonFile(metaFile), metaJsonSchema, (m) => new BadInput(`${metaFile}: ${m}`)) as unknown as CheckpointMeta;
      if (!existsSync(join(d, 'model.json'))) throw new BadInput(`${join(d, 'model.json')}: missing`);
      const metaSeed = typeof meta.seed === 'number' ? meta.seed : null;
      if (seed !== null && metaSeed !== null && metaSeed !== seed) throw new BadInput(`${metaFile}: seed is ${metaSeed}, but the folder says ${seed}`);
      usable.push({ name, experienceFrames: meta.experience_frames, dir: d, meta, path: folder ? `${folder}/${entryName}` : entryName, seed: seed ?? metaSeed });
    } catch (e) {
      const problem = e instanceof BadInput ? e.message : `${d}: cannot be read (${e instanceof Error ? e.message : String(e)})`;
      broken.push({ name, dir: d, problem });
    }
  }
  usable.sort(byExperience);
  return { usable, broken };
}

/** The series directly under `dir` (the shipped seed 1 in public/models), usable or not. */
export function scanCheckpoints(dir: string): { usable: ModelEntry[]; broken: BrokenEntry[] } {
  return scanSeries(dir, '', null);
}

/** Every checkpoint under `dir`: the series directly in it, then each `seed-S` folder's series
 * (named NAME-sS), seed by seed, each by experience. `train --seeds` writes this layout. */
export function scanAllCheckpoints(dir: string): { usable: ModelEntry[]; broken: BrokenEntry[] } {
  const all = scanCheckpoints(dir);
  if (!existsSync(dir)) return all;
  let folders: { folder: string; seed: number }[] = [];
  try {
    folders = readdirSync(dir).map((f) => ({ f, m: SEED_FOLDER.exec(f) })).filter((x) => x.m && statSync(join(dir, x.f)).isDirectory())
      .map((x) => ({ folder: x.f, seed: Number(x.m![1]) })).sort((a, b) => a.seed - b.seed);
  } catch {
    return all;
  }
  for (const { folder, seed } of folders) {
    const series = scanSeries(dir, folder, seed);
    all.usable.push(...series.usable);
    all.broken.push(...series.broken);
  }
  return all;
}

/** The usable checkpoints directly under `dir`, by experience (broken folders left out: see scanCheckpoints). */
export function listCheckpoints(dir: string): ModelEntry[] {
  return scanCheckpoints(dir).usable;
}

/** Every usable checkpoint under `dir`, cohort folders included (see scanAllCheckpoints). */
export function listAllCheckpoints(dir: string): ModelEntry[] {
  return scanAllCheckpoints(dir).usable;
}

/** The models/index.json the browser reads (it cannot list a directory): every checkpoint under
 * `dir` with its name, experience, seed and path. */
export function modelIndexJson(dir: string): string {
  const models = listAllCheckpoints(dir).map((m) => ({ name: m.name, experience_frames: m.experienceFrames, seed: m.seed, path: m.path }));
  return `${JSON.stringify({ models }, null, 2)}\n`;
}

export function loadCheckpointDir(dir: string, name: string): LearnedPredictor {
  const model = readRegularFile(join(dir, 'model.json'), 'a checkpoint file', MAX_CHECKPOINT_JSON_BYTES);
  const meta = readRegularFile(join(dir, 'meta.json'), 'a checkpoint file', MAX_CHECKPOINT_JSON_BYTES);
  const weights = readRegularFile(join(dir, 'weights.bin'), 'a weights file', MAX_WEIGHTS_BYTES);
  try {
    return predictorFromCheckpoint({ modelJson: decodeJsonBytes(model), weights: new Uint8Array(weights), metaJson: decodeJsonBytes(meta) }, dir, name);
  } catch (e) {
    if (e instanceof CheckpointError) throw new BadInput(e.message);
    throw e;
  }
}

/** A name from `models`, or a path to a checkpoint directory. Broken siblings of the named model do
 * not matter; a broken named one is refused with its problem. */
export function loadObserver(name: string, modelsDir = DEFAULT_MODELS_DIR): Observer {
  if (name === 'oracle') return ORACLE;
  if (name === 'constant-velocity') return new ConstantVelocityPredictor();
  if (name === 'gravity-only') return new GravityOnlyPredictor();
  const { usable, broken } = scanAllCheckpoints(modelsDir);
  const entry = usable.find((m) => m.name === name);
  if (entry?.dir) return loadCheckpointDir(entry.dir, name);
  const bad = broken.find((m) => m.name === name);
  if (bad) throw new BadInput(`--model ${name}: cannot be used: ${bad.problem}`);
  // A folder given by path is read as a checkpoint, so a missing or broken file in it is named.
  if (existsSync(join(name, 'model.json')) || isDirectory(name)) return loadCheckpointDir(name, name.replace(/\/+$/, '').split('/').pop()!);
  const known = [...usable.map((m) => m.name), ...BASELINES];
  throw new BadInput(`--model ${name}: no such model (known: ${known.join(', ')}; or give a checkpoint directory)`);
}

/** A cohort named `cohort:NAME` (all seeds of NAME's age under `dir`, as the pages offer it): its
 * members' names in seed order; a clear error if there is no such cohort. */
export function cohortMembers(name: string, modelsDir = DEFAULT_MODELS_DIR): string[] {
  const entries = listAllCheckpoints(modelsDir).map((m) => ({ name: m.name, experience_frames: m.experienceFrames, seed: m.seed }));
  const cohorts = cohortChoices(entries);
  const found = cohorts.find((c) => c.id === name);
  if (!found) throw new BadInput(`--models ${name}: no such cohort (known: ${cohorts.map((c) => c.id).join(', ') || 'none: no age has two seeds'})`);
  return [...found.members!];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
