// The planner's cost: how far from the middle of the target's mouth an object's path comes down.
import type { Point, TargetZone } from './planProblem';

/** Euclidean length through Math.sqrt, which IEEE 754 rounds exactly in every engine (Math.hypot's
 * last bit may differ between engines, and plans must replay the same in Node and the browser). */
export const distance = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

/** What a path's cost rests on. */
export interface PathVerdict {
  /** m: at the crossing, |entry x − middle of the mouth|; for a path that never comes down through
   * the mouth's height, its closest approach to the middle of the mouth (always > 0 then). */
  cost: number;
  /** x (m) where the object's centre first came down through the mouth's height; null if never. */
  entryX: number | null;
  /** Index of the path point at the crossing (or at the closest approach). */
  at: number;
  /** The entry lies where the whole object fits through the mouth. */
  inside: boolean;
}

/** Watches a path point by point, the same way for every observer's predicted path and the real one.
 *
 * The cost is taken where the object comes down through the height of the basket's rim (its centre
 * at rim top + half its height), not where it comes to rest: where a falling object lands depends on
 * its speed at the edge and on gravity, which a learner that watched falls can predict; what it does
 * after landing (rolling on, sliding to a stop) depends on friction and rolling resistance, which it
 * cannot see (docs/divergence.md), and a basket's walls take care of that part anyway.
 *
 * The cost is the distance to the middle of the mouth rather than zero anywhere inside: among
 * entries a model thinks are inside, the middle leaves the most room for the model's own error. */
export class MouthWatch {
  /** Height of the object's centre when its bottom is level with the rim top (m). */
  readonly lineY: number;
  readonly middleX: number;
  /** Largest |entry x − middle| at which the whole object fits through the mouth (m). */
  readonly slack: number;
  private prev: Point | null = null;
  private count = 0;
  private best: PathVerdict = { cost: Number.POSITIVE_INFINITY, entryX: null, at: -1, inside: false };
  private crossed = false;

  constructor(zone: TargetZone, halfWidth: number, halfHeight: number) {
    this.lineY = zone.y + zone.height + halfHeight;
    this.middleX = (zone.xMin + zone.xMax) / 2;
    this.slack = Math.max(0, (zone.xMax - zone.xMin) / 2 - halfWidth);
  }

  /** True once the path has come down through the mouth line: later points change nothing. */
  get done(): boolean {
    return this.crossed;
  }

  /** Adds the next point of the path; returns `done`. */
  add(p: Point): boolean {
    if (this.crossed) return true;
    const i = this.count++;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      // A prediction that blew up: nothing after it can be trusted.
      this.crossed = true;
      return true;
    }
    const prev = this.prev;
    this.prev = p;
    if (prev && prev.y > this.lineY && p.y <= this.lineY) {
      const f = (prev.y - this.lineY) / (prev.y - p.y);
      const x = prev.x + f * (p.x - prev.x);
      const cost = Math.abs(x - this.middleX);
      this.best = { cost, entryX: x, at: i, inside: cost <= this.slack };
      this.crossed = true;
      return true;
    }
    const d = distance(p.x - this.middleX, p.y - this.lineY);
    if (d < this.best.cost) this.best = { cost: d, entryX: null, at: i, inside: false };
    return false;
  }

  verdict(): PathVerdict {
    return { ...this.best };
  }
}

/** The verdict on a whole path. */
export function judgePath(path: readonly Point[], zone: TargetZone, halfWidth: number, halfHeight: number): PathVerdict {
  const watch = new MouthWatch(zone, halfWidth, halfHeight);
  for (const p of path) if (watch.add(p)) break;
  return watch.verdict();
}
