// The floor: a light wooden band with a darker top edge and a few board lines. Drawn well beyond
// the world's edges, so that a window wider than the world never shows where the floor ends.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { placeView, type BodyNode } from './bodyNode';
import { du } from './designUnits';
import { PALETTE, parseColor } from './palette';

/** Metres of floor drawn past each end of the physics floor. */
const EXTEND_M = 20;
/** More board lines than this would only be seen on a floor metres thick. */
const MAX_BOARD_LINES = 40;

export function createGroundNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const w = du(spec.width + 2 * EXTEND_M);
  const h = du(spec.height);
  const g = new Graphics();
  g.rect(-w / 2, -h / 2, w, h).fill(parseColor(spec.color, PALETTE.groundFill));
  // Board lines near the top only: a floor of any height costs at most MAX_BOARD_LINES rectangles.
  const spacing = du(0.05) * 1.6;
  const lines = Math.min(MAX_BOARD_LINES, Math.max(0, Math.ceil(h / spacing) - 1));
  for (let k = 1; k <= lines; k++) {
    g.rect(-w / 2, -h / 2 + k * spacing, w, Math.max(du(0.006), 0.6)).fill(PALETTE.groundLine);
  }
  g.rect(-w / 2, -h / 2, w, Math.max(du(0.02), 1.5)).fill(PALETTE.groundTop);
  view.addChild(g);
  return { id: spec.id, view, update: (s: BodyState) => placeView(view, spec, worldHeight, s) };
}
