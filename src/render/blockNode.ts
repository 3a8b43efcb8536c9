// Boxes and walls: a filled block with a darker outline; a box gets a lid line so it reads as a box.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { placeView, type BodyNode } from './bodyNode';
import { du } from './designUnits';
import { PALETTE, parseColor, shade } from './palette';

export function createBlockNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const w = du(spec.width);
  const h = du(spec.height);
  const isBox = spec.kind === 'box';
  const color = parseColor(spec.color, isBox ? PALETTE.boxDefault : PALETTE.wall);
  const edge = Math.max(Math.min(w, h) * 0.05, 1);
  const g = new Graphics();
  g.roundRect(-w / 2, -h / 2, w, h, isBox ? edge : 0).fill(color).stroke({ width: edge, color: shade(color, -0.4), alignment: 1 });
  if (isBox) {
    g.rect(-w / 2 + edge, -h / 2 + h * 0.22, w - 2 * edge, edge * 0.8).fill(shade(color, -0.25));
    g.rect(-w * 0.06, -h / 2 + edge, w * 0.12, h * 0.22 - edge).fill(shade(color, 0.25));
  }
  view.addChild(g);
  return { id: spec.id, view, update: (s: BodyState) => placeView(view, spec, worldHeight, s) };
}
