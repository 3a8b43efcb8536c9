// Constants of the surprise measure, shared by the batch and the live computation.

/** Rollout horizon: 20 steps = 1/3 s. Long enough that a landing's impact is predicted, not a
 * one-step shock; short enough that the contrast after a violation is not blurred. */
export const HORIZON = 20;
/** Positional noise floor (m): an observer cannot see finer than 1 cm. */
export const POSITION_NOISE_M = 0.01;
