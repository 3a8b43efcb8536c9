// Why a `ranch` study's verdict changes with the study seed: re-draws each learner's attention noise
// many times over the same recorded surprises (a study's looking.csv), to tell noise from surprise.
// Run: npx tsx bench/ranchNoiseDiagnosis.ts DIR [DRAWS] [flip]   (DIR: a `lab study --looking ranch` output;
// `flip` shows each test pair's two trials in the other order, the same surprises: the order's share)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookingRng } from '../src/experiment/looking/lookingModel';
import { RANCH_PARAMS, RanchMemory } from '../src/experiment/looking/ranchModel';
import { information } from '../src/experiment/looking/lookingModel';
import { mixSeed } from '../src/sim/rng';

const [dir, drawsArg, flipArg] = process.argv.slice(2);
const flip = flipArg === 'flip';
if (!dir) throw new Error('usage: npx tsx bench/ranchNoiseDiagnosis.ts DIR [DRAWS]');
const draws = Number(drawsArg ?? 400);
const json = JSON.parse(readFileSync(join(dir, 'looking.json'), 'utf8'));
if (json.results.model !== 'ranch') throw new Error(`${dir}: a ranch study is needed (got ${json.results.model})`);
if (json.results.infantsPerLearner !== undefined) throw new Error(`${dir}: a study of one infant per learner is needed (this one has ${json.results.infantsPerLearner})`);
const studySeed: number = json.results.seed;
const lines = readFileSync(join(dir, 'looking.csv'), 'utf8').trimEnd().split('\n');
const header = lines[0]!.split(',');
// The group column is quoted and holds commas: split on commas outside quotes.
const split = (l: string): string[] => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).slice(0, header.length);
const rows = lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i]!, v])));

interface Trial { scene: string; trial: number; phase: string; variant: number; condition: string; surprise: number | null; seconds: number }
const byLearner = new Map<string, Trial[]>();
for (const r of rows) {
  const list = byLearner.get(r.model!) ?? [];
  list.push({ scene: r.scene!, trial: Number(r.trial), phase: r.phase!, variant: Number(r.variant), condition: r.condition!, surprise: r.surprise === '' ? null : Number(r.surprise), seconds: Number(r.looking_s) });
  byLearner.set(r.model!, list);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
/** One learner's test preference (impossible − possible mean looking) for one attention-noise seed. */
function preference(trials: Trial[], seed: number): { pref: number; trialSeconds: number[] } {
  const memory = new RanchMemory(RANCH_PARAMS);
  const seconds = trials.map((t) => memory.look(t.surprise, lookingRng(seed, modelOf(trials), t.scene, t.variant, t.condition, t.phase)).seconds);
  const test = (c: string): number[] => trials.flatMap((t, i) => (t.phase === 'test' && t.condition === c ? [seconds[i]!] : []));
  return { pref: mean(test('impossible')) - mean(test('possible')), trialSeconds: seconds };
}
const learnerOf = new Map<Trial[], string>();
const modelOf = (trials: Trial[]): string => learnerOf.get(trials)!;

console.log(`study seed ${studySeed}${flip ? ', each test pair shown in the other order' : ''}, ${draws} attention-noise draws per learner (the draw with the study's own seed first)`);
console.log('learner | x possible / impossible (test means) | |Δx|/σ_p | study verdict (pref s) | P(longer at impossible) over draws | mean pref ± sd | trials at the 2 s floor or 60 s max');
for (const [model, trials] of byLearner) {
  trials.sort((a, b) => a.trial - b.trial);
  learnerOf.set(trials, model);
  const own = preference(trials, studySeed);
  const recorded = trials.map((t) => t.seconds);
  if (own.trialSeconds.some((s, i) => s !== recorded[i])) throw new Error(`${model}: re-drawing with the study's seed does not reproduce looking.csv`);
  if (flip) {
    // Test trials come in pairs, one after the other: swap each pair's two trials.
    for (let i = trials.findIndex((t) => t.phase === 'test'); i + 1 < trials.length; i += 2) [trials[i], trials[i + 1]] = [trials[i + 1]!, trials[i]!];
    Object.assign(own, preference(trials, studySeed));
  }
  const prefs = [own.pref];
  let floor = 0, all = 0;
  for (let d = 1; d < draws; d++) {
    const r = preference(trials, mixSeed(studySeed, 0xd1a9, d));
    prefs.push(r.pref);
    for (const s of r.trialSeconds) { all++; if (s <= 2 + 1e-9 || s >= 60 - 1e-9) floor++; }
  }
  const xTest = (c: string): number => mean(trials.filter((t) => t.phase === 'test' && t.condition === c).map((t) => information(t.surprise)));
  const xp = xTest('possible'), xi = xTest('impossible');
  const m = mean(prefs), sd = Math.sqrt(mean(prefs.map((p) => (p - m) ** 2)));
  console.log(`${model} | ${xp.toFixed(2)} / ${xi.toFixed(2)} | ${(Math.abs(xi - xp) / RANCH_PARAMS.perceptualNoise).toFixed(1)} | ${own.pref > 0 ? 'longer' : 'not'} (${own.pref.toFixed(2)}) | ${(prefs.filter((p) => p > 0).length / prefs.length).toFixed(2)} | ${m.toFixed(2)} ± ${sd.toFixed(2)} | ${(100 * floor / all).toFixed(1)}%`);
}
