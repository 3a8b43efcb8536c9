// Finds and loads the models a CLI command names: shipped checkpoints on disk and the two baselines.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCheckpoint, CheckpointError, type CheckpointMeta } from '../predictor/checkpoint';
import { ConstantVelocityPredictor, LearnedPredictor } from '../predictor/predictor';
import { ORACLE, type Observer } from '../experiment/observers';
import { BadInput } from './errors';

export const DEFAULT_MODELS_DIR = resolve(fileURLToPath(new URL('../../public/models', import.meta.url)));
export const BASELINES = ['constant-velocity', 'oracle'] as const;

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

/** A folder holding one more seed of the same learner: `seed-2/learner-6k` is named `learner-6k-s2`. */
export const SEED_FOLDER = /^seed-(\d+)$/;
export const cohortName = (checkpoint: string, seed: number): string => `${checkpoint}-s${seed}`;

function readEntry(root: string, path: string, name: string): ModelEntry | null {
  const d = join(root, path);
  if (!statSync(d).isDirectory() || !existsSync(join(d, 'model.json')) || !existsSync(join(d, 'meta.json'))) return null;
  let meta: CheckpointMeta;
  try {
    meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) as CheckpointMeta;
  } catch {
    throw new BadInput(`${join(d, 'meta.json')}: not valid JSON`);
  }
  if (typeof meta?.experience_frames !== 'number') throw new BadInput(`${join(d, 'meta.json')}: experience_frames must be a number`);
  return { name, experienceFrames: meta.experience_frames, dir: d, meta, path, seed: typeof meta.seed === 'number' ? meta.seed : null };
}

const byExperience = (a: ModelEntry, b: ModelEntry): number => a.experienceFrames - b.experienceFrames || a.name.localeCompare(b.name);

/** The checkpoint directories (each holding model.json and meta.json) directly under `dir`, by
 * experience: one learner's series (the shipped seed 1 in public/models). */
export function listCheckpoints(dir: string): ModelEntry[] {
  if (!existsSync(dir)) return [];
  const out: ModelEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const entry = readEntry(dir, name, name);
    if (entry) out.push(entry);
  }
  return out.sort(byExperience);
}

/** Every checkpoint under `dir`: the series directly in it, then each `seed-S` folder's series
 * (named NAME-sS), seed by seed, each by experience. `train --seeds` writes this layout. */
export function listAllCheckpoints(dir: string): ModelEntry[] {
  const out = listCheckpoints(dir);
  if (!existsSync(dir)) return out;
  const folders = readdirSync(dir).map((f) => ({ f, m: SEED_FOLDER.exec(f) })).filter((x) => x.m && statSync(join(dir, x.f)).isDirectory())
    .map((x) => ({ folder: x.f, seed: Number(x.m![1]) })).sort((a, b) => a.seed - b.seed);
  for (const { folder, seed } of folders) {
    const series: ModelEntry[] = [];
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const entry = readEntry(dir, `${folder}/${name}`, cohortName(name, seed));
      if (!entry) continue;
      if (entry.seed !== null && entry.seed !== seed) throw new BadInput(`${join(dir, folder, name, 'meta.json')}: seed is ${entry.seed}, but the folder says ${seed}`);
      series.push({ ...entry, seed });
    }
    out.push(...series.sort(byExperience));
  }
  return out;
}

/** The models/index.json the browser reads (it cannot list a directory): every checkpoint under
 * `dir` with its name, experience, seed and path. */
export function modelIndexJson(dir: string): string {
  const models = listAllCheckpoints(dir).map((m) => ({ name: m.name, experience_frames: m.experienceFrames, seed: m.seed, path: m.path }));
  return `${JSON.stringify({ models }, null, 2)}\n`;
}

export function loadCheckpointDir(dir: string, name: string): LearnedPredictor {
  const read = (file: string): Buffer => {
    try {
      return readFileSync(join(dir, file));
    } catch {
      throw new BadInput(`${join(dir, file)}: cannot read`);
    }
  };
  try {
    const ck = parseCheckpoint(read('model.json').toString('utf8'), new Uint8Array(read('weights.bin')), read('meta.json').toString('utf8'), dir);
    return new LearnedPredictor(name, ck.network, ck.features, ck.meta.experience_frames, ck.meta.weights_hash);
  } catch (e) {
    if (e instanceof CheckpointError) throw new BadInput(e.message);
    throw e;
  }
}

/** A name from `models`, or a path to a checkpoint directory. */
export function loadObserver(name: string, modelsDir = DEFAULT_MODELS_DIR): Observer {
  if (name === 'oracle') return ORACLE;
  if (name === 'constant-velocity') return new ConstantVelocityPredictor();
  const entries = listAllCheckpoints(modelsDir);
  const entry = entries.find((m) => m.name === name);
  if (entry?.dir) return loadCheckpointDir(entry.dir, name);
  if (existsSync(join(name, 'model.json'))) return loadCheckpointDir(name, name.replace(/\/+$/, '').split('/').pop()!);
  const known = [...entries.map((m) => m.name), ...BASELINES];
  throw new BadInput(`--model ${name}: no such model (known: ${known.join(', ')}; or give a checkpoint directory)`);
}
