// The world seen in a mirror: a watched transition reflected left–right, so a diet can show the
// learner every motion in both directions as often as not (the physics engine itself is not
// exactly symmetric, and neither is a finite sample of episodes).
import type { ObjectState, Observation } from './observation';
import type { Transition } from './experience';
import { mirrorFuture } from './trueFutures';

/** The object reflected about the vertical line x = axis: position, horizontal velocity, angle and spin flip. */
export function mirrorObject(o: ObjectState, axis: number): ObjectState {
  return { ...o, x: 2 * axis - o.x, vx: -o.vx, angle: -o.angle, angularVelocity: -o.angularVelocity };
}

export function mirrorObservation(obs: Observation, axis: number): Observation {
  return obs.map((o) => mirrorObject(o, axis));
}

/** The transition as it would be watched in the mirror: the changes of vx and of spin flip sign
 * (NaN, for an object unseen at t+1, stays NaN). */
export function mirrorTransition(tr: Transition, axis: number): Transition {
  const dv = new Float32Array(tr.dv.length);
  for (let i = 0; i < tr.dv.length; i += 3) {
    dv[i] = -tr.dv[i]!;
    dv[i + 1] = tr.dv[i + 1]!;
    dv[i + 2] = -tr.dv[i + 2]!;
  }
  return { obs: mirrorObservation(tr.obs, axis), dv, ...(tr.future ? { future: mirrorFuture(tr.future, axis) } : {}) };
}
