// Which bodies rest on something: read from matter-js's active contacts after a step.
import type Matter from 'matter-js';

/** Horizontal slack (px) when asking whether the centre of mass is over the contacts. */
const OVER_TOLERANCE_PX = 1.5;

/** Ids (labels) of dynamic bodies touching something below them (`touching`), and of those that
 * are statically supported (`supported`): they have active contacts below
 * their centre of mass, and the centre of mass lies over the span of those contacts. A box pushed
 * until its centre passes the platform edge, or a car whose front wheel has left the platform,
 * is no longer supported (it is about to tip), even though one contact remains. A contact counts
 * as "below" when it is lower than the centre by a quarter of the half height, so a box pressed
 * against a wall is not held up by it. */
export function contactsBelow(engine: Matter.Engine): { supported: Set<string>; touching: Set<string> } {
  const spans = new Map<Matter.Body, { min: number; max: number }>();
  for (const pair of engine.pairs.list) {
    if (!pair.isActive || pair.isSensor) continue;
    const collision = pair.collision as Matter.Collision & {
      supportCount: number; parentA: Matter.Body; parentB: Matter.Body;
    };
    for (const body of [collision.parentA, collision.parentB]) {
      if (body.isStatic) continue;
      const halfHeight = (body.bounds.max.y - body.bounds.min.y) / 2;
      for (let i = 0; i < collision.supportCount; i++) {
        const point = collision.supports[i]!;
        if (point.y <= body.position.y + halfHeight * 0.25) continue;
        const span = spans.get(body);
        if (span) {
          span.min = Math.min(span.min, point.x);
          span.max = Math.max(span.max, point.x);
        } else spans.set(body, { min: point.x, max: point.x });
      }
    }
  }
  const supported = new Set<string>();
  const touching = new Set<string>();
  for (const [body, span] of spans) {
    touching.add(body.label);
    const x = body.position.x;
    if (x >= span.min - OVER_TOLERANCE_PX && x <= span.max + OVER_TOLERANCE_PX) supported.add(body.label);
  }
  return { supported, touching };
}
