// A two-stage (cluster) bootstrap for a concept's score: resample the concept's scenes, then pairs within each.
//
// A concept's scenes are different events, not more pairs of one event: pooling their pairs as if
// independent lets one easy scene hide a failed one (a 0.00 scene and a 0.95 scene pool to 0.47
// with a narrow interval). Resampling scenes first puts the between-scene spread into the interval
// (Davison & Hinkley 1997, §3.8; Field & Welsh 2007); resampling pairs second keeps the within-scene
// spread. The statistic is the mean over scenes of each scene's accuracy, so every scene weighs the
// same however many pairs it has. Seeded: the same seed gives the same interval in Node and Chromium.
import { createRng } from '../sim/rng';

/** Mean over scenes of the scenes' mean credit (1 win, ½ tie, 0 loss per pair). */
export function meanOfSceneMeans(scenes: readonly (readonly number[])[]): number {
  if (scenes.length === 0 || scenes.some((s) => s.length === 0)) throw new Error('a concept score needs at least one scene, each with at least one pair');
  return scenes.reduce((s, pairs) => s + pairs.reduce((a, x) => a + x, 0) / pairs.length, 0) / scenes.length;
}

/** 95% percentile interval of meanOfSceneMeans over `resamples` two-stage resamples. */
export function sceneThenPairBootstrap(scenes: readonly (readonly number[])[], seed: number, resamples = 2000): [number, number] {
  meanOfSceneMeans(scenes); // checks the input
  const rng = createRng(seed);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let s = 0; s < scenes.length; s++) {
      const pairs = scenes[rng.int(0, scenes.length - 1)]!;
      let sum = 0;
      for (let k = 0; k < pairs.length; k++) sum += pairs[rng.int(0, pairs.length - 1)]!;
      total += sum / pairs.length;
    }
    stats.push(total / scenes.length);
  }
  stats.sort((a, b) => a - b);
  const at = (q: number): number => stats[Math.min(stats.length - 1, Math.max(0, Math.floor(q * stats.length)))]!;
  return [at(0.025), at(0.975)];
}
