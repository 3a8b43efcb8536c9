// The suite: N matched pairs per scene, every observer scores every trial, metrics per scene × observer.
import type { SceneFile } from '../scenes/schema';
import { mixSeed } from '../sim/rng';
import { runTrial, observations, type TrialRun } from './trial';
import { observerSurprise, type Observer } from './observers';
import { trialScores, SCORE_NAMES, type SurpriseTrace, type TrialScores } from '../predictor/surprise';
import type { Observation } from '../predictor/observation';
import { auroc, bootstrapCi, hedgesG, meanOf, pairwiseAccuracy } from './metrics';

export const PRIMARY_SCORE: keyof TrialScores = 'rollout_mean';

export interface SuiteOptions { scenes: SceneFile[]; observers: Observer[]; pairs: number; seed: number }

export interface TrialRow {
  scene: string; concept: string; variant: number; condition: 'possible' | 'impossible';
  model: string; experience_frames: number | null; seed: number; onset_frame: number | null;
  scores: TrialScores;
}

export interface SuiteResult {
  scene: string; concept: string; model: string; experience_frames: number | null; pairs: number;
  score: keyof TrialScores;
  pairwise_accuracy: number; pairwise_ci95: [number, number]; auroc: number; hedges_g: number;
  mean_score_possible: number; mean_score_impossible: number;
  /** The same accuracy under each other score, so nobody is misled by one choice. */
  pairwise_accuracy_by_score: Record<string, number>;
}

export interface SuiteOutput { results: SuiteResult[]; trials: TrialRow[] }

/** Experience in frames, or null for the oracle (it has none: it is the simulator). */
export const experienceOf = (o: Observer): number | null => (Number.isFinite(o.experienceFrames) ? o.experienceFrames : null);

/** Both twins of one variant, run and observed, with the onset frame they share. */
export interface PairRun {
  possible: TrialRun; impossible: TrialRun;
  possibleObs: Observation[]; impossibleObs: Observation[];
  onset: number | null;
}

export function runPair(scene: SceneFile, variant: number, seed: number): PairRun {
  const possible = runTrial(scene, 'possible', variant, seed);
  const impossible = runTrial(scene, 'impossible', variant, seed);
  // Both twins share the onset frame (the possible one records when the magic would start).
  return { possible, impossible, possibleObs: observations(possible), impossibleObs: observations(impossible), onset: impossible.onsetFrame ?? possible.onsetFrame };
}

/** One observer at one trial of a pair: its surprise trace and the trial scores. The suite and
 * the study both score through here, so their numbers agree bit for bit. */
export function scoreTrial(observer: Observer, pair: PairRun, condition: 'possible' | 'impossible'): { trace: SurpriseTrace; scores: TrialScores } {
  const run = pair[condition];
  const obs = condition === 'possible' ? pair.possibleObs : pair.impossibleObs;
  const trace = observerSurprise(observer, obs, pair.possibleObs, run.views);
  return { trace, scores: trialScores(trace, pair.onset) };
}

/** Who a summary is about: a model's name and experience (null for the oracle). */
export interface ScoredModel { name: string; experience_frames: number | null }

/** Metrics of one observer on one scene's matched pairs (pair i = possible[i], impossible[i]).
 * The bootstrap's seed comes from the scene's and observer's places, so the order of pairs matters. */
export function summarizeScene(
  scene: Pick<SceneFile, 'id' | 'concept'>, model: ScoredModel,
  possible: readonly TrialScores[], impossible: readonly TrialScores[],
  seed: number, sceneIndex: number, observerIndex: number,
): SuiteResult {
  const p = possible.map((s) => s[PRIMARY_SCORE]);
  const q = impossible.map((s) => s[PRIMARY_SCORE]);
  const byScore: Record<string, number> = {};
  for (const name of SCORE_NAMES) byScore[name] = pairwiseAccuracy(possible.map((s) => s[name]), impossible.map((s) => s[name]));
  return {
    scene: scene.id, concept: scene.concept, model: model.name, experience_frames: model.experience_frames,
    pairs: possible.length, score: PRIMARY_SCORE,
    pairwise_accuracy: pairwiseAccuracy(p, q),
    pairwise_ci95: bootstrapCi(p, q, pairwiseAccuracy, mixSeed(seed, sceneIndex, observerIndex, 0xb007)),
    auroc: auroc(p, q),
    hedges_g: hedgesG(p, q),
    mean_score_possible: meanOf(p),
    mean_score_impossible: meanOf(q),
    pairwise_accuracy_by_score: byScore,
  };
}

/** One unit of work of a suite: one variant of one scene, scored by every observer (in order). */
export interface SuiteUnit {
  /** Place of the scene in the suite's list. */
  scene: number;
  variant: number;
  onset: number | null;
  /** Per observer: the possible trial's scores, then the impossible one's. */
  scores: [TrialScores, TrialScores][];
}

/** Place of a unit in a whole run's order (scene by scene, variant by variant): shards split on it. */
export const unitPosition = (scene: number, variant: number, pairs: number): number => scene * pairs + variant;

/** Runs and scores the units for which `keep(position)` holds (all of them by default). */
export function runSuiteUnits(options: SuiteOptions, keep: (position: number) => boolean = () => true,
  onProgress?: (done: number, total: number, label: string) => void): SuiteUnit[] {
  const units: SuiteUnit[] = [];
  const todo: [number, number][] = [];
  options.scenes.forEach((_, sceneIndex) => {
    for (let v = 0; v < options.pairs; v++) if (keep(unitPosition(sceneIndex, v, options.pairs))) todo.push([sceneIndex, v]);
  });
  let done = 0;
  for (const [sceneIndex, v] of todo) {
    const scene = options.scenes[sceneIndex]!;
    const pair = runPair(scene, v, options.seed);
    const scores = options.observers.map((observer): [TrialScores, TrialScores] => [scoreTrial(observer, pair, 'possible').scores, scoreTrial(observer, pair, 'impossible').scores]);
    units.push({ scene: sceneIndex, variant: v, onset: pair.onset, scores });
    onProgress?.(++done, todo.length, scene.id);
  }
  return units;
}

/** Trial rows and per-scene metrics from every unit of a suite, in any order (a whole run's, or
 * shards' put together): the same numbers, byte for byte, as scoring them in one run. */
export function assembleSuite(scenes: readonly Pick<SceneFile, 'id' | 'concept'>[], models: readonly ScoredModel[], pairs: number, seed: number,
  units: readonly SuiteUnit[]): SuiteOutput {
  const byPosition = new Map(units.map((u) => [unitPosition(u.scene, u.variant, pairs), u]));
  const results: SuiteResult[] = [];
  const trials: TrialRow[] = [];
  scenes.forEach((scene, sceneIndex) => {
    const scores = models.map(() => ({ possible: [] as TrialScores[], impossible: [] as TrialScores[] }));
    for (let v = 0; v < pairs; v++) {
      const unit = byPosition.get(unitPosition(sceneIndex, v, pairs));
      if (!unit) throw new Error(`the suite is missing ${scene.id} variant ${v}`);
      if (unit.scores.length !== models.length) throw new Error(`${scene.id} variant ${v} has scores for ${unit.scores.length} models; expected ${models.length}`);
      models.forEach((model, k) => {
        const [sp, si] = unit.scores[k]!;
        scores[k]!.possible.push(sp);
        scores[k]!.impossible.push(si);
        for (const [condition, s] of [['possible', sp], ['impossible', si]] as const) {
          trials.push({ scene: scene.id, concept: scene.concept, variant: v, condition, model: model.name, experience_frames: model.experience_frames, seed, onset_frame: unit.onset, scores: s });
        }
      });
    }
    models.forEach((model, k) => {
      results.push(summarizeScene(scene, model, scores[k]!.possible, scores[k]!.impossible, seed, sceneIndex, k));
    });
  });
  return { results, trials };
}

export const scoredModel = (o: Observer): ScoredModel => ({ name: o.name, experience_frames: experienceOf(o) });

export function runSuite(options: SuiteOptions, onProgress?: (done: number, total: number, label: string) => void): SuiteOutput {
  return assembleSuite(options.scenes, options.observers.map(scoredModel), options.pairs, options.seed, runSuiteUnits(options, undefined, onProgress));
}

const fmt = (x: number | null): string => (x === null ? '' : Number.isFinite(x) ? String(Number(x.toPrecision(7))) : String(x));

export function trialsCsv(rows: readonly TrialRow[]): string {
  const header = ['scene', 'concept', 'variant', 'condition', 'model', 'experience_frames', 'seed', 'onset_frame', ...SCORE_NAMES, 'plausibility'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([r.scene, r.concept, r.variant, r.condition, r.model, fmt(r.experience_frames), r.seed, r.onset_frame ?? '',
      ...SCORE_NAMES.map((n) => fmt(r.scores[n])), fmt(-r.scores[PRIMARY_SCORE])].join(','));
  }
  return `${lines.join('\n')}\n`;
}
