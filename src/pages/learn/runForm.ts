// The Learn screen's run settings as typed by a person (or given in the address bar), checked and
// turned into a worker LearnConfig. Pure: every problem is returned in words, nothing is thrown.
import type { ExperienceDiet } from '../../predictor/experience';
import { cleanName, NAME_PATTERN } from '../../storage/checkpointFiles';
import type { LearnConfig } from '../../worker/protocol';
import { dietProblems } from './dietPresets';
import { markLabel, parseMarks } from '../../web/experienceMarks';
import { commaList, readQuery, type QuerySpec } from '../../web/queryParams';

export interface RunForm {
  frames: string;
  seed: string;
  saveAt: string;
  name: string;
  measureEvery: string;
  pairs: string;
  probeScenes: string[];
  /** Frames per chunk (advanced; empty for the CLI's 2048). */
  chunk: string;
  /** Held-out frames for the validation loss (address bar only; empty for the CLI's 2048). */
  heldout: string;
}

export const DEFAULT_FORM: RunForm = {
  frames: '10k', seed: '1', saveAt: '3k, 6k, 10k', name: 'my-learner', measureEvery: '1k', pairs: '4',
  probeScenes: ['car-off-platform', 'box-released-beyond-platform'], chunk: '', heldout: '',
};

export const MAX_FRAMES = 1_000_000;
/** A cohort on the Learn screen trains its seeds one after another: at most this many. */
export const MAX_SEEDS = 10;

/** "1", "1-5" or "1, 3, 7": the seeds to train (each a whole number), in the order given, once each. */
export function parseSeeds(text: string, problems: string[]): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    const a = m ? Number(m[1]) : NaN, b = m?.[2] !== undefined ? Number(m[2]) : a;
    if (!m || !(a <= 0xffffffff && b <= 0xffffffff && a <= b) || b - a >= MAX_SEEDS) {
      problems.push(`seed: "${part}" is not a seed (a whole number) or a range such as 1-5`);
      return [];
    }
    for (let x = a; x <= b; x++) if (!seeds.includes(x)) seeds.push(x);
  }
  if (seeds.length === 0) problems.push('seed: give a seed, or several (1-5) to grow a cohort');
  else if (seeds.length > MAX_SEEDS) problems.push(`seed: at most ${MAX_SEEDS} seeds in one cohort (got ${seeds.length})`);
  return seeds;
}

function count(text: string, what: string, lo: number, hi: number, problems: string[]): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(text);
  const v = m ? Math.round(Number(m[1]) * (m[2] ? 1000 : 1)) : NaN;
  if (!(v >= lo && v <= hi)) problems.push(`${what} must be a whole number from ${markLabel(lo)} to ${markLabel(hi)} (got "${text}")`);
  return v;
}

const asTyped = (text: string): string => text;

/** The Learn screen's parameters, declared once: each fills a field of the run form as typed
 * (checked when the run starts, by buildConfig). The address is read, never written. */
export const LEARN_QUERY: QuerySpec<RunForm> = {
  frames: { type: 'frames (e.g. 10k)', help: 'experience to add', default: DEFAULT_FORM.frames, read: asTyped },
  seed: { type: 'whole number, or several (1-5, 1,3,7)', help: 'seed of the episodes, the weights and the sampling; several grow a cohort, one seed after another', default: DEFAULT_FORM.seed, read: asTyped },
  saveAt: { name: 'save', type: 'marks, comma-separated', help: 'experience marks at which a checkpoint is saved', default: DEFAULT_FORM.saveAt, read: asTyped },
  name: { type: 'name', help: 'checkpoints are saved as NAME-3k, NAME-6k…', default: DEFAULT_FORM.name, read: asTyped },
  measureEvery: { name: 'every', type: 'frames', help: 'frames between two measurements of the developmental curve', default: DEFAULT_FORM.measureEvery, read: asTyped },
  pairs: { type: 'whole number 1–50', help: 'matched pairs per probe scene at each measurement', default: DEFAULT_FORM.pairs, read: asTyped },
  probeScenes: { name: 'scenes', type: 'scene ids, comma-separated', help: 'the developmental probes', default: DEFAULT_FORM.probeScenes, read: commaList },
  chunk: { type: 'frames 16–8192', help: 'frames watched between bursts of learning (empty: 2048)', default: DEFAULT_FORM.chunk, read: asTyped },
  heldout: { type: 'frames 64–16384', help: 'held-out frames for the validation loss (empty: 2048)', default: DEFAULT_FORM.heldout, read: asTyped },
};

/** Reads a form over the address bar's parameters (frames, seed, save, name, every, pairs, scenes, chunk, heldout). */
export function formFromQuery(search: string, base: RunForm = DEFAULT_FORM): RunForm {
  return readQuery(LEARN_QUERY, search, base).values;
}

/** `startFrames`: experience of the checkpoint being continued (0 for a newborn). */
/** With several seeds (a cohort), `config` is the first seed's; `seeds` lists them all. */
export function buildConfig(form: RunForm, diet: ExperienceDiet, startFrames: number, knownScenes: readonly string[]): { config: LearnConfig | null; seeds: number[]; problems: string[] } {
  const problems: string[] = [];
  const frames = count(form.frames, 'frames to watch', 1, MAX_FRAMES, problems);
  const seeds = parseSeeds(form.seed, problems);
  const seed = seeds[0] ?? 0;
  if (seeds.length > 1 && startFrames > 0) problems.push('seed: a cohort grows from newborns; to continue a saved learner, give one seed');
  const measureEvery = count(form.measureEvery, 're-measure every', 100, MAX_FRAMES, problems);
  const pairs = count(form.pairs, 'pairs per scene', 1, 50, problems);
  const chunk = form.chunk.trim() === '' ? undefined : count(form.chunk, 'frames per chunk', 16, 8192, problems);
  const heldout = form.heldout.trim() === '' ? undefined : count(form.heldout, 'held-out frames', 64, 16384, problems);
  let saveAt: number[] = [];
  try {
    saveAt = Number.isFinite(frames) ? parseMarks(form.saveAt, startFrames + frames) : [];
  } catch (e) {
    problems.push(`save at: ${(e as Error).message}`);
  }
  const tooEarly = saveAt.filter((m) => m <= startFrames);
  if (tooEarly.length > 0) problems.push(`save at: ${tooEarly.map(markLabel).join(', ')} is not after the ${markLabel(startFrames)} frames the learner already has`);
  const name = cleanName(form.name);
  if (!NAME_PATTERN.test(`${name}-1000k`)) problems.push('name: use letters, digits, "_", "." or "-"');
  const unknown = form.probeScenes.filter((s) => !knownScenes.includes(s));
  if (unknown.length > 0) problems.push(`probe scenes not found: ${unknown.join(', ')}`);
  if (form.probeScenes.length === 0) problems.push('choose at least one probe scene for the developmental curve');
  problems.push(...dietProblems(diet).map((p) => `diet: ${p}`));
  if (problems.length > 0) return { config: null, seeds, problems };
  return {
    config: { frames, seed, diet, saveAt, namePrefix: name, measureEvery, pairs, probeScenes: [...form.probeScenes], ...(chunk ? { chunkFrames: chunk } : {}), ...(heldout ? { validationFrames: heldout } : {}) },
    seeds,
    problems,
  };
}

/** The config of one seed of a cohort: its own seed, and checkpoints named NAME-sSEED-3k… */
export function seedConfig(config: LearnConfig, seed: number): LearnConfig {
  return { ...config, seed, namePrefix: `${config.namePrefix}-s${seed}` };
}
