// What the learner observes of a world: visible objects' states, nothing the simulator hides.
import type { BodyState, WorldSnapshot } from '../sim/snapshot';
import { cos, sin } from '../sim/portableTrig';

/** One observed object. Same fields as a snapshot's body; only visible bodies are observed. */
export type ObjectState = Pick<BodyState,
  'id' | 'kind' | 'x' | 'y' | 'vx' | 'vy' | 'angle' | 'angularVelocity' | 'width' | 'height' | 'isStatic'>;

export type Observation = ObjectState[];

export function observe(snapshot: WorldSnapshot): Observation {
  const out: Observation = [];
  for (const b of snapshot.bodies) {
    if (!b.visible) continue;
    out.push({
      id: b.id, kind: b.kind, x: b.x, y: b.y, vx: b.vx, vy: b.vy, angle: b.angle,
      angularVelocity: b.angularVelocity, width: b.width, height: b.height, isStatic: b.isStatic,
    });
  }
  return out;
}

/** The moving object of `frame` with this id, if it is observed there. Looked for first at index i
 * (where it usually is: the same bodies in the same order frame after frame), then everywhere: no
 * map per frame for the few objects of a scene (ids are unique within a frame). */
export function movingById(frame: Observation, i: number, id: string): ObjectState | undefined {
  const at = frame[i];
  if (at && at.id === id) return at.isStatic ? undefined : at;
  for (const o of frame) if (o.id === id) return o.isStatic ? undefined : o;
  return undefined;
}

/** Half extents of the axis-aligned box around an object at its angle (a ball ignores angle). */
export function halfExtents(o: ObjectState): { ex: number; ey: number } {
  // At angle 0 (floors, walls, platforms) the trig below gives exactly this too: skip it.
  if (o.kind === 'ball' || o.angle === 0) return { ex: o.width / 2, ey: o.height / 2 };
  const c = Math.abs(cos(o.angle));
  const s = Math.abs(sin(o.angle));
  return { ex: (o.width / 2) * c + (o.height / 2) * s, ey: (o.width / 2) * s + (o.height / 2) * c };
}
