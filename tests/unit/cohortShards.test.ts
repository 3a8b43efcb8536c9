// Cohorts and shards: a seed trained in a cohort's worker thread gets the same weights as alone; the
// shards of a suite, a develop run (a cohort's) and a cohort's training merge into one run's bytes.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli';
import { lab } from './support/lab';
import { DEFAULT_MODELS_DIR, listAllCheckpoints, listCheckpoints, modelIndexJson } from '../../src/cli/modelStore';
import { parseSeedList, parseShard, inShard } from '../../src/cli/shard';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-cohort-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir`, by relative path, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const TRAIN = ['--frames', '300', '--checkpoints', '0,300'];
const SCENES = 'scenes/car-off-platform.json,scenes/ball-reverses-by-itself.json';
const cohort = join(tmp, 'cohort');

describe('a cohort in worker threads', () => {
  beforeAll(async () => {
    const r = await lab('train', '--seeds', '2-3', '--jobs', '2', ...TRAIN, '--out', cohort);
    expect(r.code, r.stderr).toBe(0);
  }, 600_000);

  it('gives each seed the same weights as training it alone in the main thread', async () => {
    const alone = join(tmp, 'alone-3');
    const r = await lab('train', '--seed', '3', ...TRAIN, '--out', alone);
    expect(r.code, r.stderr).toBe(0);
    for (const ck of ['newborn', 'learner-300']) {
      expect(readFileSync(join(cohort, 'seed-3', ck, 'weights.bin')).equals(readFileSync(join(alone, ck, 'weights.bin'))), ck).toBe(true);
      expect(readFileSync(join(cohort, 'seed-3', ck, 'model.json'), 'utf8')).toBe(readFileSync(join(alone, ck, 'model.json'), 'utf8'));
    }
    // Different seeds are different learners.
    expect(readFileSync(join(cohort, 'seed-2', 'learner-300', 'weights.bin')).equals(readFileSync(join(cohort, 'seed-3', 'learner-300', 'weights.bin')))).toBe(false);
  }, 600_000);

  it('lays out seed-S folders that the model store names NAME-sS, with the seed, and lists in index.json', () => {
    const entries = listAllCheckpoints(cohort);
    expect(entries.map((e) => `${e.name}@${e.seed}:${e.path}`)).toEqual([
      'newborn-s2@2:seed-2/newborn', 'learner-300-s2@2:seed-2/learner-300', 'newborn-s3@3:seed-3/newborn', 'learner-300-s3@3:seed-3/learner-300',
    ]);
    const index = JSON.parse(readFileSync(join(cohort, 'index.json'), 'utf8')) as { models: { name: string; seed: number; path: string }[] };
    expect(index.models.map((m) => m.name)).toEqual(entries.map((e) => e.name));
  });

  it('lab models --json lists every checkpoint with name, experience_frames and seed', async () => {
    const r = await lab('models', '--json', '--dir', cohort);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { models: { name: string; experience_frames: number; seed: number; core: unknown }[] };
    expect(doc.models.map((m) => [m.name, m.experience_frames, m.seed])).toEqual([
      ['newborn-s2', 0, 2], ['learner-300-s2', 300, 2], ['newborn-s3', 0, 3], ['learner-300-s3', 300, 3],
    ]);
    expect(doc.models[0]!.core).toEqual({ contactFeatures: true, objectFiles: true, integrator: true });
  });

  it('merges the shards of train --seeds into the single run: same files, same bytes (but the wall-clock training_seconds)', async () => {
    const shards = [join(tmp, 'train-1'), join(tmp, 'train-2')];
    for (const [k, dir] of shards.entries()) {
      const r = await lab('train', '--seeds', '2-3', '--shard', `${k + 1}/2`, ...TRAIN, '--out', dir);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(existsSync(join(shards[0]!, 'seed-3'))).toBe(false);
    const merged = join(tmp, 'train-merged');
    const m = await lab('merge', '--out', merged, ...shards);
    expect(m.code, m.stderr).toBe(0);
    const one = filesUnder(cohort);
    const two = filesUnder(merged);
    expect([...two.keys()]).toEqual([...one.keys()]);
    const clock = (b: Buffer): string => b.toString('utf8').replace(/"training_seconds": [\d.]+/, '"training_seconds": 0');
    for (const [path, bytes] of one) {
      if (path.endsWith('meta.json')) expect(clock(two.get(path)!), path).toBe(clock(bytes));
      else expect(two.get(path)!.equals(bytes), path).toBe(true);
    }
  }, 600_000);

  it('merges the shards of a cohort\'s develop run into the single run\'s bytes, cohort table included', async () => {
    const args = ['develop', '--cohort', cohort, '--scenes', SCENES, '--pairs', '3', '--seed', '4'];
    const single = join(tmp, 'develop-one');
    const one = await lab(...args, '--out', single);
    expect(one.code, one.stderr).toBe(0);
    const shards = [1, 2, 3].map((i) => join(tmp, `develop-${i}`));
    for (const [k, dir] of shards.entries()) expect((await lab(...args, '--shard', `${k + 1}/3`, '--out', dir)).code).toBe(0);
    const merged = join(tmp, 'develop-merged');
    const m = await lab('merge', '--out', merged, shards[2]!, shards[0]!, shards[1]!);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe(one.stdout);
    const a = filesUnder(single);
    const b = filesUnder(merged);
    expect([...b.keys()].sort()).toEqual(['cohort-directions.json', 'cohort-directions.md', 'cohort.json', 'cohort.md', 'development.csv', 'development.json', 'development.svg', 'table.md', 'trials.csv']);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    const summary = JSON.parse(readFileSync(join(single, 'cohort.json'), 'utf8')) as { seeds: number[]; ages: number[]; cells: { seeds: number }[] };
    expect(summary.seeds).toEqual([2, 3]);
    expect(summary.ages).toEqual([0, 300]);
    expect(summary.cells.every((c) => c.seeds === 2)).toBe(true);
  }, 600_000);

  it('joins develop runs of different seeds on the same pairs into the same cohort means (lab cohort)', async () => {
    const args = ['develop', '--scenes', SCENES, '--pairs', '3', '--seed', '4'];
    const parts = [2, 3].map((seed) => {
      const dir = join(tmp, `only-${seed}`);
      cpSync(join(cohort, `seed-${seed}`), join(dir, `seed-${seed}`), { recursive: true });
      return dir;
    });
    for (const [k, dir] of parts.entries()) expect((await lab(...args, '--cohort', dir, '--out', join(tmp, `dev-only-${k}`))).code).toBe(0);
    const joined = join(tmp, 'cohort-joined');
    const r = await lab('cohort', '--out', joined, join(tmp, 'dev-only-0'), join(tmp, 'dev-only-1'));
    expect(r.code, r.stderr).toBe(0);
    type Cell = { concept: string; experience_frames: number; mean: number; sd: number; per_seed: Record<string, number> };
    const cells = (dir: string): Cell[] => (JSON.parse(readFileSync(join(dir, 'cohort.json'), 'utf8')) as { cells: Cell[] }).cells
      .map(({ concept, experience_frames, mean, sd, per_seed }) => ({ concept, experience_frames, mean, sd, per_seed }));
    expect(cells(joined)).toEqual(cells(join(tmp, 'develop-one')));
    const again = await lab('cohort', '--out', joined, join(tmp, 'dev-only-0'), join(tmp, 'dev-only-0'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/development\.json: newborn-s2 is measured twice\n$/);
  }, 600_000);
});

describe('suite shards', () => {
  it('merge in any order into the bytes of one run', async () => {
    const args = ['suite', '--scenes', SCENES, '--models', 'constant-velocity,learner-1k,oracle', '--pairs', '3', '--seed', '7'];
    const single = join(tmp, 'suite-one');
    const one = await lab(...args, '--out', single);
    expect(one.code, one.stderr).toBe(0);
    const shards = [1, 2, 3, 4].map((i) => join(tmp, `suite-${i}`));
    for (const [k, dir] of shards.entries()) expect((await lab(...args, '--shard', `${k + 1}/4`, '--out', dir)).code).toBe(0);
    const merged = join(tmp, 'suite-merged');
    const m = await lab('merge', '--out', merged, ...[...shards].reverse());
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe(one.stdout);
    for (const f of ['summary.json', 'trials.csv', 'summary.svg']) {
      expect(readFileSync(join(merged, f)).equals(readFileSync(join(single, f))), f).toBe(true);
    }
  }, 600_000);

  it('refuses an incomplete, doubled or mixed set of shards, naming the file', async () => {
    const base = ['suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'constant-velocity', '--pairs', '2'];
    const a = join(tmp, 'bad-1');
    const b = join(tmp, 'bad-2');
    const other = join(tmp, 'bad-other');
    expect((await lab(...base, '--shard', '1/2', '--out', a)).code).toBe(0);
    expect((await lab(...base, '--shard', '2/2', '--out', b)).code).toBe(0);
    expect((await lab(...base, '--seed', '9', '--shard', '2/2', '--out', other)).code).toBe(0);
    const missing = await lab('merge', '--out', join(tmp, 'bad-out'), a);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('merge: shard 2/2 missing\n');
    const twice = await lab('merge', '--out', join(tmp, 'bad-out'), a, a);
    expect(twice.stderr).toBe(`${join(a, 'shard.json')}: shard 1/2 is given twice (also ${a})\n`);
    const mixed = await lab('merge', '--out', join(tmp, 'bad-out'), a, other);
    expect(mixed.stderr).toContain(`${join(other, 'shard.json')}: job: not the same job as ${join(a, 'shard.json')}`);
    writeFileSync(join(b, 'shard.json'), '{"format":"surprise-lab-shard","format_version":1,"kind":"suite","shard":{"index":2,"count":2}');
    const broken = await lab('merge', '--out', join(tmp, 'bad-out'), a, b);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^${join(b, 'shard.json').replace(/[.]/g, '\\.')}: not valid JSON`));
    expect(existsSync(join(tmp, 'bad-out', 'summary.json'))).toBe(false);
  }, 600_000);
});

describe('shard and seed lists', () => {
  it('parses i/n and seed ranges, and refuses what is not one', () => {
    expect(parseShard('2/8', 'suite')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad, 'suite'), bad).toThrow(/--shard expects i\/n/);
    expect(parseSeedList('1-3,8, 2', 'train')).toEqual([1, 2, 3, 8]);
    expect(() => parseSeedList('5-2', 'train')).toThrow('--seeds: the range "5-2" runs backwards');
    expect(() => parseSeedList('x', 'train')).toThrow('--seeds: "x" is not a seed or a range');
  });

  it('gives every unit to exactly one shard', () => {
    for (const count of [1, 2, 3, 7]) {
      for (let p = 0; p < 50; p++) {
        const owners = Array.from({ length: count }, (_, k) => k + 1).filter((index) => inShard(p, { index, count }));
        expect(owners).toHaveLength(1);
      }
    }
  });
});

describe('the shipped cohort', () => {
  it('public/models/index.json lists every shipped checkpoint of every seed (refresh: lab models --write-index)', () => {
    expect(readFileSync(join(DEFAULT_MODELS_DIR, 'index.json'), 'utf8')).toBe(modelIndexJson(DEFAULT_MODELS_DIR));
    const all = listAllCheckpoints(DEFAULT_MODELS_DIR);
    const main = listCheckpoints(DEFAULT_MODELS_DIR);
    expect(main.map((m) => m.name)).toEqual(['newborn', 'learner-1k', 'learner-3k', 'learner-6k', 'learner-10k', 'learner-30k', 'learner-100k']);
    expect(main.every((m) => m.seed === 1)).toBe(true);
    const seeds = [...new Set(all.map((m) => m.seed))];
    expect(seeds.length).toBeGreaterThan(1);
    // Every seed of the cohort has the same seven ages as seed 1.
    for (const seed of seeds) expect(all.filter((m) => m.seed === seed).map((m) => m.experienceFrames), `seed ${seed}`).toEqual(main.map((m) => m.experienceFrames));
  });
});
