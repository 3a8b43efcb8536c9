// A cohort as one observer: the mean and min–max band over seeds, its choice built from the index,
// its expansion into members, and its study score (per-seed accuracy, seeds passing).
import { describe, expect, it } from 'vitest';
import { cohortBand, cohortCurves, cohortPerBody } from '../../src/experiment/cohortBand';
import { cohortScore, cohortScoreWords } from '../../src/experiment/cohortScore';
import { cohortChoices, expandCohorts, savedCohortChoices } from '../../src/web/cohortChoice';

describe('cohortBand', () => {
  it('is the mean in member order and the lowest and highest member', () => {
    expect(cohortBand([0.1, 0.2, 0.7])).toEqual({ mean: (0.1 + 0.2 + 0.7) / 3, min: 0.1, max: 0.7, members: 3 });
  });
  it('has no value where any member has none', () => {
    expect(cohortBand([1, null, 3])).toBeNull();
    expect(cohortBand([1, Number.NaN])).toBeNull();
    expect(cohortBand([])).toBeNull();
  });
  it('averages per body only the bodies every member scored', () => {
    const out = cohortPerBody([new Map([['car', 2], ['box', 1]]), new Map([['car', 4]])]);
    expect([...out]).toEqual([['car', 3]]);
  });
  it('turns whole curves into mean, lowest and highest per frame (NaN where one is missing)', () => {
    const c = cohortCurves([Float64Array.of(Number.NaN, 1, 5), Float64Array.of(Number.NaN, 3, 1)]);
    expect([...c.mean]).toEqual([Number.NaN, 2, 3]);
    expect([...c.min]).toEqual([Number.NaN, 1, 1]);
    expect([...c.max]).toEqual([Number.NaN, 3, 5]);
  });
});

describe('cohortChoices', () => {
  const entries = [
    { name: 'learner-1k', experience_frames: 1000, seed: 1 },
    { name: 'learner-100k', experience_frames: 100000, seed: 1 },
    { name: 'learner-100k-s3', experience_frames: 100000, seed: 3 },
    { name: 'learner-100k-s2', experience_frames: 100000, seed: 2 },
    { name: 'old-thing', experience_frames: 5000, seed: null },
  ];
  it('makes one observer per age with at least two seeds, members in seed order', () => {
    const c = cohortChoices(entries);
    expect(c.map((x) => x.id)).toEqual(['cohort:learner-100k']);
    expect(c[0]!.members).toEqual(['learner-100k', 'learner-100k-s2', 'learner-100k-s3']);
    expect(c[0]!.experienceFrames).toBe(100000);
    expect(c[0]!.kind).toBe('learned');
    expect(c[0]!.note).toMatch(/seeds 1, 2, 3/);
  });
  it('refuses an age where two checkpoints claim the same seed', () => {
    expect(cohortChoices([...entries, { name: 'learner-100k-again', experience_frames: 100000, seed: 2 }])).toEqual([]);
  });
  it('expands a cohort into its members for code that scores checkpoints one by one', () => {
    const models = [...cohortChoices(entries), { id: 'oracle' }];
    expect(expandCohorts(['learner-100k', 'cohort:learner-100k', 'oracle'], models)).toEqual(['learner-100k', 'learner-100k-s2', 'learner-100k-s3', 'oracle']);
  });
});

describe('savedCohortChoices', () => {
  it('groups checkpoints grown as a cohort on the Learn screen (NAME-sSEED-MARK) by name and mark', () => {
    const saved = [
      { id: 'saved:me-s3-6k', experienceFrames: 6000 }, { id: 'saved:me-s1-6k', experienceFrames: 6000 },
      { id: 'saved:me-s1-3k', experienceFrames: 3000 }, { id: 'saved:me-s2-3k', experienceFrames: 3000 },
      { id: 'saved:alone-s1-6k', experienceFrames: 6000 }, { id: 'saved:plain-6k', experienceFrames: 6000 },
    ];
    const c = savedCohortChoices(saved);
    expect(c.map((x) => [x.id, x.members, x.experienceFrames])).toEqual([
      ['cohort:saved:me-3k', ['saved:me-s1-3k', 'saved:me-s2-3k'], 3000],
      ['cohort:saved:me-6k', ['saved:me-s1-6k', 'saved:me-s3-6k'], 6000],
    ]);
    expect(c[1]!.label).toBe('me-6k cohort (saved)');
  });
});

describe('cohortScore', () => {
  const scores = [
    { model: 'a', pairwise_accuracy: 1, pairwise_ci95: [0.7, 1] as [number, number] },
    { model: 'b', pairwise_accuracy: 0.9, pairwise_ci95: [0.45, 1] as [number, number] },
    { model: 'c', pairwise_accuracy: 0.5, pairwise_ci95: [0.2, 0.8] as [number, number] },
  ];
  it('reports each seed, the mean and range, and how many pass (≥ 0.8 with the interval above chance)', () => {
    const s = cohortScore(['a', 'b', 'c'], scores)!;
    expect(s.perSeed.map((p) => [p.model, p.passes])).toEqual([['a', true], ['b', false], ['c', false]]);
    expect(s.mean).toBeCloseTo(0.8, 12);
    expect([s.min, s.max, s.passing, s.members]).toEqual([0.5, 1, 1, 3]);
    expect(cohortScoreWords('x cohort', s)).toBe('x cohort: per seed 1.00, 0.90, 0.50; mean 0.80 (range 0.50–1.00); 1 of 3 seeds pass (accuracy ≥ 0.8, exact 95% interval above chance)');
  });
  it('waits until every member is scored', () => {
    expect(cohortScore(['a', 'z'], scores)).toBeNull();
  });
});
