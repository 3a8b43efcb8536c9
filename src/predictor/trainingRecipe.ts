// The named training options beyond the shipped defaults (docs/predictor.md, *Training options*):
// weight averaging and a learning-rate decay for stability, a mirrored diet and short drops for
// the left/right bias and the low floats. All off: exactly the shipped training.
import { DEFAULT_DIET, type ExperienceDiet } from './experience';
import type { TrainOptions } from './trainer';

export interface TrainingRecipe {
  /** Decay of the weight average the checkpoints hold (0: the raw weights). */
  emaDecay: number;
  /** Learning rate ÷ sqrt(1 + frames / this) (0: constant). */
  learningRateDecayFrames: number;
  /** Half the episodes watched mirrored left–right. */
  mirror: boolean;
  /** A quarter of the episodes on a low step, a quarter with a lower shelf beside a platform. */
  shortDrops: boolean;
  /** A fifth of the objects on platforms set down straddling an edge and left alone. */
  edgeRests: boolean;
  /** Edge rests reach up to 95% of the object's width beyond the edge (about half tip off); with
   * `edgeRests` off it turns them on. */
  overhangs: boolean;
  /** Share of objects set on a surface that are held a little above it (0.03–0.4 m) and let go (0: none). */
  lowDrops: number;
}

export const SHIPPED_RECIPE: TrainingRecipe = { emaDecay: 0, learningRateDecayFrames: 0, mirror: false, shortDrops: false, edgeRests: false, overhangs: false, lowDrops: 0 };

/** `train --stable`: the steadiest set measured in docs/development.md (*Stability across seeds*);
 * the learning-rate decay is left out (it slowed learning without removing the failures). */
export const STABLE_RECIPE: TrainingRecipe = { emaDecay: 0.99, learningRateDecayFrames: 0, mirror: true, shortDrops: true, edgeRests: true, overhangs: false, lowDrops: 0 };

/** The diet a recipe trains on: the default with the mirror, short-drop, edge-rest and low-drop knobs set. */
export function recipeDiet(r: TrainingRecipe, base: ExperienceDiet = DEFAULT_DIET): ExperienceDiet {
  return {
    ...base,
    ...(r.mirror ? { mirror: 0.5 } : {}),
    ...(r.shortDrops ? { lowSteps: 0.25, lowerShelves: 0.25 } : {}),
    ...(r.edgeRests || r.overhangs ? { edgeRests: 0.2 } : {}),
    ...(r.overhangs ? { edgeRestReach: 0.95 } : {}),
    ...(r.lowDrops > 0 ? { lowDrops: r.lowDrops } : {}),
  };
}

/** The recipe's part of TrainOptions on top of a base diet (nothing set when it is the shipped one, so defaults stay defaults). */
export function recipeOptions(r: TrainingRecipe, base: ExperienceDiet = DEFAULT_DIET): Pick<TrainOptions, 'diet' | 'emaDecay' | 'learningRateDecayFrames'> {
  return {
    ...(r.mirror || r.shortDrops || r.edgeRests || r.overhangs || r.lowDrops > 0 ? { diet: recipeDiet(r, base) } : {}),
    ...(r.emaDecay > 0 ? { emaDecay: r.emaDecay } : {}),
    ...(r.learningRateDecayFrames > 0 ? { learningRateDecayFrames: r.learningRateDecayFrames } : {}),
  };
}

/** The `train` flags that give this recipe (empty for the shipped one). */
export function recipeFlags(r: TrainingRecipe): string {
  return [
    r.emaDecay > 0 ? ` --ema ${r.emaDecay}` : '',
    r.learningRateDecayFrames > 0 ? ` --lr-decay ${r.learningRateDecayFrames}` : '',
    r.mirror ? ' --mirror' : '',
    r.shortDrops ? ' --short-drops' : '',
    r.edgeRests ? ' --edge-rests' : '',
    r.overhangs ? ' --overhangs' : '',
    r.lowDrops > 0 ? ` --low-drops ${r.lowDrops}` : '',
  ].join('');
}
