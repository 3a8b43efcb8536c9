// Several infants per learner: one infant is the study as it was, to the byte; two infants of a
// learner are two different, reproducible infants (own looks, own habituating copy); the sign test.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import { designStudy } from '../../src/experiment/studyDesign';
import { runInfants, runStudy, type StudyScene } from '../../src/experiment/looking/runStudy';
import { infantLookingResults, lookingResults } from '../../src/experiment/looking/lookingStudy';
import { infantSeed, signTestP } from '../../src/experiment/looking/infants';
import { lookingRng } from '../../src/experiment/looking/lookingModel';
import { RANCH_PARAMS, RanchMemory } from '../../src/experiment/looking/ranchModel';
import { loadObserver } from '../../src/cli/modelStore';
import { ORACLE } from '../../src/experiment/observers';
import { lab } from './support/lab';

const VERSIONS = { app: 'test', matter: 'test', tfjs: 'test' };
const text = readFileSync('scenes/car-off-platform.json', 'utf8');
const scenes = new Map<string, StudyScene>([['car-off-platform', { scene: parseSceneText(text, 'car'), text }]]);
const scoresOf = (recs: ReturnType<typeof runStudy>, model: string): (number | null)[] =>
  recs.map((r) => r.observers.find((o) => o.model === model)!.scores.rollout_mean ?? null);

beforeAll(async () => { await useWasmBackend(); });

describe('infants', () => {
  it('seeds infant 0 with the study\'s seed and the others with seeds of their own', () => {
    expect(infantSeed(7, 0)).toBe(7);
    const seeds = [0, 1, 2, 3].map((k) => infantSeed(7, k));
    expect(new Set(seeds).size).toBe(4);
    expect(infantSeed(7, 2)).toBe(seeds[2]); // deterministic
    expect(infantSeed(8, 2)).not.toBe(seeds[2]); // and the study's seed matters
    expect(() => infantSeed(7, -1)).toThrow(/whole number ≥ 0/);
  });

  it('gives the one-sided sign test\'s exact tail, P(X ≥ k) for X ~ Binomial(n, ½)', () => {
    expect(signTestP(5, 5)).toBeCloseTo(1 / 32, 15);
    expect(signTestP(8, 10)).toBeCloseTo(56 / 1024, 15); // 45 + 10 + 1 ways of 8, 9, 10
    expect(signTestP(0, 4)).toBe(1);
    expect(signTestP(0, 0)).toBe(1);
    // 15 of 20: (C(20,15) + … + C(20,20)) / 2^20 = 21700 / 1048576.
    expect(signTestP(15, 20)).toBeCloseTo(21700 / 1048576, 14);
  });

  it('makes two distinct, reproducible infants of a habituating learner; infant 1 is the study as it was', () => {
    const learner = loadObserver('learner-1k');
    const design = designStudy({ scenes: ['car-off-platform'], models: ['learner-1k', 'oracle'], pairs: 1, familiarization: 2, seed: 5, habituate: true });
    const observers = [learner, ORACLE];
    const infants = runInfants(design, scenes, observers, { versions: VERSIONS }, 2);
    expect(infants).toHaveLength(2);
    const plain = runStudy(design, scenes, observers, { versions: VERSIONS });
    expect(infants[0]).toEqual(plain);
    const [first, second] = [scoresOf(infants[0]!, 'learner-1k'), scoresOf(infants[1]!, 'learner-1k')];
    // The first trial meets the checkpoint in both; after learning each copy has drawn its own batches.
    expect(second[0]).toBe(first[0]);
    for (const i of [1, 2, 3]) expect(second[i]).not.toBe(first[i]);
    // The oracle does not learn: both infants see it the same.
    expect(scoresOf(infants[1]!, 'oracle')).toEqual(scoresOf(infants[0]!, 'oracle'));

    const r = infantLookingResults(design, infants, 'ranch', true);
    expect(r.infantsPerLearner).toBe(2);
    expect(r.infantSeeds).toEqual([5, infantSeed(5, 1)]);
    const scene = r.scenes[0]!;
    expect(scene.observers.map((o) => [o.model, o.infant])).toEqual([['learner-1k', 1], ['learner-1k', 2], ['oracle', 1], ['oracle', 2]]);
    // Infant 1 looks as the one-infant study's learner does; infant 2 with its own seed, over its own surprises.
    const single = lookingResults(design, plain, 'ranch', true).scenes[0]!.observers[0]!;
    const { infant: _one, ...infant1 } = scene.observers[0]!;
    expect(infant1).toEqual(single);
    const memory = new RanchMemory(RANCH_PARAMS);
    const infant2 = scene.observers[1]!;
    const ordered = [...design.trials];
    expect(infant2.trials.map((t) => t.seconds)).toEqual(ordered.map((t, i) =>
      memory.look(second[i]!, lookingRng(infantSeed(5, 1), 'learner-1k', t.sceneId, t.variant, t.condition, t.phase)).seconds));
    // The oracle's two infants see the same surprises and draw different looks.
    expect(scene.observers[3]!.trials.map((t) => t.surprise)).toEqual(scene.observers[2]!.trials.map((t) => t.surprise));
    expect(scene.observers[3]!.trials.map((t) => t.seconds)).not.toEqual(scene.observers[2]!.trials.map((t) => t.seconds));
    // A group counts infants for the sign test and each learner once by its infants' mean.
    const group = scene.groups.find((g) => g.models.includes('learner-1k'))!;
    expect(group.models).toEqual(['learner-1k']);
    expect(group.n).toBe(2);
    expect(group.p).toBe(signTestP(group.longerAtImpossible, 2));
    expect(group.learners!.n).toBe(1);
    const meanPref = (infant1.preference! + infant2.preference!) / 2;
    expect(group.learners!.means[0]!.preference).toBe(meanPref);
    expect(group.learners!.longerAtImpossible).toBe(meanPref > 0 ? 1 : 0);
    expect(scene.sentence).toMatch(/\(n = 2 infants: 1 × 2\)/);
    // Deterministic: the same study makes the same infants.
    expect(runInfants(design, scenes, observers, { versions: VERSIONS }, 2)[1]!.map((x) => x.observers[0]!.scores)).toEqual(infants[1]!.map((x) => x.observers[0]!.scores));
  }, 300_000);
});

describe('lab study --infants-per-learner', () => {
  const args = (out: string, ...more: string[]): string[] => ['study', '--scenes', 'scenes/car-off-platform.json', '--models', 'learner-1k,constant-velocity',
    '--looking', 'ranch', '--habituate', '--pairs', '1', '--fam', '2', '--seed', '3', '--out', out, ...more];

  it('writes the same bytes with one infant per learner as without the option', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'study-')), mkdtempSync(join(tmpdir(), 'study-'))];
    expect((await lab(...args(a))).code).toBe(0);
    expect((await lab(...args(b, '--infants-per-learner', '1'))).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    expect(JSON.parse(readFileSync(join(a, 'looking.json'), 'utf8')).results.infantsPerLearner).toBeUndefined();
  }, 300_000);

  it('records the infants, one CSV row per infant and trial, and refuses a count out of range', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-'));
    const r = await lab(...args(out, '--infants-per-learner', '2'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/infants looked longer at the impossible event \(one-sided sign test p/);
    const json = JSON.parse(readFileSync(join(out, 'looking.json'), 'utf8'));
    expect(json.results.infantsPerLearner).toBe(2);
    expect(json.results.infantSeeds).toEqual([3, infantSeed(3, 1)]);
    const csv = readFileSync(join(out, 'looking.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]!.endsWith(',habituated_at,infant')).toBe(true);
    expect(csv).toHaveLength(1 + 2 * 2 * (2 + 2)); // 2 models × 2 infants × 4 trials
    expect(csv.filter((l) => l.endsWith(',2'))).toHaveLength(2 * 4);
    const bad = await lab(...args(mkdtempSync(join(tmpdir(), 'study-')), '--infants-per-learner', '17'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--infants-per-learner expects a whole number from 1 to 16/);
  }, 300_000);
});
