// Formats simulation snapshots as the tidy trajectory CSV (one row per frame and body), byte-stable.
import type { BodyState, WorldSnapshot } from '../sim/snapshot';

export const TRAJECTORY_CSV_COLUMNS = [
  'frame', 't', 'body', 'x', 'y', 'vx', 'vy', 'angle', 'angular_velocity', 'visible', 'surprise',
] as const;
export const TRAJECTORY_CSV_HEADER = TRAJECTORY_CSV_COLUMNS.join(',');
/** Appended on request (`run --sizes`): each body's outline, which a resize or reshape changes. */
export const SIZE_CSV_COLUMNS = ['width', 'height'] as const;

export interface TrajectoryCsvOptions {
  /** Add the width and height columns (m; empty while the body is absent). */
  sizes?: boolean;
}

/** Decimals for every real-valued column: micrometres, micro-radians, microseconds. */
export const CSV_DECIMALS = 6;

/** Surprise of one body at one frame; undefined (or a non-finite number) leaves the cell empty. */
export type SurpriseLookup = (frame: number, bodyId: string) => number | undefined;

/** A number with a fixed count of decimals. `toFixed` is exactly specified by ECMAScript, so the
 * text is the same in every engine; "-0.000000" is written as "0.000000"; non-finite is empty. */
export function formatFixed(value: number, decimals = CSV_DECIMALS): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** The CSV rows (no header, no newlines) for one snapshot, bodies in scene order.
 * A body that is absent (vanished, or not yet appeared) takes no part in physics and has no
 * state: its row keeps frame, t, body and visible=0, and leaves the state cells empty. */
export function trajectoryCsvRows(snapshot: WorldSnapshot, surprise?: SurpriseLookup, options: TrajectoryCsvOptions = {}): string[] {
  const frame = String(snapshot.frame);
  const t = formatFixed(snapshot.t);
  return snapshot.bodies.map((b) => {
    const s = surprise?.(snapshot.frame, b.id);
    const surpriseCell = s === undefined ? '' : formatFixed(s);
    const cells = [frame, t, csvField(b.id), ...stateCells(b), b.visible ? '1' : '0', surpriseCell];
    if (options.sizes) cells.push(...(b.present ? [formatFixed(b.width), formatFixed(b.height)] : ['', '']));
    return cells.join(',');
  });
}

/** The whole CSV: header, then every snapshot's rows, each line ending in "\n". */
export function trajectoryCsv(snapshots: readonly WorldSnapshot[], surprise?: SurpriseLookup, options: TrajectoryCsvOptions = {}): string {
  const lines = [options.sizes ? [TRAJECTORY_CSV_HEADER, ...SIZE_CSV_COLUMNS].join(',') : TRAJECTORY_CSV_HEADER];
  for (const snapshot of snapshots) lines.push(...trajectoryCsvRows(snapshot, surprise, options));
  return `${lines.join('\n')}\n`;
}

/** x, y, vx, vy, angle, angular_velocity of a body; six empty cells while it is absent. */
export function stateCells(b: BodyState): string[] {
  if (!b.present) return ['', '', '', '', '', ''];
  return [b.x, b.y, b.vx, b.vy, b.angle, b.angularVelocity].map((v) => formatFixed(v));
}

/** Scene ids cannot hold commas or quotes, but bodies added in free play might: quote per RFC 4180. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
