// What "on track" means for a rolled-out prediction: a moving object within a tolerance of where it
// really is. One definition for `lab diverge` (divergence.ts) and the playground's ghost (ghostDivergence.ts).

/** The default tolerance: 5 cm, about a fifth of the toy car's length. */
export const ON_TRACK_TOLERANCE_M = 0.05;

/** Distance (m) between a predicted and a real position. Math.sqrt, not Math.hypot: IEEE 754
 * rounds sqrt exactly in every engine, so Node and the browser agree to the bit. */
export const offBy = (px: number, py: number, rx: number, ry: number): number => {
  const dx = px - rx;
  const dy = py - ry;
  return Math.sqrt(dx * dx + dy * dy);
};

/** Whether a distance has left the track (strictly beyond the tolerance, as `lab diverge` counts). */
export const leftTrack = (distance: number, tolerance: number = ON_TRACK_TOLERANCE_M): boolean => distance > tolerance;
