// Where each screen is at a given frame (screens may rise, lower or slide), and what it hides.
import type { OccluderSpec, WorldSpec } from './spec';
import { STEP_S } from './units';

/** An axis-aligned rectangle: centre and full size, m. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An occluder's rectangle at a frame. Each move goes linearly, from the rectangle the previous
 * moves left, to its own, between `at` and `at + duration` (a move of duration 0 jumps). */
export function occluderRectAt(o: OccluderSpec, frame: number): Rect {
  let rect: Rect = { x: o.x, y: o.y, width: o.width, height: o.height };
  const t = frame * STEP_S;
  for (const m of o.moves ?? []) {
    if (t <= m.at) break;
    const u = m.duration <= 0 ? 1 : Math.min(1, (t - m.at) / m.duration);
    rect = {
      x: rect.x + (m.x - rect.x) * u,
      y: rect.y + (m.y - rect.y) * u,
      width: rect.width + (m.width - rect.width) * u,
      height: rect.height + (m.height - rect.height) * u,
    };
    if (u < 1) break;
  }
  return rect;
}

/** Every occluder's rectangle at a frame, in file order, with its id. */
export function occludersAt(world: Pick<WorldSpec, 'occluders'>, frame: number): (Rect & { id: string })[] {
  return world.occluders.map((o) => ({ id: o.id, ...occluderRectAt(o, frame) }));
}

/** Whether a point lies inside a rectangle, edges included. */
export const insideRect = (x: number, y: number, r: Rect): boolean =>
  Math.abs(x - r.x) <= r.width / 2 && Math.abs(y - r.y) <= r.height / 2;
