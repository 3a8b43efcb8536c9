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
