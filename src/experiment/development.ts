// The developmental curve: pairwise accuracy per concept for each observer (checkpoints by
// experience, and the baselines), pooling the matched pairs of every scene of a concept.
import type { SceneFile } from '../scenes/schema';
import { mixSeed } from '../sim/rng';
import type { Observer } from './observers';
import { runSuite, PRIMARY_SCORE, type SuiteOutput, type SuiteResult } from './suite';
import { auroc, bootstrapCi, pairwiseAccuracy } from './metrics';

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

/** Pools the suite's trials by concept and model. Pairs are matched by scene and variant. */
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
    const perScene: Record<string, number> = {};
    for (const r of suite.results) if (r.concept === concept && r.model === model) perScene[r.scene] = r.pairwise_accuracy;
    out.push({
      concept, model, experience_frames: g.exp, scenes: [...g.scenes].sort(), pairs: ids.length,
      pairwise_accuracy: pairwiseAccuracy(p, q),
      pairwise_ci95: bootstrapCi(p, q, pairwiseAccuracy, mixSeed(seed, k++, 0xde7e1)),
      auroc: auroc(p, q),
      per_scene: perScene,
    });
  }
  const rank = (c: string): number => {
    const i = (CONCEPT_ORDER as readonly string[]).indexOf(c);
    return i === -1 ? CONCEPT_ORDER.length : i;
  };
  return out.sort((a, b) => rank(a.concept) - rank(b.concept) || a.concept.localeCompare(b.concept));
}

/** The first checkpoint (by experience) from which a concept is passed: accuracy ≥ `pass` and the
 * lower end of its 95% interval above chance, at that checkpoint and every later one. */
export function acquisitionFrames(results: readonly ConceptResult[], concept: string, pass = 0.8): number | null {
  const learned = results.filter((r) => r.concept === concept && r.experience_frames !== null)
    .sort((a, b) => a.experience_frames! - b.experience_frames!);
  let from: number | null = null;
  for (const r of learned) {
    const ok = r.pairwise_accuracy >= pass && r.pairwise_ci95[0] > 0.5;
    if (ok && from === null) from = r.experience_frames;
    if (!ok) from = null;
  }
  return from;
}

const fmt = (x: number | null): string => (x === null ? '' : Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** One row per concept and model. */
export function developmentCsv(results: readonly ConceptResult[]): string {
  const lines = ['concept,model,experience_frames,pairs,pairwise_accuracy,ci95_low,ci95_high,auroc,scenes'];
  for (const r of results) {
    lines.push([r.concept, r.model, fmt(r.experience_frames), r.pairs, fmt(r.pairwise_accuracy), fmt(r.pairwise_ci95[0]), fmt(r.pairwise_ci95[1]), fmt(r.auroc), r.scenes.join(' ')].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown table, concept × model, of pairwise accuracy (for docs/development.md). */
export function developmentTable(results: readonly ConceptResult[], sceneResults?: readonly SuiteResult[]): string {
  // Learners by experience, then the baselines (by name), then the oracle.
  const order = (m: string, frames: number | null): number => (m === 'oracle' ? Infinity : frames ?? Number.MAX_VALUE);
  const models = [...new Map(results.map((r) => [r.model, r.experience_frames])).entries()]
    .sort((a, b) => order(a[0], a[1]) - order(b[0], b[1]) || a[0].localeCompare(b[0]))
    .map(([m]) => m);
  const concepts = [...new Set(results.map((r) => r.concept))];
  const cell = (x: number): string => x.toFixed(2);
  const lines = [`| concept | ${models.join(' | ')} |`, `|---|${models.map(() => '---:').join('|')}|`];
  for (const c of concepts) {
    lines.push(`| ${c} | ${models.map((m) => { const r = results.find((x) => x.concept === c && x.model === m); return r ? cell(r.pairwise_accuracy) : ''; }).join(' | ')} |`);
  }
  if (sceneResults) {
    lines.push('', `| scene | concept | ${models.join(' | ')} |`, `|---|---|${models.map(() => '---:').join('|')}|`);
    for (const scene of [...new Set(sceneResults.map((r) => r.scene))]) {
      const concept = sceneResults.find((r) => r.scene === scene)!.concept;
      lines.push(`| ${scene} | ${concept} | ${models.map((m) => { const r = sceneResults.find((x) => x.scene === scene && x.model === m); return r ? cell(r.pairwise_accuracy) : ''; }).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
