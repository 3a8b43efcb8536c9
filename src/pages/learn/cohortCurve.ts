// A cohort's developmental curve on the Learn screen: per probe scene and experience mark, the mean
// over the seeds measured there and the band from the lowest to the highest seed, plus each seed's
// own thin line; laid out as the series and bands of one line chart.
import { cohortBand } from '../../experiment/cohortBand';
import type { LineBand, LineSeries } from './lineChart';
import type { Curve } from './learnStore';

/** Per seed (as a string), per probe scene: pairwise accuracy by experience. */
export type SeedCurves = Record<string, Record<string, Curve>>;

/** One probe's cohort curve: at each mark any seed measured, the mean and range of those that did. */
export function cohortCurve(bySeed: SeedCurves, probe: string): { x: number; mean: number; min: number; max: number; seeds: number }[] {
  const seeds = Object.keys(bySeed);
  const xs = [...new Set(seeds.flatMap((s) => (bySeed[s]![probe] ?? []).map(([x]) => x)))].sort((a, b) => a - b);
  return xs.flatMap((x) => {
    const here = seeds.flatMap((s) => (bySeed[s]![probe] ?? []).filter(([at]) => at === x).map(([, a]) => a));
    const b = cohortBand(here);
    return b ? [{ x, mean: b.mean, min: b.min, max: b.max, seeds: b.members }] : [];
  });
}

const faint = (hex: string, alpha: number): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

/** The chart's series: chance, then per probe its mean, highest and lowest seed (a shaded band), and one thin line per seed. */
export function cohortChartLayout(probes: readonly { id: string; colour: string }[], seeds: readonly number[]): { series: LineSeries[]; bands: LineBand[] } {
  const series: LineSeries[] = [{ label: 'chance', colour: '#b9bec6', dash: [4, 4], points: false }];
  const bands: LineBand[] = [];
  for (const p of probes) {
    const at = series.length;
    series.push({ label: `${p.id} (mean of ${seeds.length} seeds)`, colour: p.colour, width: 3 },
      { label: `${p.id} highest seed`, colour: faint(p.colour, 0.3), width: 1, legend: false, points: false },
      { label: `${p.id} lowest seed`, colour: faint(p.colour, 0.3), width: 1, legend: false, points: false },
      ...seeds.map((s) => ({ label: `${p.id} seed ${s}`, colour: faint(p.colour, 0.55), width: 1, legend: false, points: false })));
    bands.push({ upper: at + 1, lower: at + 2, fill: faint(p.colour, 0.2) });
  }
  return { series, bands };
}

/** The chart's data for that layout: x, then one column per series. */
export function cohortChartData(probes: readonly string[], seeds: readonly number[], bySeed: SeedCurves): { x: number[]; y: (number | null)[][] } {
  const x = [...new Set(Object.values(bySeed).flatMap((c) => Object.values(c).flatMap((curve) => curve.map(([f]) => f))))].sort((a, b) => a - b);
  const at = (curve: Curve | undefined, f: number): number | null => curve?.find(([g]) => g === f)?.[1] ?? null;
  const y: (number | null)[][] = [x.map(() => 0.5)];
  for (const p of probes) {
    const cohort = cohortCurve(bySeed, p);
    const find = (f: number) => cohort.find((c) => c.x === f);
    y.push(x.map((f) => find(f)?.mean ?? null), x.map((f) => find(f)?.max ?? null), x.map((f) => find(f)?.min ?? null),
      ...seeds.map((s) => x.map((f) => at(bySeed[String(s)]?.[p], f))));
  }
  return { x, y };
}
