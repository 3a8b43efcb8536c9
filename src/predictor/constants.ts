// Constants of the surprise measure, shared by the batch and the live computation.

/** Rollout horizon: 20 steps = 1/3 s. Long enough that a landing's impact is predicted, not a
 * one-step shock; short enough that the contrast after a violation is not blurred. */
export const HORIZON = 20;
/** Positional noise floor (m): an observer cannot see finer than 1 cm. */
export const POSITION_NOISE_M = 0.01;
/** Surprise per frame of an object expected in plain view and not there (or there and not
 * expected, for the oracle): that of a 10 cm miss at the noise floor, ½·(0.1/0.01)². */
export const MISSING_SURPRISE = 50;
/** A hidden object is kept in mind while the chance that it is hidden, under the observer's own
 * prediction, is at least this; below it the object is taken to be gone (its absence was scored). */
export const KEEP_HIDDEN_PROBABILITY = 0.01;
