// The recordings' CSV tables: the documented header, one row per frame × body, values equal to the
// snapshots and the observers' per-body surprise, RFC 4180 quoting, the union of observers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/experiment/recording';
import {
  RECORDING_CSV_COLUMNS, TRIALS_SUMMARY_COLUMNS, recordingsCsv, trialsSummaryCsv,
} from '../../src/experiment/recordingCsv';
import { formatFixed } from '../../src/experiment/trajectoryCsv';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { SCORE_NAMES } from '../../src/predictor/surprise';
import { readRepoFile } from './support/trials';
import { ORACLE, recordTrial } from './support/recordings';

let both: Recording;
let cvOnly: Recording;

beforeAll(() => {
  both = recordTrial({ condition: 'impossible', observers: [new ConstantVelocityPredictor(), ORACLE], run: { id: 'run-1', name: 'Pilot', index: 0, count: 2 } });
  cvOnly = recordTrial({ condition: 'possible', variant: 3, frames: 90 });
});

/** RFC 4180 reader, enough for these files: quoted fields with "" inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  return rows;
}

/** The same recording with one body renamed everywhere it appears. */
function renamed(rec: Recording, from: string, to: string): Recording {
  const copy = structuredClone(rec);
  for (const s of copy.snapshots) for (const b of s.bodies) if (b.id === from) b.id = to;
  for (const e of copy.events) if (e.body === from) e.body = to;
  for (const o of copy.observers) {
    const series = o.per_body[from];
    if (series) { delete o.per_body[from]; o.per_body[to] = series; }
  }
  return copy;
}

describe('recordings CSV (one row per frame × body)', () => {
  it('has the documented header: the fixed columns, then one surprise column per observer', () => {
    const rows = parseCsv(recordingsCsv([both]));
    expect(rows[0]).toEqual([...RECORDING_CSV_COLUMNS, 'surprise_constant-velocity', 'surprise_oracle']);
    // docs/data.md lists every fixed column, in this order.
    const doc = readRepoFile('docs/data.md');
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    const at = documented.indexOf('recording');
    expect(documented.slice(at, at + RECORDING_CSV_COLUMNS.length)).toEqual([...RECORDING_CSV_COLUMNS]);
  });

  it('writes one row per frame and body, and the values are the snapshots and the surprise', () => {
    const csv = recordingsCsv([both, cvOnly]);
    const rows = parseCsv(csv);
    const expected = [both, cvOnly].reduce((n, r) => n + r.snapshots.reduce((m, s) => m + s.bodies.length, 0), 0);
    expect(rows.length - 1).toBe(expected);
    expect(csv.endsWith('\n')).toBe(true);
    const col = (name: string): number => rows[0]!.indexOf(name);
    const frame = 120;
    const snap = both.snapshots[frame]!;
    const carIndex = snap.bodies.findIndex((b) => b.id === 'car');
    const row = rows.find((r) => r[col('recording')] === both.id && r[col('frame')] === String(frame) && r[col('body')] === 'car')!;
    const car = snap.bodies[carIndex]!;
    expect(row.slice(0, col('frame'))).toEqual([both.id, 'trial', 'run-1', '0', 'test', 'car-off-platform', '', 'impossible', '7']);
    expect(row[col('t')]).toBe(formatFixed(snap.t));
    expect([col('x'), col('y'), col('vx'), col('vy'), col('angle'), col('angular_velocity')].map((c) => row[c]))
      .toEqual([car.x, car.y, car.vx, car.vy, car.angle, car.angularVelocity].map((v) => formatFixed(v)));
    expect([row[col('visible')], row[col('present')], row[col('looking')]]).toEqual(['1', '1', '']);
    const cv = both.observers[0]!.per_body.car![frame]!;
    const oracle = both.observers[1]!.per_body.car![frame]!;
    expect(cv).not.toBeNull();
    expect(row[col('surprise_constant-velocity')]).toBe(formatFixed(cv));
    expect(row[col('surprise_oracle')]).toBe(formatFixed(oracle));
    // Static bodies have no surprise: empty cells, not zeros.
    const floor = rows.find((r) => r[col('recording')] === both.id && r[col('frame')] === String(frame) && r[col('body')] === 'floor')!;
    expect(floor[col('surprise_constant-velocity')]).toBe('');
    // Before the observer's horizon, surprise is undefined: empty.
    const early = rows.find((r) => r[col('recording')] === both.id && r[col('frame')] === '2' && r[col('body')] === 'car')!;
    expect(early[col('surprise_constant-velocity')]).toBe('');
  });

  it('sums of per-body surprise are the observer totals (so a per-frame table can be rebuilt)', () => {
    const rows = parseCsv(recordingsCsv([both]));
    const frameCol = rows[0]!.indexOf('frame');
    both.observers.forEach((observer) => {
      const col = rows[0]!.indexOf(`surprise_${observer.model}`);
      const sums = new Map<number, number>();
      for (const r of rows.slice(1)) if (r[col] !== '') sums.set(Number(r[frameCol]), (sums.get(Number(r[frameCol])) ?? 0) + Number(r[col]));
      expect(sums.size).toBe(observer.total.filter((v) => v !== null).length);
      for (const [f, s] of sums) expect(s).toBeCloseTo(observer.total[f]!, 3);
    });
  });

  it('quotes odd body ids (commas, quotes, line breaks) per RFC 4180', () => {
    const odd = 'car, "red"\nnew';
    const rec = renamed(cvOnly, 'car', odd);
    const csv = recordingsCsv([rec]);
    expect(csv).toContain('"car, ""red""\nnew"');
    const rows = parseCsv(csv);
    const col = (name: string): number => rows[0]!.indexOf(name);
    const row = rows.find((r) => r[col('body')] === odd && r[col('frame')] === '60')!;
    expect(row).toHaveLength(rows[0]!.length);
    expect(row[col('x')]).toBe(formatFixed(rec.snapshots[60]!.bodies.find((b) => b.id === odd)!.x));
    expect(row[col('surprise_constant-velocity')]).toBe(formatFixed(rec.observers[0]!.per_body[odd]![60]!));
  });

  it('takes the union of observers in first-seen order, leaving cells empty where a recording lacks one', () => {
    const rows = parseCsv(recordingsCsv([cvOnly, both]));
    expect(rows[0]!.slice(RECORDING_CSV_COLUMNS.length)).toEqual(['surprise_constant-velocity', 'surprise_oracle']);
    const col = (name: string): number => rows[0]!.indexOf(name);
    const late = rows.filter((r) => r[col('recording')] === cvOnly.id && r[col('body')] === 'car' && Number(r[col('frame')]) >= 30);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r[col('surprise_oracle')] === '' && r[col('surprise_constant-velocity')] !== '')).toBe(true);
    expect(late.every((r) => r[col('run')] === '' && r[col('trial')] === '' && r[col('variant')] === '3')).toBe(true);
  });

  it('marks looking frames 1 and the rest 0 when looking was recorded', () => {
    const rec = { ...cvOnly, looking: { key: 'L', seconds: 11 / 60, looks: [[10, 20]] as [number, number][] } };
    const rows = parseCsv(recordingsCsv([rec]));
    const col = (name: string): number => rows[0]!.indexOf(name);
    const lookOf = (f: number): string => rows.find((r) => r[col('frame')] === String(f))![col('looking')]!;
    expect([9, 10, 15, 20, 21].map(lookOf)).toEqual(['0', '1', '1', '1', '0']);
  });
});

describe('trials summary CSV (one row per recording × observer)', () => {
  it('has the documented header and one row per recording and observer, with the scores', () => {
    const rows = parseCsv(trialsSummaryCsv([both, cvOnly]));
    expect(rows[0]).toEqual([...TRIALS_SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(1 + 2 + 1);
    const col = (name: string): number => rows[0]!.indexOf(name);
    expect(rows.slice(1).map((r) => [r[col('recording')], r[col('model')]])).toEqual([[both.id, 'constant-velocity'], [both.id, 'oracle'], [cvOnly.id, 'constant-velocity']]);
    const oracle = rows[2]!;
    for (const name of SCORE_NAMES) expect(oracle[col(name)]).toBe(formatFixed(both.observers[1]!.scores[name]!));
    expect([oracle[col('run_name')], oracle[col('trial')], oracle[col('trial_count')], oracle[col('phase')], oracle[col('frames')]]).toEqual(['Pilot', '0', '2', 'test', String(both.snapshots.length)]);
    expect([oracle[col('experience_frames')], rows[1]![col('experience_frames')]]).toEqual(['', '0']);
    expect([oracle[col('looking_s')], oracle[col('looks')]]).toEqual(['', '']);
    const doc = readRepoFile('docs/data.md');
    for (const name of TRIALS_SUMMARY_COLUMNS) expect(doc).toContain(`\`${name}\``);
  });

  it('keeps a recording without observers (one row, for its looking time) and extra scores as extra columns', () => {
    const looked = { ...cvOnly, id: 'looked', observers: [], looking: { key: 'L', seconds: 1.5, looks: [[0, 44], [50, 94]] as [number, number][] } };
    const extra = { ...both, observers: [{ ...both.observers[0]!, scores: { ...both.observers[0]!.scores, my_score: 4.25 } }] };
    const rows = parseCsv(trialsSummaryCsv([looked, extra]));
    const col = (name: string): number => rows[0]!.indexOf(name);
    expect(col('my_score')).toBe(TRIALS_SUMMARY_COLUMNS.length - 2);
    expect([rows[1]![col('model')], rows[1]![col('looking_s')], rows[1]![col('looks')], rows[1]![col('my_score')]]).toEqual(['', '1.500000', '2', '']);
    expect(rows[2]![col('my_score')]).toBe('4.250000');
  });
});
