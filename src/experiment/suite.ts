// The suite: N matched pairs per scene, every observer scores every trial, metrics per scene × observer.
import type { SceneFile } from '../scenes/schema';
import { runTrial, observations, type TrialRun, type TrialView } from './trial';
import type { Split } from '../scenes/resolve';
import { sidesOf, type MirrorChoice } from './splits';
import { memoFor, observerSurprise, type Observer } from './observers';
import type { RolloutMemo } from '../predictor/rolloutMemo';
import { trialScores, SCORE_NAMES, type SurpriseTrace, type TrialScores } from '../predictor/surprise';
import type { Observation } from '../predictor/observation';
import { auroc, countOutcomes, meanOf, pairOutcomes, pairedEffectSize, pairwiseAccuracy, type PairOutcome } from './metrics';
import { accuracyInterval } from './binomialIntervals';
import { compareObservers, type ObserverComparison } from './observerComparisons';

/** The version of summary.json's layout (docs/data.md): 2 added wins/ties/losses, exact intervals,
 * d_z in place of hedges_g, and McNemar comparisons. */
export const SUMMARY_VERSION = 2;
export const PRIMARY_SCORE: keyof TrialScores = 'rollout_mean';

export interface SuiteOptions {
  scenes: SceneFile[]; observers: Observer[]; pairs: number; seed: number;
  /** Run each scene as drawn ('off', the default), mirrored ('on') or both ways ('both'). */
  mirror?: MirrorChoice;
  /** Draw variants from the params' ranges ('default') or their held-out ranges. */
  split?: Split;
  /** Score the rollout surprise on every k-th frame only (1, the default: every frame). */
  stride?: number;
  /** Start rollouts at every k-th frame only, scoring every frame from the rollouts in flight (1, the default: a rollout per frame). */
  startStride?: number;
}

export interface TrialRow {
  scene: string; concept: string; variant: number; condition: 'possible' | 'impossible';
  model: string; experience_frames: number | null; seed: number; onset_frame: number | null;
  scores: TrialScores;
  /** Absent: as drawn, default split. */
  mirrored?: boolean; split?: Split;
}

export interface SuiteResult {
  scene: string; concept: string; model: string; experience_frames: number | null; pairs: number;
  score: keyof TrialScores;
  /** Pairs where the impossible trial scored higher, the same, or lower (or undefined). */
  wins: number; ties: number; losses: number;
  /** (wins + ½ ties) / pairs. */
  pairwise_accuracy: number;
  /** Exact (Clopper–Pearson) 95% interval; its lower end counts ties as losses, its upper end as wins. */
  pairwise_ci95: [number, number];
  /** The Jeffreys 95% interval, the same way. */
  pairwise_ci95_jeffreys: [number, number];
  auroc: number;
  /** Paired effect size: mean of (impossible − possible) over its SD; null when undefined. */
  d_z: number | null;
  mean_score_possible: number; mean_score_impossible: number;
  /** The same accuracy under each other score, so nobody is misled by one choice. */
  pairwise_accuracy_by_score: Record<string, number>;
  /** Set by runSuite: the scene ran mirrored left–right; its variants came from this split. */
  mirrored?: boolean;
  split?: Split;
}

export interface SuiteOutput {
  results: SuiteResult[]; trials: TrialRow[];
  /** McNemar's exact test for every two observers on each scene's pairs. */
  comparisons: ObserverComparison[];
}

/** Experience in frames, or null for the oracle (it has none: it is the simulator). */
export const experienceOf = (o: Observer): number | null => (Number.isFinite(o.experienceFrames) ? o.experienceFrames : null);

/** Both twins of one variant, run and observed, with the onset frame they share. */
export interface PairRun {
  possible: TrialRun; impossible: TrialRun;
  possibleObs: Observation[]; impossibleObs: Observation[];
  onset: number | null;
}

export function runPair(scene: SceneFile, variant: number, seed: number, view: TrialView = {}): PairRun {
  const possible = runTrial(scene, 'possible', variant, seed, undefined, view);
  const impossible = runTrial(scene, 'impossible', variant, seed, undefined, view);
  // Both twins share the onset frame (the possible one records when the magic would start).
  return { possible, impossible, possibleObs: observations(possible), impossibleObs: observations(impossible), onset: impossible.onsetFrame ?? possible.onsetFrame };
}

/** One observer at one trial of a pair: its surprise trace and the trial scores. The suite and
 * the study both score through here, so their numbers agree bit for bit. Scoring both trials of the
 * pair with one `memo` (memoFor) rolls out the frames they share once. */
export function scoreTrial(observer: Observer, pair: PairRun, condition: 'possible' | 'impossible', memo?: RolloutMemo, stride = 1,
  startStride = 1): { trace: SurpriseTrace; scores: TrialScores } {
  const run = pair[condition];
  const obs = condition === 'possible' ? pair.possibleObs : pair.impossibleObs;
  const trace = observerSurprise(observer, obs, pair.possibleObs, run.views, memo, stride, startStride);
  return { trace, scores: trialScores(trace, pair.onset) };
}

/** Who a summary is about: a model's name and experience (null for the oracle). */
export interface ScoredModel { name: string; experience_frames: number | null }

/** Metrics of one observer on one scene's matched pairs (pair i = possible[i], impossible[i]). */
export function summarizeScene(
  scene: Pick<SceneFile, 'id' | 'concept'>, model: ScoredModel,
  possible: readonly TrialScores[], impossible: readonly TrialScores[],
): SuiteResult {
  const p = possible.map((s) => s[PRIMARY_SCORE]);
  const q = impossible.map((s) => s[PRIMARY_SCORE]);
  const byScore: Record<string, number> = {};
  for (const name of SCORE_NAMES) byScore[name] = pairwiseAccuracy(possible.map((s) => s[name]), impossible.map((s) => s[name]));
  const counts = countOutcomes(pairOutcomes(p, q));
  const dz = pairedEffectSize(p, q);
  return {
    scene: scene.id, concept: scene.concept, model: model.name, experience_frames: model.experience_frames,
    pairs: possible.length, score: PRIMARY_SCORE,
    ...counts,
    pairwise_accuracy: pairwiseAccuracy(p, q),
    pairwise_ci95: accuracyInterval(counts, 'clopper-pearson'),
    pairwise_ci95_jeffreys: accuracyInterval(counts, 'jeffreys'),
    auroc: auroc(p, q),
    d_z: Number.isFinite(dz) ? dz : null,
    mean_score_possible: meanOf(p),
    mean_score_impossible: meanOf(q),
    pairwise_accuracy_by_score: byScore,
  };
}

/** Each pair's outcome under the primary score. */
export const primaryOutcomes = (possible: readonly TrialScores[], impossible: readonly TrialScores[]): PairOutcome[] =>
  pairOutcomes(possible.map((s) => s[PRIMARY_SCORE]), impossible.map((s) => s[PRIMARY_SCORE]));

/** How a suite draws its trials besides the seed: which sides, which split. */
export interface SuiteView { mirror?: MirrorChoice | undefined; split?: Split | undefined }

/** The suite's entries in order: each scene once per side (one side: the scenes themselves). */
export const entriesOf = <S>(scenes: readonly S[], mirror: MirrorChoice | undefined): { scene: S; mirrored: boolean }[] =>
  scenes.flatMap((scene) => sidesOf(mirror).map((mirrored) => ({ scene, mirrored })));

/** One unit of work of a suite: one variant of one entry (a scene on one side), scored by every observer (in order). */
export interface SuiteUnit {
  /** Place of the entry in the suite's list (scene by scene, each side in turn). */
  scene: number;
  variant: number;
  onset: number | null;
  /** Per observer: the possible trial's scores, then the impossible one's. */
  scores: [TrialScores, TrialScores][];
}

/** Place of a unit in a whole run's order (entry by entry, variant by variant): shards split on it. */
export const unitPosition = (entry: number, variant: number, pairs: number): number => entry * pairs + variant;

/** Runs and scores the units for which `keep(position)` holds (all of them by default). */
export function runSuiteUnits(options: SuiteOptions, keep: (position: number) => boolean = () => true,
  onProgress?: (done: number, total: number, label: string) => void): SuiteUnit[] {
  const split = options.split ?? 'default';
  const entries = entriesOf(options.scenes, options.mirror);
  const todo: [number, number][] = [];
  entries.forEach((_, entry) => {
    for (let v = 0; v < options.pairs; v++) if (keep(unitPosition(entry, v, options.pairs))) todo.push([entry, v]);
  });
  const units: SuiteUnit[] = [];
  let done = 0;
  for (const [entry, v] of todo) {
    const { scene, mirrored } = entries[entry]!;
    const pair = runPair(scene, v, options.seed, { mirrored, split });
    const scores = options.observers.map((observer): [TrialScores, TrialScores] => {
      const memo = memoFor(observer);
      const stride = options.stride ?? 1;
      const startStride = options.startStride ?? 1;
      return [scoreTrial(observer, pair, 'possible', memo, stride, startStride).scores, scoreTrial(observer, pair, 'impossible', memo, stride, startStride).scores];
    });
    units.push({ scene: entry, variant: v, onset: pair.onset, scores });
    onProgress?.(++done, todo.length, mirrored ? `${scene.id}, mirrored` : scene.id);
  }
  return units;
}

/** Trial rows, per-scene metrics and McNemar comparisons from every unit of a suite, in any order (a
 * whole run's, or shards' put together): the same numbers, byte for byte, as scoring them in one run. */
export function assembleSuite(scenes: readonly Pick<SceneFile, 'id' | 'concept'>[], models: readonly ScoredModel[], pairs: number, seed: number,
  units: readonly SuiteUnit[], view: SuiteView = {}): SuiteOutput {
  const split = view.split ?? 'default';
  const byPosition = new Map(units.map((u) => [unitPosition(u.scene, u.variant, pairs), u]));
  const results: SuiteResult[] = [];
  const trials: TrialRow[] = [];
  const comparisons: ObserverComparison[] = [];
  // Results and rows name their side and split only when the suite runs other than as drawn on the
  // default split, so they stay equal to what the Experiment screen computes (summarizeScene).
  const tagged = (view.mirror ?? 'off') !== 'off' || split !== 'default';
  entriesOf(scenes, view.mirror).forEach(({ scene, mirrored }, entry) => {
    const tag = tagged ? { mirrored, split } : {};
    const scores = models.map(() => ({ possible: [] as TrialScores[], impossible: [] as TrialScores[] }));
    for (let v = 0; v < pairs; v++) {
      const unit = byPosition.get(unitPosition(entry, v, pairs));
      if (!unit) throw new Error(`the suite is missing ${scene.id}${mirrored ? ' (mirrored)' : ''} variant ${v}`);
      if (unit.scores.length !== models.length) throw new Error(`${scene.id} variant ${v} has scores for ${unit.scores.length} models; expected ${models.length}`);
      models.forEach((model, k) => {
        const [sp, si] = unit.scores[k]!;
        scores[k]!.possible.push(sp);
        scores[k]!.impossible.push(si);
        for (const [condition, s] of [['possible', sp], ['impossible', si]] as const) {
          trials.push({ scene: scene.id, concept: scene.concept, variant: v, condition, model: model.name, experience_frames: model.experience_frames, seed, onset_frame: unit.onset, scores: s, ...tag });
        }
      });
    }
    models.forEach((model, k) => {
      results.push({ ...summarizeScene(scene, model, scores[k]!.possible, scores[k]!.impossible), ...tag });
    });
    comparisons.push(...compareObservers(scene, models.map((m, k) => ({ name: m.name, outcomes: primaryOutcomes(scores[k]!.possible, scores[k]!.impossible) }))));
  });
  return { results, trials, comparisons };
}

export const scoredModel = (o: Observer): ScoredModel => ({ name: o.name, experience_frames: experienceOf(o) });

export function runSuite(options: SuiteOptions, onProgress?: (done: number, total: number, label: string) => void): SuiteOutput {
  return assembleSuite(options.scenes, options.observers.map(scoredModel), options.pairs, options.seed,
    runSuiteUnits(options, undefined, onProgress), { mirror: options.mirror, split: options.split });
}

const fmt = (x: number | null): string => (x === null ? '' : Number.isFinite(x) ? String(Number(x.toPrecision(7))) : String(x));

export function trialsCsv(rows: readonly TrialRow[]): string {
  const header = ['scene', 'concept', 'variant', 'condition', 'model', 'experience_frames', 'seed', 'onset_frame', ...SCORE_NAMES, 'plausibility', 'mirrored', 'split'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([r.scene, r.concept, r.variant, r.condition, r.model, fmt(r.experience_frames), r.seed, r.onset_frame ?? '',
      ...SCORE_NAMES.map((n) => fmt(r.scores[n])), fmt(-r.scores[PRIMARY_SCORE]), r.mirrored ? 1 : 0, r.split ?? 'default'].join(','));
  }
  return `${lines.join('\n')}\n`;
}
