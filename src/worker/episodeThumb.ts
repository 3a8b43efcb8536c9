// Packs a watched episode into a small, transferable thumbnail: body shapes once, then x, y and
// angle of each body on every other frame.
import type { Observation } from '../predictor/observation';
import type { WorldSpec } from '../sim/spec';
import type { EpisodeThumb } from './protocol';

export function episodeThumb(frames: readonly Observation[], spec: Pick<WorldSpec, 'width' | 'height'> & Partial<Pick<WorldSpec, 'occluders'>>, every = 2): EpisodeThumb {
  const first = frames[0] ?? [];
  const ids = first.map((o) => o.id);
  const shown = Math.ceil(frames.length / every);
  const poses = new Float32Array(shown * ids.length * 3).fill(NaN);
  for (let f = 0, k = 0; f < frames.length; f += every, k++) {
    for (const o of frames[f]!) {
      const i = ids.indexOf(o.id);
      if (i < 0) continue;
      poses.set([o.x, o.y, o.angle], (k * ids.length + i) * 3);
    }
  }
  return {
    width: spec.width, height: spec.height, frames: shown, poses,
    screens: (spec.occluders ?? []).map((o) => ({ x: o.x, y: o.y, width: o.width, height: o.height })),
    bodies: first.map((o) => ({ kind: o.kind, width: o.width, height: o.height, isStatic: o.isStatic })),
  };
}
