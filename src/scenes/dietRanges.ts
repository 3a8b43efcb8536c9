// The ranges the learner's experience diet draws from (src/predictor/experience.ts reads its numbers
// here, so this table cannot drift from what the learner saw); held-out scene splits go outside them.

export interface DietRange {
  min: number;
  max: number;
  unit: string;
  /** What the range is of, for a person. */
  what: string;
}

export const DIET_RANGES = {
  'platform-height': { min: 0.25, max: 1.6, unit: 'm', what: 'platform top above the floor' },
  'platform-width': { min: 0.5, max: 2.6, unit: 'm', what: 'platform width' },
  'low-step-height': { min: 0.1, max: 0.35, unit: 'm', what: 'top of a low step above the floor (diets with lowSteps only)' },
  'shelf-drop': { min: 0.1, max: 0.35, unit: 'm', what: 'how far a lower shelf beside a platform sits below its top (diets with lowerShelves only)' },
  'box-size': { min: 0.15, max: 0.6, unit: 'm', what: 'box width and height' },
  'box-friction-low': { min: 0, max: 0.004, unit: '', what: 'box friction, 60% of boxes' },
  'box-friction': { min: 0.004, max: 0.05, unit: '', what: 'box friction, the other 40%' },
  'box-restitution': { min: 0, max: 0.15, unit: '', what: 'box restitution' },
  'ball-radius': { min: 0.08, max: 0.3, unit: 'm', what: 'ball radius' },
  'ball-friction': { min: 0.002, max: 0.02, unit: '', what: 'ball friction' },
  'ball-restitution': { min: 0, max: 0.5, unit: '', what: 'ball restitution' },
  'car-width': { min: 0.3, max: 0.7, unit: 'm', what: 'car width' },
  'car-height': { min: 0.15, max: 0.35, unit: 'm', what: 'car height (at most 0.7 × its width)' },
  'car-wheel-share': { min: 0.22, max: 0.3, unit: '', what: 'wheel radius / car height' },
  'car-rolling-resistance': { min: 0.1, max: 0.6, unit: 'm/s²', what: 'car rolling resistance' },
  density: { min: 5, max: 20, unit: 'kg/m²', what: 'density of every object' },
  'push-speed': { min: 0.25, max: 3.2, unit: 'm/s', what: 'speed of a hand\'s push (log-uniform)' },
  'collision-speed': { min: 1, max: 3, unit: 'm/s', what: 'speed of a push into another object' },
  'drop-height': { min: 0.4, max: 2.6, unit: 'm', what: 'height above the floor an object is let go from' },
  'low-drop-height': { min: 0.03, max: 0.4, unit: 'm', what: 'gap below an object held just above its surface and let go (diet knob lowDrops, absent by default)' },
  'roll-speed': { min: 0.6, max: 2.5, unit: 'm/s', what: 'speed a ball is set rolling at in ball play (diet knob ballPlay only)' },
  'ball-play-gap': { min: 0.3, max: 3, unit: 'm', what: 'clear gap between a ball set rolling and the one it rolls at (ballPlay only)' },
  'ball-play-restitution': { min: 0.3, max: 0.95, unit: '', what: 'ball restitution in ball play (ballPlay only)' },
  'toss-over-vy': { min: 1.5, max: 3.5, unit: 'm/s', what: 'upward speed of a ball tossed over another (ballPlay only)' },
  'side-wall-height': { min: 0.3, max: 1.2, unit: 'm', what: 'height of the walls at the ends of the floor (ballPlay only)' },
  'thin-shelf-width': { min: 0.8, max: 3, unit: 'm', what: 'width of a thin shelf in the air (ballPlay only)' },
  'thin-shelf-thickness': { min: 0.04, max: 0.12, unit: 'm', what: 'thickness of a thin shelf (ballPlay only)' },
  'thin-shelf-height': { min: 0.5, max: 1.4, unit: 'm', what: 'top of a thin shelf above the floor (ballPlay only)' },
  'toss-vx': { min: -3, max: 3, unit: 'm/s', what: 'horizontal speed of a throw' },
  'toss-vy': { min: -1, max: 4, unit: 'm/s', what: 'vertical speed of a throw' },
} as const satisfies Record<string, DietRange>;

export type DietRangeName = keyof typeof DIET_RANGES;

/** How a held-out range sits against the diet's: fully outside it, overlapping it, or inside it. */
export function heldoutRelation(heldout: { min: number; max: number }, diet: { min: number; max: number }): 'outside' | 'overlaps' | 'inside' {
  if (heldout.max < diet.min || heldout.min > diet.max) return 'outside';
  if (heldout.min >= diet.min && heldout.max <= diet.max) return 'inside';
  return 'overlaps';
}
