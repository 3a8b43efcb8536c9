// How much of the world's height a scene uses: the highest point any body or screen reaches in a
// trial (both conditions), plus headroom. The camera fits that band instead of the whole sky, so a
// scene that happens near the floor fills its stage. Pure: spec and snapshots in, metres out.
import type { WorldSnapshot } from '../sim/snapshot';
import type { WorldSpec } from '../sim/spec';
import { occluderRectAt } from '../sim/occluders';

/** Free space kept above the highest point: a share of it, and never less than this (m). */
const HEADROOM_SHARE = 0.3;
const MIN_HEADROOM_M = 0.5;

/** Top of a body's rotated box (m). */
function topOf(b: { y: number; width: number; height: number; angle: number }): number {
  const c = Math.abs(Math.cos(b.angle));
  const s = Math.abs(Math.sin(b.angle));
  return b.y + (b.width * s + b.height * c) / 2;
}

/** The height (m, from the floor up) the camera should show; at most the world's height. */
export function usedHeight(world: WorldSpec, trials: readonly (readonly WorldSnapshot[])[]): number {
  let top = 0;
  for (const snaps of trials) {
    for (const snap of snaps) {
      // A wall that reaches the top of the world bounds it; it is not something to look at.
      for (const b of snap.bodies) if (b.present && !(b.kind === 'wall' && topOf(b) >= world.height - 1e-6)) top = Math.max(top, topOf(b));
      for (const o of world.occluders) {
        const r = occluderRectAt(o, snap.frame);
        top = Math.max(top, r.y + r.height / 2);
      }
    }
  }
  const wanted = top + Math.max(MIN_HEADROOM_M, HEADROOM_SHARE * top);
  return Math.min(world.height, Math.max(wanted, world.height / 3));
}
