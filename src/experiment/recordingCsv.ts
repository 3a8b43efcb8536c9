// Recordings as tidy CSV for R and pandas: one row per recording × frame × body (with each
// observer's surprise of that body), and a per-trial table (one row per recording × observer).
// The columns are documented in docs/data.md; the constants below are the single list of them.
import { SCORE_NAMES } from '../predictor/surprise';
import type { BodyState } from '../sim/snapshot';
import type { Recording } from './recording';
import { csvField, formatFixed, stateCells } from './trajectoryCsv';

/** The fixed columns of the frame table; one `surprise_<model>` column per observer follows. */
export const RECORDING_CSV_COLUMNS = [
  'recording', 'kind', 'run', 'trial', 'phase', 'scene', 'variant', 'condition', 'seed',
  'frame', 't', 'body', 'x', 'y', 'vx', 'vy', 'angle', 'angular_velocity', 'visible', 'present', 'looking',
] as const;
export const SURPRISE_COLUMN_PREFIX = 'surprise_';

/** The per-trial table: these columns, then any score a recording has beyond SCORE_NAMES, then looking. */
export const TRIALS_SUMMARY_LEADING_COLUMNS = [
  'recording', 'name', 'kind', 'run', 'run_name', 'trial', 'trial_count', 'phase', 'pair',
  'scene', 'scene_hash', 'variant', 'condition', 'seed', 'onset_frame', 'frames', 'started_at', 'app_version',
  'model', 'model_kind', 'checkpoint_hash', 'experience_frames', ...SCORE_NAMES,
] as const;
export const TRIALS_SUMMARY_TRAILING_COLUMNS = ['looking_s', 'looks'] as const;
/** The per-trial header when no recording carries an extra score. */
export const TRIALS_SUMMARY_COLUMNS = [...TRIALS_SUMMARY_LEADING_COLUMNS, ...TRIALS_SUMMARY_TRAILING_COLUMNS] as const;

/** Observer names over all recordings, in first-seen order: the surprise columns. */
export function surpriseModels(recordings: readonly Recording[]): string[] {
  const seen = new Set<string>();
  for (const r of recordings) for (const o of r.observers) seen.add(o.model);
  return [...seen];
}

export function recordingCsvHeader(recordings: readonly Recording[]): string[] {
  return [...RECORDING_CSV_COLUMNS, ...surpriseModels(recordings).map((m) => `${SURPRISE_COLUMN_PREFIX}${m}`)];
}

const cell = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : csvField(v));
const real = (v: number | null | undefined): string => (v === null || v === undefined ? '' : formatFixed(v));

/** Per frame: 1 inside a look, 0 outside; null when the recording has no looking data. */
function lookingFlags(r: Recording): Uint8Array | null {
  if (!r.looking) return null;
  const flags = new Uint8Array(r.snapshots.length);
  for (const [a, b] of r.looking.looks) flags.fill(1, a, Math.min(b, flags.length - 1) + 1);
  return flags;
}

/** One recording's rows (no header), frames in order, bodies in snapshot order. */
function recordingRows(r: Recording, models: readonly string[], out: string[]): void {
  const place = r.place;
  const fixed = [cell(r.id), r.kind, cell(place?.run_id), cell(place?.trial_index), cell(place?.phase), cell(r.meta.scene_id),
    cell(r.meta.variant), r.meta.condition, String(r.meta.seed)].join(',');
  // Own keys only: a body called "constructor" must not find Object.prototype's.
  const series = models.map((m) => {
    const o = r.observers.find((x) => x.model === m);
    return o ? new Map(Object.entries(o.per_body)) : null;
  });
  const looking = lookingFlags(r);
  for (const s of r.snapshots) {
    const head = `${fixed},${s.frame},${formatFixed(s.t)}`;
    const look = looking ? String(looking[s.frame] ?? 0) : '';
    for (const b of s.bodies) {
      const surprise = series.map((m) => real(m?.get(b.id)?.[s.frame]));
      out.push([head, csvField(b.id), ...stateCells(b as BodyState), b.visible ? '1' : '0', b.present ? '1' : '0', look, ...surprise].join(','));
    }
  }
}

/** The frame table for one or many recordings: header, then rows, each line ending in "\n". */
export function recordingsCsv(recordings: readonly Recording[]): string {
  const models = surpriseModels(recordings);
  const lines = [recordingCsvHeader(recordings).map(csvField).join(',')];
  for (const r of recordings) recordingRows(r, models, lines);
  return `${lines.join('\n')}\n`;
}

/** Scores beyond the standard ones (SCORE_NAMES), in first-seen order. */
function extraScores(recordings: readonly Recording[]): string[] {
  const standard = new Set<string>(SCORE_NAMES);
  const seen = new Set<string>();
  for (const r of recordings) for (const o of r.observers) for (const k of Object.keys(o.scores)) if (!standard.has(k)) seen.add(k);
  return [...seen];
}

/** One row per recording × observer (a recording without observers still gets one row, for its
 * looking time): the trial's facts, the observer's scores, and the looking seconds. */
export function trialsSummaryCsv(recordings: readonly Recording[]): string {
  const extra = extraScores(recordings);
  const scoreNames = [...SCORE_NAMES, ...extra];
  const header = [...TRIALS_SUMMARY_LEADING_COLUMNS, ...extra, ...TRIALS_SUMMARY_TRAILING_COLUMNS];
  const lines = [header.map(csvField).join(',')];
  for (const r of recordings) {
    const p = r.place, m = r.meta;
    const facts = [cell(r.id), cell(r.name), r.kind, cell(p?.run_id), cell(p?.run_name), cell(p?.trial_index), cell(p?.trial_count), cell(p?.phase), cell(p?.pair),
      cell(m.scene_id), m.scene_hash, cell(m.variant), m.condition, String(m.seed), cell(m.onset_frame), String(r.snapshots.length), cell(m.started_at), cell(m.app_version)];
    const looking = r.looking ? [formatFixed(r.looking.seconds), String(r.looking.looks.length)] : ['', ''];
    const observers = r.observers.length > 0 ? r.observers : [null];
    for (const o of observers) {
      const scores = new Map(Object.entries(o?.scores ?? {}));
      const model = o ? [cell(o.model), o.kind, cell(o.checkpoint_hash), cell(o.experience_frames)] : ['', '', '', ''];
      lines.push([...facts, ...model, ...scoreNames.map((k) => real(scores.get(k))), ...looking].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
