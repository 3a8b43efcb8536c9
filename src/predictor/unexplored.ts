// Where the observer has never looked: the parts of the window that have stood behind a screen at
// every frame so far. Only there (and outside the window) can an object it has never seen be.
import type { Rect } from '../sim/occluders';

/** Overlapping screens can split the unexplored space into many pieces; beyond this many (never
 * reached by any shipped scene) the smallest are forgotten, which can only make an appearance more
 * surprising, never less. */
const MAX_PIECES = 64;

const edges = (r: Rect) => ({ l: r.x - r.width / 2, r: r.x + r.width / 2, b: r.y - r.height / 2, t: r.y + r.height / 2 });

function intersect(a: Rect, b: Rect): Rect | null {
  const p = edges(a);
  const q = edges(b);
  const l = Math.max(p.l, q.l), r = Math.min(p.r, q.r), bottom = Math.max(p.b, q.b), top = Math.min(p.t, q.t);
  return r > l && top > bottom ? { x: (l + r) / 2, y: (bottom + top) / 2, width: r - l, height: top - bottom } : null;
}

function contains(outer: Rect, inner: Rect): boolean {
  const o = edges(outer);
  const i = edges(inner);
  return i.l >= o.l && i.r <= o.r && i.b >= o.b && i.t <= o.t;
}

/** The unexplored space after a frame whose screens are `screens`: what was unexplored before and is
 * still behind a screen now (pointwise: a screen that slides carries no unexplored space with it).
 * At the first frame (`before` null) it is everything behind a screen, clipped to the window's bounds. */
export function nextUnexplored(before: readonly Rect[] | null, view: { width: number; height: number }, screens: readonly Rect[]): Rect[] {
  const frame: Rect = { x: view.width / 2, y: view.height / 2, width: view.width, height: view.height };
  const pieces: Rect[] = [];
  for (const r of before ?? [frame]) {
    for (const s of screens) {
      const p = intersect(r, s);
      if (p) pieces.push(p);
    }
  }
  // Drop pieces inside others (a piece seen through two overlapping screens), keeping the first of equals.
  const kept = pieces.filter((p, i) => !pieces.some((q, j) => j !== i && contains(q, p) && (!contains(p, q) || j < i)));
  if (kept.length <= MAX_PIECES) return kept;
  return kept.map((p, i) => ({ p, i })).sort((a, b) => b.p.width * b.p.height - a.p.width * a.p.height || a.i - b.i)
    .slice(0, MAX_PIECES).sort((a, b) => a.i - b.i).map((e) => e.p);
}
