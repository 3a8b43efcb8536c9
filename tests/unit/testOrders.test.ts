// Counterbalanced test orders: which infants see each pair flipped (learner-major, every odd one),
// what a flipped infant's looking model meets, that it is reproducible, that a habituated learner's
// test-trial surprise does not depend on the order, and that `--orders shared` is the study as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useWasmBackend } from '../../src/predictor/backend';
import { parseSceneText } from '../../src/scenes/parse';
import { designStudy } from '../../src/experiment/studyDesign';
import { runInfants, runStudy, type StudyScene } from '../../src/experiment/looking/runStudy';
import { infantLookingResults } from '../../src/experiment/looking/lookingStudy';
import { infantSeed } from '../../src/experiment/looking/infants';
import { flippedTrials, testOrderOf } from '../../src/experiment/looking/testOrders';
import { lookingRng } from '../../src/experiment/looking/lookingModel';
import { RANCH_PARAMS, RanchMemory } from '../../src/experiment/looking/ranchModel';
import { loadObserver } from '../../src/cli/modelStore';
import { ORACLE } from '../../src/experiment/observers';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { lab } from './support/lab';

const VERSIONS = { app: 'test', matter: 'test', tfjs: 'test' };
const sceneOf = (id: string): [string, StudyScene] => {
  const text = readFileSync(`scenes/${id}.json`, 'utf8');
  return [id, { scene: parseSceneText(text, id), text }];
};
const scenes = new Map<string, StudyScene>([sceneOf('car-off-platform'), sceneOf('box-released-beyond-platform')]);
const sides = (trials: readonly { phase: string; condition: string }[]): string => trials.map((t) => (t.phase === 'familiarization' ? 'F' : t.condition[0]!.toUpperCase())).join('');

beforeAll(async () => { await useWasmBackend(); });

describe('test orders', () => {
  it('flips every odd-numbered infant, numbered learner by learner; shared flips none', () => {
    const orders = (learners: number, k: number): string => Array.from({ length: learners }, (_, l) =>
      Array.from({ length: k }, (_, i) => testOrderOf('counterbalanced', l, i, k)[0]).join('')).join(' ');
    expect(orders(5, 1)).toBe('d f d f d'); // one infant each: alternates across learners
    expect(orders(5, 4)).toBe('dfdf dfdf dfdf dfdf dfdf'); // each learner 2 of each
    expect(orders(3, 3)).toBe('dfd fdf dfd'); // odd K: continues across learners
    for (let l = 0; l < 5; l++) for (let i = 0; i < 4; i++) expect(testOrderOf('shared', l, i, 4)).toBe('drawn');
  });

  it('swaps the two trials of every test pair, keeps the pairs\' order and familiarization, numbers trials by their new place', () => {
    const design = designStudy({ scenes: ['car-off-platform', 'box-released-beyond-platform'], models: ['oracle'], pairs: 3, familiarization: 2, seed: 4 });
    const flipped = flippedTrials(design.trials);
    expect(flipped.map((t) => t.index)).toEqual(design.trials.map((t) => t.index));
    const drawn = sides(design.trials);
    expect(sides(flipped)).toBe(drawn.replace(/IP|PI/g, (pair) => pair[1]! + pair[0]!));
    expect(drawn).toMatch(/^FF(IP|PI){3}FF(IP|PI){3}$/);
    for (let i = 0; i < flipped.length; i++) {
      const d = design.trials[i]!, f = flipped[i]!;
      expect([f.sceneId, f.phase, f.variant, f.pair]).toEqual([d.sceneId, d.phase, d.variant, d.pair]);
    }
    // Flipping twice is the drawn order again.
    expect(flippedTrials(flipped)).toEqual(design.trials);
    // A list whose pairs are not side by side is refused, not silently mangled.
    expect(() => flippedTrials(design.trials.filter((t) => !(t.phase === 'test' && t.condition === 'possible')))).toThrow(/not followed by the other trial of its pair/);
  });

  it('gives a habituated learner the same test-trial surprise in either order (learning happens only in familiarization)', () => {
    const design = designStudy({ scenes: ['car-off-platform'], models: ['learner-1k'], pairs: 2, familiarization: 2, seed: 5, habituate: true });
    const learner = loadObserver('learner-1k');
    const scoreOf = (recs: ReturnType<typeof runStudy>): Map<string, unknown> =>
      new Map(recs.map((r) => [`${r.meta.variant}/${r.meta.condition}/${r.place!.phase}`, r.observers[0]!.scores]));
    const drawn = runStudy(design, scenes, [learner], { versions: VERSIONS });
    const flipped = runStudy({ ...design, trials: flippedTrials(design.trials) }, scenes, [learner], { versions: VERSIONS });
    expect(scoreOf(flipped)).toEqual(scoreOf(drawn));
  }, 300_000);

  it('meets each flipped infant\'s looking model with the pairs flipped, counts each order, and is reproducible', () => {
    const design = designStudy({ scenes: ['car-off-platform'], models: ['constant-velocity', 'oracle'], pairs: 3, familiarization: 2, seed: 6 });
    const observers = [new ConstantVelocityPredictor(), ORACLE];
    const infants = runInfants(design, scenes, observers, { versions: VERSIONS }, 2);
    const shared = infantLookingResults(design, infants, 'ranch', false);
    const r = infantLookingResults(design, infants, 'ranch', false, undefined, 'counterbalanced');
    expect(r.orders).toBe('counterbalanced');
    expect(shared.orders).toBeUndefined();
    const obs = r.scenes[0]!.observers;
    expect(obs.map((o) => `${o.model}#${o.infant}:${o.order}`)).toEqual(['constant-velocity#1:drawn', 'constant-velocity#2:flipped', 'oracle#1:drawn', 'oracle#2:flipped']);
    // The drawn infants are the shared study's infants, to the number.
    for (const i of [0, 2]) {
      const { order: _o, ...same } = obs[i]!;
      expect(same).toEqual(shared.scenes[0]!.observers[i]);
    }
    // A flipped infant: the RANCH memory folded over the flipped order, each trial with its own seeded stream.
    const flipped = flippedTrials(design.trials);
    const surpriseOf = new Map(shared.scenes[0]!.observers[1]!.trials.map((t) => [`${t.variant}/${t.condition}`, t.surprise]));
    const memory = new RanchMemory(RANCH_PARAMS);
    const expected = flipped.map((t) => memory.look(surpriseOf.get(`${t.variant}/${t.condition}`)!, lookingRng(infantSeed(6, 1), 'constant-velocity', t.sceneId, t.variant, t.condition, t.phase)).seconds);
    expect(obs[1]!.trials.map((t) => t.seconds)).toEqual(expected);
    expect(sides(obs[1]!.trials)).toBe(sides(flipped));
    expect(obs[1]!.trials.map((t) => t.index)).toEqual(flipped.map((t) => t.index));
    expect(obs[1]!.trials.map((t) => t.seconds)).not.toEqual(shared.scenes[0]!.observers[1]!.trials.map((t) => t.seconds));
    // Each group counts its infants per order.
    for (const g of r.scenes[0]!.groups) {
      const members = obs.filter((o) => g.models.includes(o.model) && o.preference !== null);
      for (const order of ['drawn', 'flipped'] as const) {
        const saw = members.filter((o) => o.order === order);
        expect(g.byOrder![order]).toEqual({ n: saw.length, longerAtImpossible: saw.filter((o) => o.preference! > 0).length });
      }
      expect(g.byOrder!.drawn.n + g.byOrder!.flipped.n).toBe(g.n);
    }
    expect(infantLookingResults(design, infants, 'ranch', false, undefined, 'counterbalanced')).toEqual(r);
  });
});

describe('lab study --orders', () => {
  const args = (out: string, ...more: string[]): string[] => ['study', '--scenes', 'scenes/car-off-platform.json', '--models', 'learner-1k,learner-1k-s2,constant-velocity',
    '--looking', 'ranch-moment', '--habituate', '--pairs', '2', '--fam', '2', '--seed', '3', '--out', out, ...more];

  it('writes the same bytes with --orders shared as without the option', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'study-')), mkdtempSync(join(tmpdir(), 'study-'))];
    expect((await lab(...args(a))).code).toBe(0);
    expect((await lab(...args(b, '--orders', 'shared'))).code).toBe(0);
    const files = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    expect(JSON.parse(readFileSync(join(a, 'looking.json'), 'utf8')).results.orders).toBeUndefined();
  }, 300_000);

  it('records each learner\'s order in looking.json and the CSV, counts per order in the sentence, and refuses an unknown order', async () => {
    const out = mkdtempSync(join(tmpdir(), 'study-'));
    const r = await lab(...args(out, '--orders', 'counterbalanced'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/by test order, \d of 1 learners who saw the drawn order and \d of 1 who saw each pair flipped/);
    const json = JSON.parse(readFileSync(join(out, 'looking.json'), 'utf8'));
    expect(json.results.orders).toBe('counterbalanced');
    // One infant per learner: the orders alternate across the study's observers.
    expect(json.results.scenes[0].observers.map((o: { order: string }) => o.order)).toEqual(['drawn', 'flipped', 'drawn']);
    const csv = readFileSync(join(out, 'looking.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]!.endsWith(',habituated_at,order')).toBe(true);
    expect(csv.filter((l) => l.startsWith('car-off-platform,learner-1k-s2,') && l.endsWith(',flipped'))).toHaveLength(6);
    const bad = await lab(...args(mkdtempSync(join(tmpdir(), 'study-')), '--orders', 'mixed'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--orders expects one of shared, counterbalanced/);
  }, 300_000);
});
