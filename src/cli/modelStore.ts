// Finds and loads the models a CLI command names: shipped checkpoints on disk and the baselines.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCheckpoint, CheckpointError, type CheckpointMeta } from '../predictor/checkpoint';
import { ConstantVelocityPredictor, LearnedPredictor } from '../predictor/predictor';
import { GravityOnlyPredictor } from '../predictor/gravityOnly';
import { ORACLE, type Observer } from '../experiment/observers';
import { BadInput } from './errors';

export const DEFAULT_MODELS_DIR = resolve(fileURLToPath(new URL('../../public/models', import.meta.url)));
export const BASELINES = ['constant-velocity', 'gravity-only', 'oracle'] as const;

export interface ModelEntry { name: string; experienceFrames: number; dir: string | null; meta: CheckpointMeta | null }

/** Every checkpoint directory (one holding model.json and meta.json) under `dir`, by experience. */
export function listCheckpoints(dir: string): ModelEntry[] {
  if (!existsSync(dir)) return [];
  const out: ModelEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const d = join(dir, name);
    if (!statSync(d).isDirectory() || !existsSync(join(d, 'model.json')) || !existsSync(join(d, 'meta.json'))) continue;
    let meta: CheckpointMeta;
    try {
      meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) as CheckpointMeta;
    } catch {
      throw new BadInput(`${join(d, 'meta.json')}: not valid JSON`);
    }
    out.push({ name, experienceFrames: meta.experience_frames, dir: d, meta });
  }
  return out.sort((a, b) => a.experienceFrames - b.experienceFrames || a.name.localeCompare(b.name));
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
  if (name === 'gravity-only') return new GravityOnlyPredictor();
  const entry = listCheckpoints(modelsDir).find((m) => m.name === name);
  if (entry?.dir) return loadCheckpointDir(entry.dir, name);
  if (existsSync(join(name, 'model.json'))) return loadCheckpointDir(name, name.replace(/\/+$/, '').split('/').pop()!);
  const known = [...listCheckpoints(modelsDir).map((m) => m.name), ...BASELINES];
  throw new BadInput(`--model ${name}: no such model (known: ${known.join(', ')}; or give a checkpoint directory)`);
}
