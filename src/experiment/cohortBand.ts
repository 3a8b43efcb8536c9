// A cohort as one observer: its surprise is the mean over its seeds, with the band from the lowest
// to the highest seed. Sums run in member (seed) order, so the numbers are the same in Node and Chromium.

/** One frame (or one score) of a cohort: the mean over its members and their range. */
export interface CohortBand { mean: number; min: number; max: number; members: number }

/** The mean and min–max of the members' values; null if any member has no value there (all
 * members share the horizon and the view, so they have values at the same frames). */
export function cohortBand(values: readonly (number | null | undefined)[]): CohortBand | null {
  if (values.length === 0) return null;
  let sum = 0, min = Number.POSITIVE_INFINITY, max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { mean: sum / values.length, min, max, members: values.length };
}

/** Per body: the mean over the members of each body's surprise (bodies every member scored). */
export function cohortPerBody(perMember: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  const first = perMember[0];
  if (!first) return out;
  for (const id of first.keys()) {
    const b = cohortBand(perMember.map((m) => m.get(id)));
    if (b) out.set(id, b.mean);
  }
  return out;
}

/** Whole curves (one array per member, same length): the mean, the lowest and the highest per frame
 * (NaN where any member has none). */
export function cohortCurves(curves: readonly ArrayLike<number>[]): { mean: Float64Array; min: Float64Array; max: Float64Array } {
  const n = curves[0]?.length ?? 0;
  const mean = new Float64Array(n), min = new Float64Array(n), max = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const b = cohortBand(curves.map((c) => c[t]));
    mean[t] = b ? b.mean : Number.NaN;
    min[t] = b ? b.min : Number.NaN;
    max[t] = b ? b.max : Number.NaN;
  }
  return { mean, min, max };
}
