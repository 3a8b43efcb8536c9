// Experience diets with names, for `train --diet NAME`: the default, and diets written for a learner
// that must find contact from raw geometry (docs/predictor.md, *Support from raw geometry*).
import { DEFAULT_DIET, type ExperienceDiet } from './experience';

/** Rich in edges and landings: nearly every object starts on a platform and is pushed toward its
 * nearest edge, or is held a little above a surface and let go; most watched frames are events. */
export const EDGES_DIET: ExperienceDiet = {
  ...DEFAULT_DIET, onPlatform: 0.9, drops: 0.2, tosses: 0.05, edgePushes: 0.95, collisions: 0.1, eventFocus: 0.8, lowDrops: 0.3,
};

export const NAMED_DIETS: Readonly<Record<string, ExperienceDiet>> = { default: DEFAULT_DIET, edges: EDGES_DIET };
