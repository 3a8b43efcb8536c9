// What the stage can pick and drag: every body and screen of the resolved world as an outline (centre,
// size, angle) in metres, y up, topmost last; a hit test and the rectangles that snapping aligns to.
import type { WorldSpec } from '../../../sim/spec';
import type { Rect } from './snapping';

export interface StageObject extends Rect {
  id: string;
  list: 'bodies' | 'occluders';
  angle: number;
  round: boolean;
}

export function stageObjects(world: WorldSpec): StageObject[] {
  const bodies = world.bodies.map((b): StageObject => ({
    id: b.id, list: 'bodies', x: b.x, y: b.y, angle: b.angle, round: b.kind === 'ball',
    width: b.kind === 'ball' ? b.radius * 2 : b.width, height: b.kind === 'ball' ? b.radius * 2 : b.height,
  }));
  // Static bodies lie underneath moving ones; screens are drawn in front of everything.
  const order = (o: StageObject): number => (world.bodies.find((b) => b.id === o.id)?.isStatic ? 0 : 1);
  const screens = world.occluders.map((o): StageObject => ({ id: o.id, list: 'occluders', x: o.x, y: o.y, width: o.width, height: o.height, angle: 0, round: false }));
  return [...bodies.sort((a, b) => order(a) - order(b)), ...screens];
}

/** Whether a point (m) lies inside an object's outline (turned by its angle). */
export function contains(o: StageObject, px: number, py: number): boolean {
  const dx = px - o.x;
  const dy = py - o.y;
  if (o.round) return dx * dx + dy * dy <= (o.width / 2) ** 2;
  const c = Math.cos(-o.angle);
  const s = Math.sin(-o.angle);
  const lx = dx * c - dy * s;
  const ly = dx * s + dy * c;
  return Math.abs(lx) <= o.width / 2 && Math.abs(ly) <= o.height / 2;
}

/** The object under the point: a screen before a body, and of several the smallest (a car on its platform). */
export function hitTest(objects: readonly StageObject[], px: number, py: number): StageObject | null {
  const hits = objects.filter((o) => contains(o, px, py));
  if (hits.length === 0) return null;
  const top = hits.filter((o) => o.list === 'occluders');
  const pool = top.length > 0 ? top : hits;
  return pool.reduce((best, o) => (o.width * o.height < best.width * best.height ? o : best));
}

/** The next object in `order` after `id` (Tab), or before it (Shift+Tab); null past either end. */
export function nextObject(order: readonly string[], id: string | null, back: boolean): string | null {
  if (order.length === 0) return null;
  if (id === null || !order.includes(id)) return back ? order[order.length - 1]! : order[0]!;
  const i = order.indexOf(id) + (back ? -1 : 1);
  return i >= 0 && i < order.length ? order[i]! : null;
}

/** Where an object's grips are (m): resize at its turned top-right corner, rotate above its top. */
export function gripsOf(o: StageObject): { resize: { x: number; y: number }; rotate: { x: number; y: number } | null } {
  const c = Math.cos(o.angle);
  const s = Math.sin(o.angle);
  const turn = (lx: number, ly: number): { x: number; y: number } => ({ x: o.x + lx * c - ly * s, y: o.y + lx * s + ly * c });
  return { resize: turn(o.width / 2, o.height / 2), rotate: o.list === 'bodies' ? turn(0, o.height / 2 + 0.3) : null };
}
