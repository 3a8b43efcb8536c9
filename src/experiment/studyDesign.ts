// An infant-style study's design: which trials are shown, in what order, counterbalanced and seeded.
import { z } from 'zod';
import { createRng, mixSeed, type Rng } from '../sim/rng';
import type { StudyPlace } from './recording';

/** Test pairs and familiarization trials per scene; bounded so that a run fits a recording's limits. */
export const MAX_PAIRS = 500;
export const MAX_FAMILIARIZATION = 10;
/** Observers in one study. */
export const MAX_MODELS = 20;

const sceneId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'expected a scene id');
const unique = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

export const studySettingsSchema = z.strictObject({
  /** Scene ids, in the order they are shown. */
  scenes: z.array(sceneId).min(1).max(40).refine(unique, 'each scene at most once'),
  /** Observer names (as in the recordings' tracks), in the order they are reported. */
  models: z.array(z.string().min(1).max(200)).min(1).max(MAX_MODELS).refine(unique, 'each model at most once'),
  pairs: z.number().int().min(1).max(MAX_PAIRS),
  /** Possible-condition trials per scene shown before its test pairs. */
  familiarization: z.number().int().min(0).max(MAX_FAMILIARIZATION),
  seed: z.number().int().min(0).max(0xffffffff),
  /** Learners keep learning from each familiarization trial, on their own copy (docs/looking.md). */
  habituate: z.boolean().optional(),
});

export type StudySettings = z.infer<typeof studySettingsSchema>;

export interface PlannedTrial {
  /** Place in the presentation order, 0 … trials − 1. */
  index: number;
  phase: 'familiarization' | 'test';
  sceneId: string;
  /** Test pair i uses variant i; familiarization uses variants pairs, pairs + 1, … (never a test variant). */
  variant: number;
  condition: 'possible' | 'impossible';
  /** The matched pair (its variant) of a test trial; null for familiarization. */
  pair: number | null;
}

export interface StudyDesign {
  settings: StudySettings;
  trials: PlannedTrial[];
  /** The design in plain words, written into every export. */
  description: string;
}

// Streams of the design's random numbers, so that order and counterbalancing never share draws.
const ORDER_STREAM = 0x0de5;
const SIDE_STREAM = 0x51de;

/** A scene's seed from its id, not its place in the list: a scene keeps its order of pairs
 * whichever other scenes are chosen with it (32-bit FNV-1a of the id). */
function sceneKey(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffled(n: number, rng: Rng): number[] {
  const xs = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Which pairs show the impossible trial first: exactly ⌊n/2⌋ or ⌈n/2⌉ of them (for odd n a coin
 * decides which side gets the extra pair), chosen at random so that side is not tied to order. */
function impossibleFirst(n: number, rng: Rng): Set<number> {
  const count = n % 2 === 0 ? n / 2 : (rng.chance(0.5) ? (n + 1) / 2 : (n - 1) / 2);
  return new Set(shuffled(n, rng).slice(0, count));
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function describe(settings: StudySettings, firstCounts: number[]): string {
  const text = describeOrder(settings, firstCounts);
  return settings.habituate && settings.familiarization > 0
    ? `${text} Habituation: each learner keeps learning from every familiarization trial it watches (a few gradient steps on its own copy, from the checkpoint again at each scene); test trials meet the habituated learner.`
    : text;
}

function describeOrder(settings: StudySettings, firstCounts: number[]): string {
  const { pairs, familiarization, seed, scenes } = settings;
  const intro = familiarization > 0
    ? `${plural(familiarization, 'familiarization trial')} (possible, ${familiarization > 1 ? `variants ${pairs}–${pairs + familiarization - 1}` : `variant ${pairs}`}, never a test variant) per scene, then`
    : 'No familiarization;';
  const order = `${plural(pairs, 'matched pair')} per scene in a shuffled order (seed ${seed})`;
  const same = firstCounts.every((c) => c === firstCounts[0]);
  if (same) {
    const k = firstCounts[0]!;
    return `${intro} ${order}; within a pair, ${k} ${k === 1 ? 'shows' : 'show'} the impossible trial first and ${pairs - k} the possible one. Scenes in order: ${scenes.join(', ')}.`;
  }
  // Odd pairs: the extra pair's side differs between scenes, so say it per scene (in order).
  return `${intro} ${order}; within a pair, the impossible trial comes first in ${scenes.map((s, i) => `${firstCounts[i]} of ${s}`).join(', ')} (the possible one in the rest).`;
}

/** The study's trials in presentation order. Throws (zod) on settings outside their ranges. */
export function designStudy(input: StudySettings): StudyDesign {
  const settings = studySettingsSchema.parse(input);
  const trials: PlannedTrial[] = [];
  const firstCounts: number[] = [];
  const push = (t: Omit<PlannedTrial, 'index'>): void => { trials.push({ index: trials.length, ...t }); };
  for (const sceneId of settings.scenes) {
    for (let f = 0; f < settings.familiarization; f++) {
      push({ phase: 'familiarization', sceneId, variant: settings.pairs + f, condition: 'possible', pair: null });
    }
    const key = sceneKey(sceneId);
    const order = shuffled(settings.pairs, createRng(mixSeed(settings.seed, key, ORDER_STREAM)));
    const first = impossibleFirst(settings.pairs, createRng(mixSeed(settings.seed, key, SIDE_STREAM)));
    firstCounts.push(first.size);
    for (const pair of order) {
      const sides = first.has(pair) ? (['impossible', 'possible'] as const) : (['possible', 'impossible'] as const);
      for (const condition of sides) push({ phase: 'test', sceneId, variant: pair, condition, pair });
    }
  }
  return { settings, trials, description: describe(settings, firstCounts) };
}

/** Where a planned trial sits in a run, as written into its recording. */
export function studyPlace(design: StudyDesign, trial: PlannedTrial, run: { id: string; name: string }): StudyPlace {
  return {
    run_id: run.id, run_name: run.name, trial_index: trial.index, trial_count: design.trials.length,
    phase: trial.phase, pair: trial.pair, design: design.description,
  };
}
