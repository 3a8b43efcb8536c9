// Bodies held by a hand: pinned at a pose, or carried along a straight line at constant speed.
import Matter from 'matter-js';

/** A pose in matter-js pixels (centre of mass) and radians. */
export interface PxPose {
  x: number;
  y: number;
  angle: number;
}

interface Hold {
  pose: PxPose;
  /** While carried: from `pose` to `to` between frames `start` and `start + frames`. */
  carry: { to: { x: number; y: number }; start: number; frames: number } | null;
}

export class Holds {
  private readonly held = new Map<string, Hold>();

  has(id: string): boolean {
    return this.held.has(id);
  }

  hold(id: string, pose: PxPose): void {
    this.held.set(id, { pose, carry: null });
  }

  release(id: string): void {
    this.held.delete(id);
  }

  /** Starts carrying a held body to `to` (px) over `frames` frames from frame `start`. Its pose at
   * that moment is where the carry starts; a carry that is under way is finished first. */
  carry(id: string, to: { x: number; y: number }, start: number, frames: number): boolean {
    const h = this.held.get(id);
    if (!h) return false;
    h.pose = this.poseAt(h, start);
    h.carry = { to, start, frames: Math.max(1, frames) };
    return true;
  }

  /** Sets every held body to its pose at `time` (in frames, fractional between sub-steps), with
   * the velocity of the hand that holds it, so contacts and snapshots see a moving body. */
  apply(time: number, get: (id: string) => Matter.Body): void {
    for (const [id, h] of this.held) {
      const b = get(id);
      const pose = this.poseAt(h, time);
      let vx = 0;
      let vy = 0;
      if (h.carry && time >= h.carry.start && time < h.carry.start + h.carry.frames) {
        // matter-js velocities are pixels per 1/60 s step, i.e. per frame.
        vx = (h.carry.to.x - h.pose.x) / h.carry.frames;
        vy = (h.carry.to.y - h.pose.y) / h.carry.frames;
      }
      Matter.Body.setPosition(b, { x: pose.x, y: pose.y });
      Matter.Body.setAngle(b, pose.angle);
      Matter.Body.setVelocity(b, { x: vx, y: vy });
      Matter.Body.setAngularVelocity(b, 0);
    }
  }

  private poseAt(h: Hold, time: number): PxPose {
    if (!h.carry) return h.pose;
    const u = Math.min(1, Math.max(0, (time - h.carry.start) / h.carry.frames));
    return {
      x: h.pose.x + (h.carry.to.x - h.pose.x) * u,
      y: h.pose.y + (h.carry.to.y - h.pose.y) * u,
      angle: h.pose.angle,
    };
  }
}

/** Lets a body go as a hand would: at rest, with nothing stored up. matter-js warm-starts every
 * contact with the impulses of the previous step and carries part of each body's position
 * correction over. While the hand moved the body along a surface, friction stored a backward
 * tangent impulse in those contacts; holding the body still never cleared it (no sliding, no
 * change), so the first step after letting go used to fire it: a box carried along a platform,
 * held 0.3 s and released jumped backwards at up to 1.34 m/s. Clearing the body's contact
 * impulses and solver carry-over makes it start at rest relative to its support. */
export function forgetSolverMemory(engine: Matter.Engine, body: Matter.Body): void {
  for (const pair of engine.pairs.list) {
    if (pair.collision.parentA !== body && pair.collision.parentB !== body) continue;
    for (const contact of pair.contacts) {
      contact.normalImpulse = 0;
      contact.tangentImpulse = 0;
    }
  }
  // Solver fields matter-js's typings leave out.
  const solver = body as Matter.Body & { positionImpulse: Matter.Vector; constraintImpulse: Matter.Vector & { angle: number } };
  solver.positionImpulse.x = 0;
  solver.positionImpulse.y = 0;
  solver.constraintImpulse.x = 0;
  solver.constraintImpulse.y = 0;
  solver.constraintImpulse.angle = 0;
  Matter.Body.setVelocity(body, { x: 0, y: 0 });
  Matter.Body.setAngularVelocity(body, 0);
}
