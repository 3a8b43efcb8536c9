// The developmental curve: for each observer (checkpoints by experience, and the baselines) and each
// concept, whether every scene of the concept is passed (both directions and the controls), and the
// matched pairs of all its scenes pooled.
import type { SceneFile } from '../scenes/schema';
import { mixSeed } from '../sim/rng';
import type { Observer } from './observers';
import { runSuite, summarizeScene, PRIMARY_SCORE, type SuiteOutput, type SuiteResult } from './suite';
import { auroc, bootstrapCi, pairwiseAccuracy } from './metrics';
import { conceptVerdict, type SceneVerdict } from './conceptScore';
import type { TrialScores } from '../predictor/surprise';

export interface DevelopmentOptions { scenes: SceneFile[]; observers: Observer[]; pairs: number; seed: number }

export interface ConceptResult {
  concept: string;
  model: string;
  /** Frames of experience; null for the baselines. */
  experience_frames: number | null;
  scenes: string[];
  /** Matched pairs pooled over the concept's scenes. */
  pairs: number;
  pairwise_accuracy: number;
  pairwise_ci95: [number, number];
  auroc: number;
  /** Accuracy on each scene of the concept. */
  per_scene: Record<string, number>;
  /** Each scene's accuracy, interval and whether it is passed (src/experiment/conceptScore.ts). */
  scene_verdicts: SceneVerdict[];
  scenes_passed: number;
  /** The concept is passed: every one of its scenes is. */
  passed: boolean;
  /** The concept's score: its weakest scene and that scene's accuracy and interval. */
  weakest_scene: string;
  weakest_accuracy: number;
  weakest_ci95: [number, number];
}

export interface DevelopmentOutput { concepts: ConceptResult[]; suite: SuiteOutput }

/** Observers that are not learners: they have no place on the experience axis. */
const BASELINES = new Set(['constant-velocity', 'gravity-only', 'oracle']);

/** Concepts in the order of Dupoux's chart (objects first, then support, then free motion). */
export const CONCEPT_ORDER = [
  'permanence', 'continuity', 'solidity', 'unchangeableness', 'support', 'gravity-inertia', 'directional-inertia', 'collision',
] as const;

export function runDevelopment(options: DevelopmentOptions, onProgress?: (done: number, total: number, label: string) => void): DevelopmentOutput {
  const suite = runSuite(options, onProgress);
  return { concepts: conceptResults(suite, options.seed), suite };
}

/** Per-scene results of one model: the suite's own where it has them, else summarised from its trials. */
function sceneResultsOf(suite: SuiteOutput, concept: string, model: string, seed: number): SuiteResult[] {
  const own = suite.results.filter((r) => r.concept === concept && r.model === model);
  if (own.length > 0) return own;
  const byScene = new Map<string, { possible: Map<number, TrialScores>; impossible: Map<number, TrialScores>; exp: number | null }>();
  for (const t of suite.trials) {
    if (t.concept !== concept || t.model !== model) continue;
    let g = byScene.get(t.scene);
    if (!g) byScene.set(t.scene, (g = { possible: new Map(), impossible: new Map(), exp: t.experience_frames }));
    g[t.condition].set(t.variant, t.scores);
  }
  return [...byScene].map(([scene, g], i) => {
    const variants = [...g.possible.keys()].filter((v) => g.impossible.has(v)).sort((a, b) => a - b);
    return summarizeScene({ id: scene, concept: concept as SceneFile['concept'] }, { name: model, experience_frames: g.exp },
      variants.map((v) => g.possible.get(v)!), variants.map((v) => g.impossible.get(v)!), seed, i, 0);
  });
}

/** Pools the suite's trials by concept and model (pairs matched by scene and variant), and judges
 * the concept over its whole design: passed only when every scene is passed. */
export function conceptResults(suite: SuiteOutput, seed: number): ConceptResult[] {
  const groups = new Map<string, { possible: Map<string, number>; impossible: Map<string, number>; scenes: Set<string>; exp: number | null }>();
  for (const row of suite.trials) {
    const key = `${row.concept}\u0000${row.model}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { possible: new Map(), impossible: new Map(), scenes: new Set(), exp: BASELINES.has(row.model) ? null : row.experience_frames }));
    g.scenes.add(row.scene);
    g[row.condition].set(`${row.scene}#${row.variant}`, row.scores[PRIMARY_SCORE]);
  }
  const out: ConceptResult[] = [];
  let k = 0;
  for (const [key, g] of groups) {
    const [concept, model] = key.split('\u0000') as [string, string];
    const ids = [...g.possible.keys()].filter((id) => g.impossible.has(id)).sort();
    const p = ids.map((id) => g.possible.get(id)!);
    const q = ids.map((id) => g.impossible.get(id)!);
    const sceneResults = sceneResultsOf(suite, concept, model, seed);
    const perScene: Record<string, number> = {};
    for (const r of sceneResults) perScene[r.scene] = r.pairwise_accuracy;
    const verdict = conceptVerdict(sceneResults);
    out.push({
      concept, model, experience_frames: g.exp, scenes: [...g.scenes].sort(), pairs: ids.length,
      pairwise_accuracy: pairwiseAccuracy(p, q),
      pairwise_ci95: bootstrapCi(p, q, pairwiseAccuracy, mixSeed(seed, k++, 0xde7e1)),
      auroc: auroc(p, q),
      per_scene: perScene,
      scene_verdicts: verdict.scenes,
      scenes_passed: verdict.scenes_passed,
      passed: verdict.passed,
      weakest_scene: verdict.weakest_scene,
      weakest_accuracy: verdict.weakest_accuracy,
      weakest_ci95: verdict.weakest_ci95,
    });
  }
  return out.sort((a, b) => rank(a.concept) - rank(b.concept) || a.concept.localeCompare(b.concept));
}

/** A concept's place in CONCEPT_ORDER (unknown concepts last). */
const rank = (c: string): number => {
  const i = (CONCEPT_ORDER as readonly string[]).indexOf(c);
  return i === -1 ? CONCEPT_ORDER.length : i;
};

/** The first checkpoint (by experience) from which a concept is passed — every one of its scenes
 * passed (`passed`) — at that checkpoint and every later one; null if no checkpoint holds it to the end. */
export function acquisitionFrames(results: readonly Pick<ConceptResult, 'concept' | 'experience_frames' | 'passed'>[], concept: string): number | null {
  const learned = results.filter((r) => r.concept === concept && r.experience_frames !== null)
    .sort((a, b) => a.experience_frames! - b.experience_frames!);
  let from: number | null = null;
  for (const r of learned) {
    if (r.passed && from === null) from = r.experience_frames;
    if (!r.passed) from = null;
  }
  return from;
}

/** Concepts that no learner (checkpoint) has acquired for good, in the table's order. */
export function unacquiredConcepts(results: readonly Pick<ConceptResult, 'concept' | 'experience_frames' | 'passed'>[]): string[] {
  return [...new Set(results.map((r) => r.concept))].filter((c) => acquisitionFrames(results, c) === null);
}

const fmt = (x: number | null): string => (x === null ? '' : Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** One row per concept and model. */
export function developmentCsv(results: readonly ConceptResult[]): string {
  const lines = ['concept,model,experience_frames,pairs,pairwise_accuracy,ci95_low,ci95_high,auroc,scenes,scenes_passed,passed,weakest_scene,weakest_accuracy'];
  for (const r of results) {
    lines.push([r.concept, r.model, fmt(r.experience_frames), r.pairs, fmt(r.pairwise_accuracy), fmt(r.pairwise_ci95[0]), fmt(r.pairwise_ci95[1]), fmt(r.auroc), r.scenes.join(' '),
      r.scenes_passed, r.passed ? 1 : 0, r.weakest_scene, fmt(r.weakest_accuracy)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown tables for docs/development.md: concept × model (scenes passed, ✓ when all are, and the
 * weakest scene's accuracy), the pooled accuracy, and optionally scene × model; then the concepts no
 * learner has acquired. */
export function developmentTable(results: readonly ConceptResult[], sceneResults?: readonly SuiteResult[]): string {
  // Learners by experience, then constant velocity, then the oracle.
  const order = (m: string, frames: number | null): number => (m === 'oracle' ? Infinity : frames ?? Number.MAX_VALUE);
  const models = [...new Map(results.map((r) => [r.model, r.experience_frames])).entries()]
    .sort((a, b) => order(a[0], a[1]) - order(b[0], b[1]) || a[0].localeCompare(b[0]))
    .map(([m]) => m);
  const concepts = [...new Set(results.map((r) => r.concept))];
  const cell = (x: number): string => x.toFixed(2);
  const head = (first: string): string[] => [`| ${first} | ${models.join(' | ')} |`, `|---|${models.map(() => '---:').join('|')}|`];
  const lines = head('concept: scenes passed (weakest accuracy)');
  const verdict = (r: ConceptResult): string => `${r.scenes_passed}/${r.scenes.length}${r.passed ? ' ✓' : ''} (${cell(r.weakest_accuracy)})`;
  for (const c of concepts) {
    lines.push(`| ${c} | ${models.map((m) => { const r = results.find((x) => x.concept === c && x.model === m); return r ? verdict(r) : ''; }).join(' | ')} |`);
  }
  lines.push('', ...head('concept: pooled pairs'));
  for (const c of concepts) {
    lines.push(`| ${c} | ${models.map((m) => { const r = results.find((x) => x.concept === c && x.model === m); return r ? cell(r.pairwise_accuracy) : ''; }).join(' | ')} |`);
  }
  if (sceneResults) {
    lines.push('', `| scene | concept | ${models.join(' | ')} |`, `|---|---|${models.map(() => '---:').join('|')}|`);
    const sceneIds = [...new Map(sceneResults.map((r) => [r.scene, r.concept])).entries()]
      .sort((a, b) => rank(a[1]) - rank(b[1]) || a[0].localeCompare(b[0]));
    for (const [scene, concept] of sceneIds) {
      lines.push(`| ${scene} | ${concept} | ${models.map((m) => { const r = sceneResults.find((x) => x.scene === scene && x.model === m); return r ? cell(r.pairwise_accuracy) : ''; }).join(' | ')} |`);
    }
  }
  const none = unacquiredConcepts(results);
  if (results.some((r) => r.experience_frames !== null)) {
    lines.push('', none.length === 0 ? 'Every concept is acquired by some learner.' : `No learner has acquired: ${none.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
