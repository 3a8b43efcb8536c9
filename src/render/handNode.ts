// The hand of one scripted hand action: drawn once (pushing or holding), then placed each frame
// by handPose.
import { Container } from 'pixi.js';
import type { ActionSpec } from '../sim/spec';
import type { BodyState } from '../sim/snapshot';
import { designPosition } from './designUnits';
import { anchorFor, handPose, type HandAnchor } from './handPose';
import { drawHoldingHand, drawPushingHand } from './handDrawings';

export interface HandNode {
  readonly view: Container;
  update(body: BodyState | undefined, t: number): void;
}

const HAND_SCALE = 1.4;

export function createHandNode(action: ActionSpec, worldHeight: number, marks = 1): HandNode {
  const view = new Container({ label: `hand:${action.body}` });
  const hand = action.type === 'push' ? drawPushingHand() : drawHoldingHand();
  // A grown-up's hand beside a toy: drawn a little larger than life so it reads at a glance.
  hand.scale.set(HAND_SCALE * marks);
  view.addChild(hand);
  view.visible = false;
  let anchor: HandAnchor | null = null;
  return {
    view,
    update(body, t) {
      // The contact point follows the body until the action happens, then stays put.
      if (body && (t <= action.at || anchor === null)) anchor = anchorFor(action, body);
      const pose = anchor ? handPose(action, anchor, t) : null;
      view.visible = pose !== null && pose.alpha > 0.01;
      if (!pose) return;
      const p = designPosition(worldHeight, pose.x, pose.y);
      view.position.set(p.x, p.y);
      view.rotation = -pose.angle;
      // Pushing leftward: mirror so the thumb stays on top.
      view.scale.y = Math.cos(pose.angle) < -0.5 ? -1 : 1;
      view.alpha = pose.alpha;
    },
  };
}
