// Which movable body is under a world point: the topmost drawn one wins. Pure: snapshot in, id out.
import type { WorldSnapshot } from '../../sim/snapshot';

/** A little slack (m) so that thin bodies are easy to pick. */
const SLACK_M = 0.02;

export function bodyAt(snap: WorldSnapshot, x: number, y: number): string | null {
  for (let i = snap.bodies.length - 1; i >= 0; i--) {
    const b = snap.bodies[i]!;
    if (b.isStatic || !b.present) continue;
    const c = Math.cos(-b.angle);
    const s = Math.sin(-b.angle);
    const dx = (x - b.x) * c - (y - b.y) * s;
    const dy = (x - b.x) * s + (y - b.y) * c;
    const inside = b.kind === 'ball'
      ? Math.hypot(dx, dy) <= b.width / 2 + SLACK_M
      : Math.abs(dx) <= b.width / 2 + SLACK_M && Math.abs(dy) <= b.height / 2 + SLACK_M;
    if (inside) return b.id;
  }
  return null;
}
