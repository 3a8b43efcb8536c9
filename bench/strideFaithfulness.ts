// Is the rollout surprise scored on every k-th frame faithful to the one scored on every frame? The
// whole concept suite (controls included) as drawn, mirrored and held out, every shipped observer:
// pair outcomes, scene and concept verdicts, accuracies against their exact intervals, McNemar
// verdicts and the trials' rank order, stride k against stride 1 (docs/surprise.md).
// Run: npx tsx bench/strideFaithfulness.ts [--pairs 20] [--seed 0] [--strides 2,3,4,5,6,8,10] [--start-strides 2] [--cost]
// (--start-strides: also rollouts started at every k-th frame only, every frame scored from the rollouts
// in flight, `suite --start-stride k`; --strides '' leaves the strides out; --cost: also the suite's
// cost ratio at each stride and start stride, as `npm run bench predictor` measures it).
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseSceneText } from '../src/scenes/parse';
import { orderWithControls } from '../src/scenes/families';
import { assembleSuite, runPair, scoredModel, scoreTrial, type SuiteOutput, type SuiteUnit, type SuiteView } from '../src/experiment/suite';
import { conceptResults, type ConceptResult } from '../src/experiment/development';
import { heldoutRows, sidesOf } from '../src/experiment/splits';
import { ConstantVelocityPredictor } from '../src/predictor/predictor';
import { ORACLE, memoFor, type Observer } from '../src/experiment/observers';
import { strideTrace, trialScores, type TrialScores } from '../src/predictor/surprise';
import { DEFAULT_MODELS_DIR, listCheckpoints, loadCheckpointDir } from '../src/cli/modelStore';
import type { SceneFile } from '../src/scenes/schema';
import { suiteSeconds } from './targets';
import { loadavg } from 'node:os';

/** Spearman's rank correlation (average ranks for ties). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ranks = (xs: readonly number[]): number[] => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let m = i; m <= j; m++) r[order[m]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = ranks(a), rb = ranks(b);
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra), mb = mean(rb);
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < ra.length; i++) { num += (ra[i]! - ma) * (rb[i]! - mb); da += (ra[i]! - ma) ** 2; db += (rb[i]! - mb) ** 2; }
  return num / Math.sqrt(da * db);
}

interface Run { label: string; view: SuiteView; scenes: SceneFile[] }

/** Every unit of one suite, scored once per stride (stride 1 first) from the same traces, then once
 * per start stride (each computed on its own: its rollouts are not the stride-1 ones). */
function unitsByStride(run: Run, observers: readonly Observer[], pairs: number, seed: number, strides: readonly number[], startStrides: readonly number[]): SuiteUnit[][] {
  const out = [...strides, ...startStrides].map(() => [] as SuiteUnit[]);
  run.scenes.flatMap((scene) => sidesOf(run.view.mirror).map((mirrored) => ({ scene, mirrored }))).forEach(({ scene, mirrored }, entry) => {
    for (let v = 0; v < pairs; v++) {
      const pair = runPair(scene, v, seed, { mirrored, split: run.view.split ?? 'default' });
      const traces = observers.map((o) => {
        const memo = memoFor(o);
        return [scoreTrial(o, pair, 'possible', memo).trace, scoreTrial(o, pair, 'impossible', memo).trace] as const;
      });
      strides.forEach((k, s) => {
        // The oracle rolls nothing out: a stride leaves it as it is.
        const scores = traces.map(([tp, ti], m): [TrialScores, TrialScores] => (observers[m]!.kind === 'oracle' || k === 1
          ? [trialScores(tp, pair.onset), trialScores(ti, pair.onset)]
          : [trialScores(strideTrace(tp, k), pair.onset), trialScores(strideTrace(ti, k), pair.onset)]));
        out[s]!.push({ scene: entry, variant: v, onset: pair.onset, scores });
      });
      startStrides.forEach((k, s) => {
        const scores = observers.map((o): [TrialScores, TrialScores] => {
          const memo = memoFor(o);
          return [scoreTrial(o, pair, 'possible', memo, 1, k).scores, scoreTrial(o, pair, 'impossible', memo, 1, k).scores];
        });
        out[strides.length + s]!.push({ scene: entry, variant: v, onset: pair.onset, scores });
      });
    }
  });
  return out;
}

interface Differences {
  outcomesFlipped: number; outcomes: number;
  scenesVerdictChanged: string[]; scenes: number;
  outsideInterval: string[]; maxAccuracyChange: number;
  conceptsChanged: string[]; concepts: number;
  firstPassingChanged: string[];
  mcnemarChanged: number; mcnemar: number;
  spearmanMin: number; spearmanMinModel: string;
}

/** The youngest learner (by experience) passing each concept: what `develop` reports. */
const firstPassing = (concepts: readonly ConceptResult[]): Map<string, string> => {
  const m = new Map<string, string>();
  for (const c of [...concepts].filter((x) => x.experience_frames !== null).sort((a, b) => a.experience_frames! - b.experience_frames!)) {
    if (c.passed && !m.has(c.concept)) m.set(c.concept, c.model);
  }
  return m;
};

function compare(base: SuiteOutput, other: SuiteOutput, seed: number): Differences {
  const side = (r: { mirrored?: boolean }): string => (r.mirrored ? ' (mirrored)' : '');
  let flipped = 0;
  const outcome = (d: number): number => Math.sign(d);
  const spear = new Map<string, [number[], number[]]>();
  for (let i = 0; i < base.trials.length; i += 2) {
    const [bp, bi] = [base.trials[i]!, base.trials[i + 1]!];
    const [op, oi] = [other.trials[i]!, other.trials[i + 1]!];
    if (outcome(bi.scores.rollout_mean - bp.scores.rollout_mean) !== outcome(oi.scores.rollout_mean - op.scores.rollout_mean)) flipped++;
    for (const [b, o] of [[bp, op], [bi, oi]] as const) {
      const s = spear.get(b.model) ?? [[], []];
      s[0].push(b.scores.rollout_mean); s[1].push(o.scores.rollout_mean);
      spear.set(b.model, s);
    }
  }
  const scenesVerdictChanged: string[] = [];
  const outsideInterval: string[] = [];
  let maxAccuracyChange = 0;
  base.results.forEach((b, i) => {
    const o = other.results[i]!;
    const pass = (r: typeof b): boolean => r.pairwise_accuracy >= 0.8 && r.pairwise_ci95[0] > 0.5;
    if (pass(b) !== pass(o)) scenesVerdictChanged.push(`${b.scene}${side(b)} ${b.model} ${b.pairwise_accuracy.toFixed(3)}→${o.pairwise_accuracy.toFixed(3)}`);
    if (o.pairwise_accuracy < b.pairwise_ci95[0] || o.pairwise_accuracy > b.pairwise_ci95[1]) outsideInterval.push(`${b.scene}${side(b)} ${b.model}`);
    maxAccuracyChange = Math.max(maxAccuracyChange, Math.abs(o.pairwise_accuracy - b.pairwise_accuracy));
  });
  const bc = conceptResults(base, seed), oc = conceptResults(other, seed);
  const conceptsChanged = bc.filter((c, i) => c.passed !== oc[i]!.passed || c.scenes_passed !== oc[i]!.scenes_passed)
    .map((c, i) => `${c.concept} ${c.model}`);
  const bf = firstPassing(bc), of = firstPassing(oc);
  const firstPassingChanged = [...new Set([...bf.keys(), ...of.keys()])].filter((c) => bf.get(c) !== of.get(c)).map((c) => `${c}: ${bf.get(c) ?? 'none'}→${of.get(c) ?? 'none'}`);
  const mcnemarChanged = base.comparisons.filter((c, i) => (c.p_exact < 0.05) !== (other.comparisons[i]!.p_exact < 0.05)).length;
  let spearmanMin = 1, spearmanMinModel = '';
  for (const [model, [a, b]] of spear) {
    const r = spearman(a, b);
    if (r < spearmanMin) { spearmanMin = r; spearmanMinModel = model; }
  }
  return {
    outcomesFlipped: flipped, outcomes: base.trials.length / 2, scenesVerdictChanged, scenes: base.results.length, outsideInterval, maxAccuracyChange,
    conceptsChanged, concepts: bc.length, firstPassingChanged, mcnemarChanged, mcnemar: base.comparisons.length, spearmanMin, spearmanMinModel,
  };
}

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '20' }, seed: { type: 'string', default: '0' }, strides: { type: 'string', default: '2,3,4,5,6,8,10' },
  'start-strides': { type: 'string', default: '' }, cost: { type: 'boolean', default: false } } });
const pairs = Number(values.pairs), seed = Number(values.seed);
const list = (text: string): number[] => text.split(',').filter((x) => x !== '').map(Number);
const strides = [1, ...list(values.strides!)];
const startStrides = list(values['start-strides']!);
const all = orderWithControls(readdirSync('scenes').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort()
  .map((f) => parseSceneText(readFileSync(`scenes/${f}`, 'utf8'), f))).filter((s) => s.violation);
const observers: Observer[] = [...listCheckpoints(DEFAULT_MODELS_DIR).map((e) => loadCheckpointDir(e.dir!, e.name)), new ConstantVelocityPredictor(), ORACLE];
const runs: Run[] = [
  { label: 'as drawn', view: {}, scenes: all },
  { label: 'mirrored', view: { mirror: 'on' }, scenes: all },
  { label: 'held out', view: { split: 'heldout' }, scenes: all.filter((s) => heldoutRows(s).length > 0) },
];
console.log(`${all.length} scenes, ${observers.length} observers (${observers.map((o) => o.name).join(', ')}), ${pairs} pairs, seed ${seed}`);
console.log('| run | stride | pair outcomes flipped | scene verdicts changed | accuracies outside the stride-1 exact interval | largest accuracy change | concept verdicts changed | youngest passing learner changed | McNemar p<0.05 changed | lowest Spearman of trial scores (observer) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const run of runs) {
  const began = performance.now();
  const byStride = unitsByStride(run, observers, pairs, seed, strides, startStrides);
  const outputs = byStride.map((units) => assembleSuite(run.scenes, observers.map(scoredModel), pairs, seed, units, run.view));
  [...strides.slice(1).map(String), ...startStrides.map((k) => `start ${k}`)].forEach((k, s) => {
    const d = compare(outputs[0]!, outputs[s + 1]!, seed);
    console.log(`| ${run.label} | ${k} | ${d.outcomesFlipped}/${d.outcomes} | ${d.scenesVerdictChanged.length}/${d.scenes} | ${d.outsideInterval.length} | ${d.maxAccuracyChange.toFixed(3)} | ${d.conceptsChanged.length}/${d.concepts} | ${d.firstPassingChanged.length} | ${d.mcnemarChanged}/${d.mcnemar} | ${d.spearmanMin.toFixed(4)} (${d.spearmanMinModel}) |`);
    for (const line of [...d.scenesVerdictChanged.map((x) => `scene ${x}`), ...d.outsideInterval.map((x) => `outside ${x}`), ...d.conceptsChanged.map((x) => `concept ${x}`), ...d.firstPassingChanged.map((x) => `youngest ${x}`)]) {
      console.error(`  ${run.label} stride ${k}: ${line}`);
    }
  });
  console.error(`${run.label}: ${((performance.now() - began) / 1000).toFixed(0)} s`);
}
if (values.cost) {
  console.log('\n| stride | every shipped observer (CPU s) | constant velocity only, same stride (CPU s) | ratio (median of 3 interleaved rounds) | load |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const [label, k, start] of [...strides.map((k) => [String(k), k, 1] as const), ...startStrides.map((k) => [`start ${k}`, 1, k] as const)]) {
    const r = suiteSeconds(2, 3, k, start);
    console.log(`| ${label} | ${r.all.toFixed(2)} | ${r.baseline.toFixed(2)} | ${r.ratio.toFixed(2)}× (${r.ratios.map((x) => x.toFixed(2)).join(', ')}) | ${loadavg()[0]!.toFixed(1)} |`);
  }
}
