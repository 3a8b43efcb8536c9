// The Learn screen's cohort: the seed field (one seed, a range, a list), each seed's config, and the
// developmental curve as a band: the mean over the seeds measured at each mark, lowest and highest.
import { describe, expect, it } from 'vitest';
import { buildConfig, DEFAULT_FORM, MAX_SEEDS, parseSeeds, seedConfig } from '../../src/pages/learn/runForm';
import { cohortChartData, cohortChartLayout, cohortCurve } from '../../src/pages/learn/cohortCurve';
import { DEFAULT_DIET } from '../../src/predictor/experience';

const SCENES = ['car-off-platform', 'box-released-beyond-platform'];

describe('seeds', () => {
  it('reads one seed, a range or a list, once each, in the order given', () => {
    const problems: string[] = [];
    expect(parseSeeds('3', problems)).toEqual([3]);
    expect(parseSeeds('1-5', problems)).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('7, 2-3, 2', problems)).toEqual([7, 2, 3]);
    expect(problems).toEqual([]);
  });
  it('says what is wrong with a seed field it cannot use', () => {
    const bad = (text: string): string => { const p: string[] = []; parseSeeds(text, p); return p.join('; '); };
    expect(bad('x')).toMatch(/seed: "x" is not a seed/);
    expect(bad('5-2')).toMatch(/"5-2" is not a seed/);
    expect(bad('1-100')).toMatch(/"1-100"/);
    expect(bad('1-6, 10-15')).toMatch(new RegExp(`at most ${MAX_SEEDS} seeds in one cohort \\(got 12\\)`));
    expect(bad('')).toMatch(/give a seed/);
  });
  it('builds the first seed\'s config and lists the cohort; each seed saves under its own name', () => {
    const { config, seeds, problems } = buildConfig({ ...DEFAULT_FORM, seed: '2-4' }, DEFAULT_DIET, 0, SCENES);
    expect(problems).toEqual([]);
    expect(seeds).toEqual([2, 3, 4]);
    expect(config!.seed).toBe(2);
    expect(seedConfig(config!, 3)).toEqual({ ...config, seed: 3, namePrefix: 'my-learner-s3' });
  });
  it('grows a cohort from newborns only', () => {
    expect(buildConfig({ ...DEFAULT_FORM, seed: '1-2', saveAt: '13k' }, DEFAULT_DIET, 3000, SCENES).problems.join()).toMatch(/a cohort grows from newborns/);
  });
});

describe('cohort curve', () => {
  const curves = {
    '1': { car: [[0, 0], [500, 1]] as [number, number][] },
    '2': { car: [[0, 0.5], [500, 0.25]] as [number, number][] },
    '3': { car: [[0, 1]] as [number, number][] },
  };
  it('is the mean, lowest and highest of the seeds measured at each mark', () => {
    expect(cohortCurve(curves, 'car')).toEqual([{ x: 0, mean: 0.5, min: 0, max: 1, seeds: 3 }, { x: 500, mean: 0.625, min: 0.25, max: 1, seeds: 2 }]);
  });
  it('lays the chart out as chance, then per probe the mean, the two band edges and one thin line per seed', () => {
    const layout = cohortChartLayout([{ id: 'car', colour: '#e4572e' }], [1, 2, 3]);
    expect(layout.series.map((s) => s.label)).toEqual(['chance', 'car (mean of 3 seeds)', 'car highest seed', 'car lowest seed', 'car seed 1', 'car seed 2', 'car seed 3']);
    expect(layout.bands).toEqual([{ upper: 2, lower: 3, fill: 'rgba(228, 87, 46, 0.2)' }]);
    expect(layout.series.filter((s) => s.legend === false)).toHaveLength(5);
    expect(cohortChartData(['car'], [1, 2, 3], curves)).toEqual({
      x: [0, 500],
      y: [[0.5, 0.5], [0.5, 0.625], [1, 1], [0, 0.25], [0, 1], [0.5, 0.25], [1, null]],
    });
  });
});
