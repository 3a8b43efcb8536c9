// The suite: N matched pairs per scene, every observer scores every trial, metrics per scene × observer.
import type { SceneFile } from '../scenes/schema';
import { mixSeed } from '../sim/rng';
import { runTrial, observations } from './trial';
import { observerSurprise, type Observer } from './observers';
import { trialScores, SCORE_NAMES, type TrialScores } from '../predictor/surprise';
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

const experience = (o: Observer): number | null => (Number.isFinite(o.experienceFrames) ? o.experienceFrames : null);

export function runSuite(options: SuiteOptions, onProgress?: (done: number, total: number, label: string) => void): SuiteOutput {
  const results: SuiteResult[] = [];
  const trials: TrialRow[] = [];
  const total = options.scenes.length * options.pairs;
  let done = 0;
  options.scenes.forEach((scene, sceneIndex) => {
    const scores = options.observers.map(() => ({ possible: [] as TrialScores[], impossible: [] as TrialScores[] }));
    for (let v = 0; v < options.pairs; v++) {
      const possible = runTrial(scene, 'possible', v, options.seed);
      const impossible = runTrial(scene, 'impossible', v, options.seed);
      const pObs = observations(possible);
      const iObs = observations(impossible);
      // Both twins share the onset frame (the possible one records when the magic would start).
      const onset = impossible.onsetFrame ?? possible.onsetFrame;
      options.observers.forEach((observer, k) => {
        const sp = trialScores(observerSurprise(observer, pObs, pObs, possible.views), onset);
        const si = trialScores(observerSurprise(observer, iObs, pObs, impossible.views), onset);
        scores[k]!.possible.push(sp);
        scores[k]!.impossible.push(si);
        for (const [condition, s] of [['possible', sp], ['impossible', si]] as const) {
          trials.push({ scene: scene.id, concept: scene.concept, variant: v, condition, model: observer.name, experience_frames: experience(observer), seed: options.seed, onset_frame: onset, scores: s });
        }
      });
      onProgress?.(++done, total, scene.id);
    }
    options.observers.forEach((observer, k) => {
      const p = scores[k]!.possible.map((s) => s[PRIMARY_SCORE]);
      const q = scores[k]!.impossible.map((s) => s[PRIMARY_SCORE]);
      const byScore: Record<string, number> = {};
      for (const name of SCORE_NAMES) byScore[name] = pairwiseAccuracy(scores[k]!.possible.map((s) => s[name]), scores[k]!.impossible.map((s) => s[name]));
      results.push({
        scene: scene.id, concept: scene.concept, model: observer.name, experience_frames: experience(observer),
        pairs: options.pairs, score: PRIMARY_SCORE,
        pairwise_accuracy: pairwiseAccuracy(p, q),
        pairwise_ci95: bootstrapCi(p, q, pairwiseAccuracy, mixSeed(options.seed, sceneIndex, k, 0xb007)),
        auroc: auroc(p, q),
        hedges_g: hedgesG(p, q),
        mean_score_possible: meanOf(p),
        mean_score_impossible: meanOf(q),
        pairwise_accuracy_by_score: byScore,
      });
    });
  });
  return { results, trials };
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
