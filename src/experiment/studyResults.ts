// What a study (finished or not) shows so far: per scene × model the suite's metrics, bars, aligned curves, sentences.
import type { SceneFile } from '../scenes/schema';
import { SCORE_NAMES, type TrialScores } from '../predictor/surprise';
import { PRIMARY_SCORE, primaryOutcomes, summarizeScene, type SuiteResult } from './suite';
import { compareObservers, type ObserverComparison } from './observerComparisons';
import type { PlannedTrial, StudyDesign } from './studyDesign';
import type { ObserverTrack, Recording } from './recording';
import { studySentence, type PairCount } from './studySentence';

export type { PairCount } from './studySentence';

/** Frames per second of every trial (the fixed step); curves start this many frames before onset. */
const FPS = 60;
const CURVE_LEAD_FRAMES = FPS;

export interface ConditionStat {
  mean: number;
  /** Standard error of the mean (sample SD / √n); NaN when n < 2. */
  sem: number;
  n: number;
  /** The individual trials' values, in pair order (for drawing them as dots). */
  values: number[];
}
export interface ConditionBars { possible: ConditionStat; impossible: ConditionStat }

/** Mean surprise per condition, frames aligned at the violation onset; null where no trial has a value. */
export interface AlignedCurves { seconds: number[]; possible: (number | null)[]; impossible: (number | null)[] }

export interface ModelStudyResults {
  model: string;
  kind: ObserverTrack['kind'] | null;
  experience_frames: number | null;
  /** The suite's metrics over the complete test pairs; null before the first complete pair. */
  suite: SuiteResult | null;
  /** The primary score over every recorded test trial. */
  bars: ConditionBars;
  curves: AlignedCurves;
  pairs: PairCount;
  /** The complete pairs' primary scores, in pair order (what the McNemar comparisons use). */
  complete: { variant: number; possible: TrialScores; impossible: TrialScores }[];
}

export interface LookingTrial {
  index: number; phase: PlannedTrial['phase']; variant: number;
  condition: PlannedTrial['condition']; pair: number | null; seconds: number;
}

export interface SceneStudyResults {
  sceneId: string; title: string; concept: string;
  /** The study the scene copies, from the scene file. */
  citation: string; infants: string | null;
  /** Recorded and planned trials of this scene. */
  finished: number; planned: number;
  models: ModelStudyResults[];
  /** McNemar's exact test for every two models, on the pairs complete for both. */
  comparisons: ObserverComparison[];
  /** A person's looking time (seconds): bars over test trials and every trial with a look; null when nobody looked. */
  looking: { bars: ConditionBars; trials: LookingTrial[] } | null;
  sentence: string;
  /** Recorded test pairs whose violation never started (the impossible trial had no onset: its trigger
   * never fired), so both trials were the same event: their difference is not surprise at a violation. */
  pairsWithoutOnset: number;
}

export interface StudyResults {
  design: StudyDesign;
  finished: number; planned: number;
  scenes: SceneStudyResults[];
  /** Every non-null suite result, scene by scene, model by model: runSuite's `results` once the study is done. */
  suite: SuiteResult[];
  /** Every scene's comparisons: runSuite's `comparisons` once the study is done. */
  comparisons: ObserverComparison[];
  /** One plain sentence per scene. */
  sentences: string[];
}

/** Mean, SEM and values of a list of numbers. */
export function conditionStat(values: readonly number[]): ConditionStat {
  const n = values.length;
  const mean = n === 0 ? NaN : values.reduce((s, x) => s + x, 0) / n;
  const sem = n < 2 ? NaN : Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) / n);
  return { mean, sem, n, values: [...values] };
}

const keyOf = (sceneId: string, variant: number, condition: string): string => `${sceneId}\u0000${variant}\u0000${condition}`;

/** Null (undefined surprise, as stored) back to NaN, as trialScores had it. */
function scoresOf(track: ObserverTrack): TrialScores {
  const out = {} as TrialScores;
  for (const name of SCORE_NAMES) out[name] = track.scores[name] ?? NaN;
  return out;
}

/** Mean of the `total` series per offset from onset, from one second before onset to the latest end. */
function alignedMeans(trials: readonly { onset: number; total: readonly (number | null)[] }[], from: number, to: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let offset = from; offset <= to; offset++) {
    let s = 0, c = 0;
    for (const t of trials) {
      const v = t.total[t.onset + offset];
      if (typeof v === 'number') { s += v; c++; }
    }
    out.push(c > 0 ? s / c : null);
  }
  return out;
}

function curvesOf(recorded: readonly { condition: PlannedTrial['condition']; rec: Recording; track: ObserverTrack }[]): AlignedCurves {
  // A trial without a violation onset is aligned at its first frame.
  const trials = recorded.map((r) => ({ condition: r.condition, onset: r.rec.meta.onset_frame ?? 0, total: r.track.total }));
  if (trials.length === 0) return { seconds: [], possible: [], impossible: [] };
  const to = Math.max(...trials.map((t) => t.total.length - 1 - t.onset));
  const from = -CURVE_LEAD_FRAMES;
  const seconds: number[] = [];
  for (let offset = from; offset <= to; offset++) seconds.push(offset / FPS);
  return {
    seconds,
    possible: alignedMeans(trials.filter((t) => t.condition === 'possible'), from, to),
    impossible: alignedMeans(trials.filter((t) => t.condition === 'impossible'), from, to),
  };
}

/** The latest recording of each planned trial (a re-run trial replaces the earlier one). Recordings
 * of other seeds, scenes, variants or conditions are not this study's and are left out. */
function recordingsByTrial(design: StudyDesign, recordings: readonly Recording[]): Map<string, Recording> {
  const planned = new Set(design.trials.map((t) => keyOf(t.sceneId, t.variant, t.condition)));
  const out = new Map<string, Recording>();
  for (const rec of recordings) {
    if (rec.kind !== 'trial' || rec.meta.seed !== design.settings.seed || rec.meta.variant === null) continue;
    const key = keyOf(rec.meta.scene_id, rec.meta.variant, rec.meta.condition);
    if (planned.has(key)) out.set(key, rec);
  }
  return out;
}

function modelResults(scene: SceneFile, model: string, design: StudyDesign, recorded: Map<string, Recording>): ModelStudyResults {
  const trackOf = (variant: number, condition: PlannedTrial['condition']): { rec: Recording; track: ObserverTrack } | null => {
    const rec = recorded.get(keyOf(scene.id, variant, condition));
    const track = rec?.observers.find((o) => o.model === model);
    return rec && track ? { rec, track } : null;
  };
  const tests: { condition: PlannedTrial['condition']; rec: Recording; track: ObserverTrack }[] = [];
  const complete: { variant: number; possible: TrialScores; impossible: TrialScores }[] = [];
  // Pair (variant) order, not presentation order, as in the suite.
  for (let v = 0; v < design.settings.pairs; v++) {
    const p = trackOf(v, 'possible'), i = trackOf(v, 'impossible');
    if (p) tests.push({ condition: 'possible', ...p });
    if (i) tests.push({ condition: 'impossible', ...i });
    if (p && i) complete.push({ variant: v, possible: scoresOf(p.track), impossible: scoresOf(i.track) });
  }
  const any = tests[0]?.track ?? null;
  const experience = any?.experience_frames ?? null;
  const primary = (condition: PlannedTrial['condition']): number[] => tests
    .filter((t) => t.condition === condition)
    .map((t) => t.track.scores[PRIMARY_SCORE])
    .filter((x): x is number => typeof x === 'number');
  let impossibleHigher = 0, ties = 0;
  for (const c of complete) {
    if (c.impossible[PRIMARY_SCORE] > c.possible[PRIMARY_SCORE]) impossibleHigher++;
    else if (c.impossible[PRIMARY_SCORE] === c.possible[PRIMARY_SCORE]) ties++;
  }
  return {
    model, kind: any?.kind ?? null, experience_frames: experience,
    suite: complete.length === 0 ? null : summarizeScene(
      scene, { name: model, experience_frames: experience },
      complete.map((c) => c.possible), complete.map((c) => c.impossible),
    ),
    bars: { possible: conditionStat(primary('possible')), impossible: conditionStat(primary('impossible')) },
    curves: curvesOf(tests),
    pairs: { impossibleHigher, ties, complete: complete.length },
    complete,
  };
}

/** The models compared two by two on the pairs complete for both (all of them once the study is done). */
function comparisonsOf(scene: SceneFile, models: readonly ModelStudyResults[]): ObserverComparison[] {
  const out: ObserverComparison[] = [];
  for (let a = 0; a < models.length; a++) {
    for (let b = a + 1; b < models.length; b++) {
      const A = models[a]!, B = models[b]!;
      const shared = new Set(B.complete.map((c) => c.variant));
      const both = A.complete.filter((c) => shared.has(c.variant));
      if (both.length === 0) continue;
      const inB = new Map(B.complete.map((c) => [c.variant, c]));
      const outcomes = (pairs: typeof both) => primaryOutcomes(pairs.map((c) => c.possible), pairs.map((c) => c.impossible));
      out.push(...compareObservers(scene, [
        { name: A.model, outcomes: outcomes(both) },
        { name: B.model, outcomes: outcomes(both.map((c) => inB.get(c.variant)!)) },
      ]));
    }
  }
  return out;
}

function lookingOf(trials: readonly PlannedTrial[], recorded: Map<string, Recording>): SceneStudyResults['looking'] {
  const looks: LookingTrial[] = [];
  for (const t of trials) {
    const looking = recorded.get(keyOf(t.sceneId, t.variant, t.condition))?.looking;
    if (looking) looks.push({ index: t.index, phase: t.phase, variant: t.variant, condition: t.condition, pair: t.pair, seconds: looking.seconds });
  }
  // Bars in pair order, like the models' bars.
  const test = (condition: PlannedTrial['condition']): number[] => looks
    .filter((l) => l.phase === 'test' && l.condition === condition)
    .sort((a, b) => a.variant - b.variant)
    .map((l) => l.seconds);
  return { bars: { possible: conditionStat(test('possible')), impossible: conditionStat(test('impossible')) }, trials: looks };
}

/** Results from whichever of the design's trials have been recorded so far. With every trial
 * recorded, `suite` equals runSuite's `results` for the same scenes, observers, pairs and seed. */
export function studyResults(design: StudyDesign, recordings: readonly Recording[], scenes: readonly SceneFile[]): StudyResults {
  const recorded = recordingsByTrial(design, recordings);
  const anyLooking = [...recorded.values()].some((r) => r.looking !== null);
  const out: SceneStudyResults[] = design.settings.scenes.map((id) => {
    const scene = scenes.find((s) => s.id === id);
    if (!scene) throw new Error(`studyResults: the design's scene "${id}" is not among the scene files given`);
    const trials = design.trials.filter((t) => t.sceneId === id);
    const models = design.settings.models.map((model) => modelResults(scene, model, design, recorded));
    return {
      sceneId: id, title: scene.title, concept: scene.concept,
      citation: scene.study.citation, infants: scene.study.infants ?? null,
      finished: trials.filter((t) => recorded.has(keyOf(id, t.variant, t.condition))).length,
      planned: trials.length,
      models,
      comparisons: comparisonsOf(scene, models),
      looking: anyLooking ? lookingOf(trials, recorded) : null,
      sentence: studySentence(scene.title, models),
      pairsWithoutOnset: trials.filter((t) => t.phase === 'test' && t.condition === 'impossible'
        && recorded.get(keyOf(id, t.variant, t.condition))?.meta.onset_frame === null).length,
    };
  });
  return {
    design,
    finished: out.reduce((s, x) => s + x.finished, 0),
    planned: design.trials.length,
    scenes: out,
    suite: out.flatMap((s) => s.models.flatMap((m) => (m.suite ? [m.suite] : []))),
    comparisons: out.flatMap((s) => s.comparisons),
    sentences: out.map((s) => s.sentence),
  };
}
