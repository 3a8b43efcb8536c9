// The developmental curve: pairwise accuracy per concept for each observer (checkpoints by
// experience, and the baselines), pooling the matched pairs of every scene of a concept.
import type { SceneFile } from '../scenes/schema';
import { mixSeed } from '../sim/rng';
import type { Observer } from './observers';
import { runSuite, PRIMARY_SCORE, type SuiteOutput, type SuiteResult } from './suite';
import { auroc, countOutcomes, outcomeCredit, pairOutcomes, type PairOutcome } from './metrics';
import { accuracyInterval } from './binomialIntervals';
import { meanOfSceneMeans, sceneThenPairBootstrap } from './sceneBootstrap';

export interface DevelopmentOptions { scenes: SceneFile[]; observers: Observer[]; pairs: number; seed: number }

/** The version of development.json's layout (docs/development.md): 2 scores a concept per scene
 * with exact intervals, pools scenes with a scene-then-pair bootstrap, and passes a concept only
 * when every one of its scenes is passed. */
export const DEVELOPMENT_VERSION = 2;

/** A scene's accuracy at least this, and the lower end of its exact 95% interval above chance. */
export const PASS_ACCURACY = 0.8;

/** One observer on one scene of a concept. */
export interface SceneScore {
  pairs: number; wins: number; ties: number; losses: number;
  pairwise_accuracy: number;
  /** Exact (Clopper–Pearson) 95% interval, ties as losses below and as wins above. */
  pairwise_ci95: [number, number];
  auroc: number;
  /** Accuracy ≥ PASS_ACCURACY and the interval's lower end above 0.5. */
  passed: boolean;
}

export interface ConceptResult {
  concept: string;
  model: string;
  /** Frames of experience; null for the baselines. */
  experience_frames: number | null;
  scenes: string[];
  /** Matched pairs over the concept's scenes, and how they came out. */
  pairs: number; wins: number; ties: number; losses: number;
  /** Mean over the concept's scenes of each scene's pairwise accuracy (each scene weighs the same). */
  pairwise_accuracy: number;
  /** 95% interval of that mean: the union of `pairwise_ci95_bootstrap` and the exact interval of
   * all the concept's pairs taken together. The bootstrap carries the spread between scenes; the
   * exact interval keeps the union from collapsing to a point when every pair agrees. */
  pairwise_ci95: [number, number];
  /** 95% percentile interval from resampling the scenes, then the pairs within them (seeded). */
  pairwise_ci95_bootstrap: [number, number];
  /** Mean over scenes of each scene's AUROC (scenes are not mixed into one ranking). */
  auroc: number;
  per_scene: Record<string, SceneScore>;
  /** Every scene of the concept passed. */
  passed: boolean;
  /** How many of the concept's scenes are passed. */
  scenes_passed: number;
  /** The scene with the lowest accuracy (ties: the first by id), its accuracy and exact interval:
   * the direction or control that holds the concept back. */
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

/** A scene is passed when its accuracy is at least `pass` and its exact interval lies above chance. */
export const scenePasses = (s: Pick<SceneScore, 'pairwise_accuracy' | 'pairwise_ci95'>, pass = PASS_ACCURACY): boolean =>
  s.pairwise_accuracy >= pass && s.pairwise_ci95[0] > 0.5;

function sceneScore(outcomes: readonly PairOutcome[], possible: readonly number[], impossible: readonly number[]): SceneScore {
  const counts = countOutcomes(outcomes);
  const score = {
    pairs: outcomes.length, ...counts,
    pairwise_accuracy: (counts.wins + counts.ties / 2) / outcomes.length,
    pairwise_ci95: accuracyInterval(counts, 'clopper-pearson'),
    auroc: auroc(possible, impossible),
  };
  return { ...score, passed: scenePasses(score) };
}

/** Scores each concept per scene and pooled, by model. Pairs are matched by scene and variant. */
export function conceptResults(suite: Pick<SuiteOutput, 'trials'>, seed: number): ConceptResult[] {
  type Scene = { possible: Map<number, number>; impossible: Map<number, number> };
  const groups = new Map<string, { scenes: Map<string, Scene>; exp: number | null }>();
  for (const row of suite.trials) {
    const key = `${row.concept}\u0000${row.model}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { scenes: new Map(), exp: BASELINES.has(row.model) ? null : row.experience_frames }));
    // A mirrored run is a scene of its own: the concept is passed only when both sides are.
    const sceneKey = row.mirrored ? `${row.scene} (mirrored)` : row.scene;
    let scene = g.scenes.get(sceneKey);
    if (!scene) g.scenes.set(sceneKey, (scene = { possible: new Map(), impossible: new Map() }));
    scene[row.condition].set(row.variant, row.scores[PRIMARY_SCORE]);
  }
  const out: ConceptResult[] = [];
  let k = 0;
  for (const [key, g] of groups) {
    const [concept, model] = key.split('\u0000') as [string, string];
    const perScene: Record<string, SceneScore> = {};
    const credits: number[][] = [];
    for (const id of [...g.scenes.keys()].sort()) {
      const scene = g.scenes.get(id)!;
      const variants = [...scene.possible.keys()].filter((v) => scene.impossible.has(v)).sort((a, b) => a - b);
      if (variants.length === 0) continue;
      const p = variants.map((v) => scene.possible.get(v)!);
      const q = variants.map((v) => scene.impossible.get(v)!);
      const outcomes = pairOutcomes(p, q);
      perScene[id] = sceneScore(outcomes, p, q);
      credits.push(outcomes.map(outcomeCredit));
    }
    const scores = Object.values(perScene);
    if (scores.length === 0) continue;
    const weakest = Object.entries(perScene).reduce((w, e) => (e[1].pairwise_accuracy < w[1].pairwise_accuracy ? e : w));
    const sum = (f: (s: SceneScore) => number): number => scores.reduce((t, s) => t + f(s), 0);
    const counts = { wins: sum((s) => s.wins), ties: sum((s) => s.ties), losses: sum((s) => s.losses) };
    const bootstrap = sceneThenPairBootstrap(credits, mixSeed(seed, k++, 0xde7e1));
    const exact = accuracyInterval(counts, 'clopper-pearson');
    out.push({
      concept, model, experience_frames: g.exp, scenes: Object.keys(perScene),
      pairs: sum((s) => s.pairs), ...counts,
      pairwise_accuracy: meanOfSceneMeans(credits),
      pairwise_ci95: [Math.min(bootstrap[0], exact[0]), Math.max(bootstrap[1], exact[1])],
      pairwise_ci95_bootstrap: bootstrap,
      auroc: sum((s) => s.auroc) / scores.length,
      per_scene: perScene,
      passed: scores.every((s) => s.passed),
      scenes_passed: scores.filter((s) => s.passed).length,
      weakest_scene: weakest[0], weakest_accuracy: weakest[1].pairwise_accuracy, weakest_ci95: weakest[1].pairwise_ci95,
    });
  }
  return out.sort((a, b) => rank(a.concept) - rank(b.concept) || a.concept.localeCompare(b.concept));
}

/** A concept's place in CONCEPT_ORDER (unknown concepts last). */
const rank = (c: string): number => {
  const i = (CONCEPT_ORDER as readonly string[]).indexOf(c);
  return i === -1 ? CONCEPT_ORDER.length : i;
};

/** Concepts that no learner (checkpoint) holds for good, in the table's order. */
export function unacquiredConcepts(results: readonly ConceptResult[]): string[] {
  return [...new Set(results.map((r) => r.concept))].filter((c) => acquisitionFrames(results, c) === null);
}

/** The first checkpoint (by experience) from which a concept is passed — every one of its scenes at
 * accuracy ≥ `pass` with its exact interval above chance — at that checkpoint and every later one. */
export function acquisitionFrames(results: readonly ConceptResult[], concept: string, pass = PASS_ACCURACY): number | null {
  const learned = results.filter((r) => r.concept === concept && r.experience_frames !== null)
    .sort((a, b) => a.experience_frames! - b.experience_frames!);
  let from: number | null = null;
  for (const r of learned) {
    const scenes = Object.values(r.per_scene);
    const ok = scenes.length > 0 && scenes.every((s) => scenePasses(s, pass));
    if (ok && from === null) from = r.experience_frames;
    if (!ok) from = null;
  }
  return from;
}

const fmt = (x: number | null): string => (x === null ? '' : Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** One row per concept and model. */
export function developmentCsv(results: readonly ConceptResult[]): string {
  const lines = ['concept,model,experience_frames,pairs,wins,ties,losses,pairwise_accuracy,ci95_low,ci95_high,auroc,passed,scenes'];
  for (const r of results) {
    lines.push([r.concept, r.model, fmt(r.experience_frames), r.pairs, r.wins, r.ties, r.losses, fmt(r.pairwise_accuracy),
      fmt(r.pairwise_ci95[0]), fmt(r.pairwise_ci95[1]), fmt(r.auroc), r.passed ? 1 : 0, r.scenes.join(' ')].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const two = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
const withInterval = (acc: number, ci: [number, number]): string => `${two(acc)} [${two(ci[0])}, ${two(ci[1])}]`;

/** Markdown tables for docs/development.md: concept × model (mean of the scenes' accuracies, its
 * interval, ✓ when every scene is passed), and scene × model (accuracy,
 * exact interval, and ties when there are any). */
export function developmentTable(results: readonly ConceptResult[], sceneResults?: readonly SuiteResult[]): string {
  // Learners by experience, then the baselines (by name), then the oracle.
  const order = (m: string, frames: number | null): number => (m === 'oracle' ? Infinity : frames ?? Number.MAX_VALUE);
  const models = [...new Map(results.map((r) => [r.model, r.experience_frames])).entries()]
    .sort((a, b) => order(a[0], a[1]) - order(b[0], b[1]) || a[0].localeCompare(b[0]))
    .map(([m]) => m);
  const concepts = [...new Set(results.map((r) => r.concept))];
  const conceptCell = (r: ConceptResult | undefined): string => (r ? `${withInterval(r.pairwise_accuracy, r.pairwise_ci95)}${r.passed ? ' ✓' : ''}` : '');
  const sceneCell = (r: SuiteResult | undefined): string => (r ? `${withInterval(r.pairwise_accuracy, r.pairwise_ci95)}${r.ties > 0 ? `, ${r.ties} tie${r.ties === 1 ? '' : 's'}` : ''}` : '');
  const lines = [`| concept | ${models.join(' | ')} |`, `|---|${models.map(() => '---:').join('|')}|`];
  for (const c of concepts) {
    lines.push(`| ${c} | ${models.map((m) => conceptCell(results.find((x) => x.concept === c && x.model === m))).join(' | ')} |`);
  }
  // The same concepts judged direction by direction: scenes passed, and the weakest scene.
  const verdictCell = (r: ConceptResult | undefined): string => (r ? `${r.scenes_passed}/${r.scenes.length}${r.passed ? ' ✓' : ''} (${two(r.weakest_accuracy)})` : '');
  lines.push('', `| concept: scenes passed (weakest) | ${models.join(' | ')} |`, `|---|${models.map(() => '---:').join('|')}|`);
  for (const c of concepts) {
    lines.push(`| ${c} | ${models.map((m) => verdictCell(results.find((x) => x.concept === c && x.model === m))).join(' | ')} |`);
  }
  if (sceneResults) {
    // Scenes grouped by concept in the table's order, so that a scene's controls and reverse sit beside it.
    const sceneIds = [...new Map(sceneResults.map((r) => [r.scene, r.concept])).entries()]
      .sort((a, b) => rank(a[1]) - rank(b[1]) || sceneResults.findIndex((r) => r.scene === a[0]) - sceneResults.findIndex((r) => r.scene === b[0]));
    lines.push('', `| scene | concept | ${models.join(' | ')} |`, `|---|---|${models.map(() => '---:').join('|')}|`);
    for (const [scene, concept] of sceneIds) {
      lines.push(`| ${scene} | ${concept} | ${models.map((m) => sceneCell(sceneResults.find((x) => x.scene === scene && x.model === m))).join(' | ')} |`);
    }
  }
  if (results.some((r) => r.experience_frames !== null)) {
    const none = unacquiredConcepts(results);
    lines.push('', none.length === 0 ? 'Every concept is acquired, for good, by some learner.' : `No learner has acquired, for good: ${none.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
