// The one boundary between SI units (metres, seconds, y up) and matter-js's pixel frame (y down).

/** Pixels per metre inside matter-js. Chosen so that everyday objects (0.1–2 m) sit in the
 * size range matter-js's collision tolerances were tuned for. */
export const PX_PER_M = 100;
/** The fixed physics step, seconds. */
export const STEP_S = 1 / 60;
/** matter-js reports velocities per "base step" of 1000/60 ms, whatever the delta. */
const BASE_STEP_S = 1 / 60;

export interface WorldFrame {
  /** World height in metres: needed to flip y. */
  readonly heightM: number;
}

export const toPxX = (xM: number): number => xM * PX_PER_M;
export const toPxY = (frame: WorldFrame, yM: number): number => (frame.heightM - yM) * PX_PER_M;
export const toPxLength = (m: number): number => m * PX_PER_M;
export const fromPxX = (xPx: number): number => xPx / PX_PER_M;
export const fromPxY = (frame: WorldFrame, yPx: number): number => frame.heightM - yPx / PX_PER_M;
export const fromPxLength = (px: number): number => px / PX_PER_M;

/** SI velocity (m/s, y up) → matter-js velocity (px per base step, y down). */
export const toPxVelocity = (vx: number, vy: number): { x: number; y: number } => ({
  x: vx * PX_PER_M * BASE_STEP_S,
  y: -vy * PX_PER_M * BASE_STEP_S,
});
/** matter-js velocity → SI (m/s, y up). */
export const fromPxVelocity = (v: { x: number; y: number }): { vx: number; vy: number } => ({
  vx: v.x / (PX_PER_M * BASE_STEP_S),
  vy: -v.y / (PX_PER_M * BASE_STEP_S),
});
/** Angles: matter-js turns clockwise on screen for positive angles (y down); SI is counter-clockwise. */
export const fromPxAngle = (a: number): number => -a;
export const toPxAngle = (a: number): number => -a;
export const fromPxAngularVelocity = (w: number): number => -w / BASE_STEP_S;
export const toPxAngularVelocity = (w: number): number => -w * BASE_STEP_S;

/** matter-js gravity: acceleration in px/ms² is gravity.y × gravity.scale. */
export const gravityScaleFor = (gMps2: number): number => (gMps2 * PX_PER_M) / 1e6;
