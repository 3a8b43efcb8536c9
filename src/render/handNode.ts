// A simple cartoon hand with a sleeve, drawn once pointing +x with the fingertips at its origin;
// each frame it is placed by handPose (for one scripted hand action).
import { Container, Graphics } from 'pixi.js';
import type { ActionSpec } from '../sim/spec';
import type { BodyState } from '../sim/snapshot';
import { designPosition, du } from './designUnits';
import { anchorFor, handPose, type HandAnchor } from './handPose';
import { PALETTE } from './palette';

export interface HandNode {
  readonly view: Container;
  update(body: BodyState | undefined, t: number): void;
}

const HAND_SCALE = 1.4;

function drawHand(): Graphics {
  const g = new Graphics();
  const fingerLen = du(0.085);
  const palmLen = du(0.09);
  const fingerH = du(0.05);
  const palmH = du(0.068);
  const line = { width: du(0.006), color: PALETTE.skinLine };
  // Sleeve and cuff reach back off-stage.
  g.rect(-palmLen - fingerLen - du(2.5), -du(0.05), du(2.5) + du(0.02), du(0.1)).fill(PALETTE.sleeve);
  g.rect(-palmLen - fingerLen - du(0.035), -du(0.052), du(0.035), du(0.104)).fill(PALETTE.sleeveCuff);
  // Palm, fingers (with a knuckle line), thumb on top.
  g.roundRect(-palmLen - fingerLen + du(0.002), -palmH / 2, palmLen + du(0.01), palmH, du(0.02)).fill(PALETTE.skin).stroke(line);
  g.roundRect(-fingerLen, -fingerH / 2, fingerLen, fingerH, fingerH / 2).fill(PALETTE.skin).stroke(line);
  for (const y of [-fingerH / 6, fingerH / 6]) g.moveTo(-fingerLen * 0.85, y).lineTo(-du(0.012), y).stroke({ ...line, width: du(0.003) });
  g.roundRect(-fingerLen - du(0.035), -palmH / 2 - du(0.022), du(0.06), du(0.03), du(0.015)).fill(PALETTE.skin).stroke(line);
  return g;
}

export function createHandNode(action: ActionSpec, worldHeight: number): HandNode {
  const view = new Container({ label: `hand:${action.body}` });
  const hand = drawHand();
  // A grown-up's hand beside a toy: drawn a little larger than life so it reads at a glance.
  hand.scale.set(HAND_SCALE);
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
