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

export function createGroundNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const w = du(spec.width + 2 * EXTEND_M);
  const h = du(spec.height);
  const g = new Graphics();
  g.rect(-w / 2, -h / 2, w, h).fill(parseColor(spec.color, PALETTE.groundFill));
  const board = du(0.05);
  for (let y = -h / 2 + board * 1.6; y < h / 2; y += board * 1.6) {
    g.rect(-w / 2, y, w, Math.max(du(0.006), 0.6)).fill(PALETTE.groundLine);
  }
  g.rect(-w / 2, -h / 2, w, Math.max(du(0.02), 1.5)).fill(PALETTE.groundTop);
  view.addChild(g);
  return { id: spec.id, view, update: (s: BodyState) => placeView(view, spec, worldHeight, s) };
}
