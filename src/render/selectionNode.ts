// The outline of the selected body (free play): dashed corners in the accent colour, built once
// per selection, then moved with the body.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import { designPosition, du } from './designUnits';
import { PALETTE } from './palette';

export interface SelectionNode {
  readonly view: Container;
  readonly id: string;
  update(state: BodyState | undefined): void;
}

export function createSelectionNode(state: BodyState, worldHeight: number, marks = 1): SelectionNode {
  const view = new Container({ label: `selection:${state.id}` });
  const g = new Graphics();
  const pad = du(0.05 * marks);
  const w = du(state.width) / 2 + pad;
  const hh = du(state.height) / 2 + pad;
  const len = Math.min(w, hh) * 0.6;
  const stroke = { width: du(0.018 * marks), color: PALETTE.selection, cap: 'round' as const };
  for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    g.moveTo(sx * w, sy * hh - sy * len).lineTo(sx * w, sy * hh).lineTo(sx * w - sx * len, sy * hh).stroke(stroke);
  }
  view.addChild(g);
  const drawnWidth = state.width;
  return {
    view,
    id: state.id,
    update(s) {
      view.visible = !!s && s.present;
      if (!s || !view.visible) return;
      const p = designPosition(worldHeight, s.x, s.y);
      view.position.set(p.x, p.y);
      view.rotation = -s.angle;
      view.scale.set(drawnWidth > 0 ? s.width / drawnWidth : 1);
    },
  };
}
