// `lab suite --models cohort:learner-100k`: the shipped cohort of that age is scored seed by seed and
// summed up per scene (per-seed accuracy, mean, range, seeds passing); an unknown cohort is refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-cohort-suite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('lab suite with a cohort', () => {
  it('scores each seed of cohort:learner-100k and prints the cohort line from their accuracies', async () => {
    const out = join(tmp, 'suite');
    const r = await lab('suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'cohort:learner-100k', '--pairs', '3', '--out', out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { models: string[]; results: { model: string; pairwise_accuracy: number }[] };
    const seeds = ['learner-100k', 'learner-100k-s2', 'learner-100k-s3', 'learner-100k-s4', 'learner-100k-s5'];
    expect(summary.models).toEqual(seeds);
    const acc = seeds.map((m) => summary.results.find((x) => x.model === m)!.pairwise_accuracy);
    const line = r.stdout.split('\n').find((l) => l.startsWith('car-off-platform\tcohort:learner-100k: '));
    expect(line).toBe(`car-off-platform\tcohort:learner-100k: per seed ${acc.map((a) => a.toFixed(2)).join(', ')}; mean ${(acc.reduce((a, b) => a + b, 0) / 5).toFixed(2)} (range ${Math.min(...acc).toFixed(2)}–${Math.max(...acc).toFixed(2)}); 0 of 5 seeds pass (accuracy ≥ 0.8, exact 95% interval above chance)`);
  }, 120_000);

  it('refuses a cohort that is not shipped, naming the ones that are', async () => {
    const r = await lab('suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'cohort:learner-7k', '--pairs', '1', '--out', join(tmp, 'bad'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--models cohort:learner-7k: no such cohort \(known: cohort:newborn, .*cohort:learner-100k\)/);
  });
});
