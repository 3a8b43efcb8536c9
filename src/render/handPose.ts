// Where the hand is for a scripted hand action, as a function of time: it waits beside the body,
// reaches in, pushes (or holds and lets go), then withdraws and fades. Pure: data in, pose out.
import type { ActionSpec } from '../sim/spec';
import type { BodyState } from '../sim/snapshot';

export interface HandPose {
  /** Where the fingertips touch, metres, y up. */
  x: number;
  y: number;
  /** Direction the fingers point, radians counter-clockwise from +x (SI). */
  angle: number;
  /** 0..1 opacity. */
  alpha: number;
}

/** Where the hand meets the body, fixed at the moment of the action. */
export interface HandAnchor {
  x: number;
  y: number;
  dir: 1 | -1;
}

const REACH_S = 0.45;
const GRIP_M = 0.06;
const WAIT_GAP_M = 0.22;
const FOLLOW_S = 0.12;
const FOLLOW_M = 0.05;
const WITHDRAW_S = 0.7;
const WITHDRAW_M = 0.35;

const ease = (u: number): number => {
  const c = Math.min(Math.max(u, 0), 1);
  return c * c * (3 - 2 * c);
};

/** Whether an action is carried out by a visible hand. */
export function isHandAction(a: ActionSpec): boolean {
  return a.type === 'push' ? a.by === 'hand' : true;
}

/** The contact point on `body` for `action` (while the body waits for it). */
export function anchorFor(action: ActionSpec, body: BodyState): HandAnchor {
  if (action.type === 'push') {
    const dir: 1 | -1 = action.vx < 0 ? -1 : 1;
    return { x: body.x - (dir * body.width) / 2, y: body.y - body.height * 0.08, dir };
  }
  // Holding: the fingers reach over the top of the object's front face.
  return { x: body.x, y: body.y + body.height / 2 - Math.min(GRIP_M, body.height * 0.3), dir: 1 };
}

/** The hand's pose at time `t` (s), or null once it has gone. */
export function handPose(action: ActionSpec, anchor: HandAnchor, t: number): HandPose | null {
  const at = action.at;
  if (action.type === 'push') {
    const angle = anchor.dir === 1 ? 0 : Math.PI;
    if (t <= at) {
      const gap = WAIT_GAP_M * (1 - ease((t - (at - REACH_S)) / REACH_S));
      return { x: anchor.x - anchor.dir * gap, y: anchor.y, angle, alpha: 1 };
    }
    const after = t - at;
    if (after > FOLLOW_S + WITHDRAW_S) return null;
    const forward = FOLLOW_M * ease(after / FOLLOW_S) - WITHDRAW_M * ease((after - FOLLOW_S) / WITHDRAW_S);
    const alpha = 1 - ease((after - FOLLOW_S) / WITHDRAW_S);
    return { x: anchor.x + anchor.dir * forward, y: anchor.y, angle, alpha };
  }
  // Release or drop: the hand rests on top of the body, then lifts away.
  const down = -Math.PI / 2;
  if (t <= at) return { x: anchor.x, y: anchor.y, angle: down, alpha: 1 };
  const after = t - at;
  if (after > WITHDRAW_S) return null;
  return { x: anchor.x, y: anchor.y + WITHDRAW_M * ease(after / WITHDRAW_S), angle: down, alpha: 1 - ease(after / WITHDRAW_S) };
}
