// The violation the magic button applies to the selected body, built for the moment it is pressed.
import type { WorldSnapshot } from '../../sim/snapshot';
import type { ViolationSpec, WorldSpec } from '../../sim/spec';
import type { MagicChoice } from './store/freePlaySlice';
import { unreachable } from '../../sim/exhaustive';

const NOW = { on: 'time', at: 0 } as const;

/** Null when this magic makes no sense for the body (e.g. nothing below it to pass through). */
export function magicFor(choice: MagicChoice, body: string, world: WorldSpec, snap: WorldSnapshot): ViolationSpec | null {
  const b = snap.bodies.find((x) => x.id === body);
  if (!b || b.isStatic || !b.present) return null;
  switch (choice) {
    case 'float': case 'freeze': case 'reverse': case 'vanish':
      return { type: choice, body, trigger: NOW };
    case 'deflect':
      return { type: 'deflect', body, trigger: NOW, angle: Math.PI / 2 };
    case 'resize':
      return { type: 'resize', body, trigger: NOW, scale: b.width > 0.5 ? 0.6 : 1.6 };
    case 'teleport': {
      // The mirror place across the world, a little higher up.
      const x = Math.min(Math.max(world.width - b.x, b.width), world.width - b.width);
      return { type: 'teleport', body, trigger: NOW, x, y: Math.min(b.y + 0.3, world.height - b.height) };
    }
    case 'pass-through': {
      // Through whatever it rests on (or would fall onto): the highest static body below it.
      const bottom = b.y - b.height / 2;
      const below = snap.bodies
        .filter((o) => o.isStatic && o.present && Math.abs(o.x - b.x) <= o.width / 2 && o.y + o.height / 2 <= bottom + 0.05)
        .sort((p, q) => q.y + q.height / 2 - (p.y + p.height / 2))[0];
      return below ? { type: 'pass-through', body, trigger: NOW, other: below.id } : null;
    }
    default:
      return unreachable(choice, 'magic');
  }
}
