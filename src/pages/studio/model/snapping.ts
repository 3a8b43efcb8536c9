// Snapping a moved or resized rectangle: to the grid, and to the edges and centres of the other
// objects when one is within reach (edges win over the grid). Metres, y up.

export interface Rect { x: number; y: number; width: number; height: number }

/** A line the stage draws while a snap holds: vertical at x = at, or horizontal at y = at. */
export interface Guide { axis: 'x' | 'y'; at: number }

export interface SnapSettings {
  /** Grid spacing (m); 0: no grid. */
  grid: number;
  /** How close (m) an edge must come to another's to snap to it. */
  reach: number;
}

export const DEFAULT_SNAP: SnapSettings = { grid: 0.05, reach: 0.06 };

/** Rounds to a millimetre: what the studio writes into a scene file. */
export const toMillimetre = (v: number): number => Math.round(v * 1000) / 1000 + 0;

const snapToGrid = (v: number, grid: number): number => (grid > 0 ? Math.round(v / grid) * grid : v);

/** The lines of a rect along one axis: its low edge, centre and high edge. */
function lines(r: Rect, axis: 'x' | 'y'): number[] {
  const c = axis === 'x' ? r.x : r.y;
  const half = (axis === 'x' ? r.width : r.height) / 2;
  return [c - half, c, c + half];
}

/** The best shift (closest first) that brings one of `mine` onto one of `theirs`, within `reach`. */
function bestShift(mine: number[], theirs: number[], reach: number): { shift: number; at: number } | null {
  let best: { shift: number; at: number } | null = null;
  for (const m of mine) {
    for (const t of theirs) {
      const shift = t - m;
      if (Math.abs(shift) <= reach && (!best || Math.abs(shift) < Math.abs(best.shift))) best = { shift, at: t };
    }
  }
  return best;
}

/** Where a rectangle moved to (`moving`) comes to rest: each axis snapped to another object's
 * edge or centre when one is within reach, else its centre to the grid; with the guides to draw. */
export function snapMove(moving: Rect, others: readonly Rect[], settings: SnapSettings = DEFAULT_SNAP): { x: number; y: number; guides: Guide[] } {
  const guides: Guide[] = [];
  const out = { x: moving.x, y: moving.y };
  for (const axis of ['x', 'y'] as const) {
    const theirs = others.flatMap((o) => lines(o, axis));
    const hit = bestShift(lines(moving, axis), theirs, settings.reach);
    if (hit) {
      out[axis] = toMillimetre(moving[axis] + hit.shift);
      guides.push({ axis, at: hit.at });
    } else {
      out[axis] = toMillimetre(snapToGrid(moving[axis], settings.grid));
    }
  }
  return { ...out, guides };
}

/** A size snapped to the grid (never below one grid step, or 1 cm without a grid). */
export function snapSize(size: number, settings: SnapSettings = DEFAULT_SNAP): number {
  const min = settings.grid > 0 ? settings.grid : 0.01;
  return toMillimetre(Math.max(min, snapToGrid(size, settings.grid)));
}

/** An angle (rad) in (−π, π], snapped to whole steps of `stepDeg` degrees, rounded to a thousandth of a radian. */
export function snapAngle(angle: number, stepDeg = 5): number {
  const step = (stepDeg * Math.PI) / 180;
  // Into (−π, π]: a quarter turn is written 1.571 whichever way the grip went round.
  angle = angle - 2 * Math.PI * Math.ceil((angle - Math.PI) / (2 * Math.PI));
  return Math.round(Math.round(angle / step) * step * 1000) / 1000 + 0;
}

/** One keyboard step of (dx, dy) m: an edge or centre line that the step would carry an edge or the
 * centre of `moving` across (of an object beside it on the other axis) stops it on that line, so
 * that arrows land a body on a platform as a drag does; the next step goes on past it. */
export function snapStep(moving: Rect, dx: number, dy: number, others: readonly Rect[]): { x: number; y: number } {
  const out = { x: moving.x + dx, y: moving.y + dy };
  for (const [axis, d] of [['x', dx], ['y', dy]] as const) {
    if (d === 0) continue;
    const across = axis === 'x' ? 'y' : 'x';
    const beside = others.filter((o) => {
      const [lo, , hi] = lines(o, across);
      const [mlo, , mhi] = lines(moving, across);
      return mlo! < hi! && mhi! > lo!;
    });
    let best: number | null = null;
    for (const m of lines(moving, axis)) {
      for (const t of beside.flatMap((o) => lines(o, axis))) {
        const shift = t - m;
        // Only lines ahead, within this step (one already touched is not in the way).
        if (Math.sign(shift) === Math.sign(d) && Math.abs(shift) > 1e-9 && Math.abs(shift) < Math.abs(d) - 1e-9 && (best === null || Math.abs(shift) < Math.abs(best))) best = shift;
      }
    }
    out[axis] = moving[axis] + (best ?? d);
  }
  return { x: toMillimetre(out.x), y: toMillimetre(out.y) };
}
