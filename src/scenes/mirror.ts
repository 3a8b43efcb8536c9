// A resolved scene mirrored left–right (x → width − x): the same event run the other way, without
// a second file. Boxes and cars (a centred chassis, wheels at ±d) are symmetric about their vertical
// axis; balls are matter-js polygons of 10–15 sides, and an odd-sided one is not, which is why the
// mirror tests allow 1 mm. So only positions, horizontal velocities, angles and the directions of
// pushes, carries, triggers and violations change.
import type { ActionSpec, OccluderSpec, TriggerSpec, ViolationSpec, WorldSpec } from '../sim/spec';

/** −x without making a −0 of a 0 (a mirrored scene at rest stays byte-identical in its zeros). */
const neg = (x: number): number => (x === 0 ? 0 : -x);

export function mirrorWorld(world: WorldSpec): WorldSpec {
  const w = world.width;
  const mx = (x: number): number => w - x;
  const out: WorldSpec = {
    ...world,
    bodies: world.bodies.map((b) => ({ ...b, x: mx(b.x), angle: neg(b.angle), vx: neg(b.vx) })),
    occluders: world.occluders.map((o): OccluderSpec => ({
      ...o, x: mx(o.x), ...(o.moves ? { moves: o.moves.map((m) => ({ ...m, x: mx(m.x) })) } : {}),
    })),
    actions: world.actions.map((a) => mirrorAction(a, mx)),
    violation: world.violation ? mirrorViolation(world.violation, mx) : null,
  };
  if (world.moreViolations) out.moreViolations = world.moreViolations.map((v) => mirrorViolation(v, mx));
  return out;
}

function mirrorAction(a: ActionSpec, mx: (x: number) => number): ActionSpec {
  switch (a.type) {
    case 'push': case 'drop': return { ...a, vx: neg(a.vx) };
    case 'carry': return { ...a, x: mx(a.x) };
    case 'release': return { ...a };
  }
}

function mirrorTrigger(t: TriggerSpec, mx: (x: number) => number): TriggerSpec {
  return t.on === 'reaches-x' ? { ...t, x: mx(t.x) } : { ...t };
}

function mirrorViolation(v: ViolationSpec, mx: (x: number) => number): ViolationSpec {
  const trigger = mirrorTrigger(v.trigger, mx);
  switch (v.type) {
    case 'teleport': return { ...v, trigger, x: mx(v.x) };
    // Counter-clockwise turns become clockwise ones in the mirror.
    case 'deflect': return { ...v, trigger, angle: neg(v.angle) };
    case 'set-velocity': return { ...v, trigger, vx: neg(v.vx) };
    // Factors act on the body's own motion, already mirrored; the rest has no direction.
    default: return { ...v, trigger };
  }
}
