// The plausible ranges of a recording's numbers (docs/data.md, "Bounds"): far wider than anything the
// simulator writes, narrow enough that drawing and charting stay cheap. An imported file outside them
// is refused by JSON path before anything is drawn.
import { z } from 'zod';

/** |x|, |y| of a body's centre (m). Scenes place bodies within ±10,000 m; bodies that leave the
 * world are removed 2 m past its sides and bottom; only a launch straight up goes further. */
export const MAX_POSITION_M = 1e7;
/** |vx|, |vy| (m/s). */
export const MAX_SPEED_M_S = 1e5;
/** Width and height (m): scene sizes are at most 10,000 m, and a `resize` scales by at most 100. */
export const MAX_SIZE_M = 1e6;
/** |angle| (rad): ten minutes spinning at 1,000 rad/s. */
export const MAX_ANGLE_RAD = 1e6;
/** |angular velocity| (rad/s). */
export const MAX_SPIN_RAD_S = 1e4;
/** Time since the start (s): scenes last at most 600 s; free play may run longer. */
export const MAX_TIME_S = 1e6;
/** Longest id and name (characters); an imported copy's suffix stays within it. */
export const MAX_ID_LENGTH = 200;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A finite number with |value| ≤ max; the message states the range. */
export const within = (max: number, unit: string): z.ZodType<number> =>
  finite.refine((v) => Math.abs(v) <= max, `must be within ±${max.toExponential(0)} ${unit}`);

/** A size: 0 ≤ value ≤ max. */
export const sizeUpTo = (max: number): z.ZodType<number> =>
  finite.refine((v) => v >= 0 && v <= max, `must be from 0 to ${max.toExponential(0)} m`);
