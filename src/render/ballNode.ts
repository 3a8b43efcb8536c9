// A ball: a filled disc with a stripe, so that its rolling shows.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { placeView, type BodyNode } from './bodyNode';
import { du } from './designUnits';
import { PALETTE, parseColor, shade } from './palette';

export function createBallNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const r = du(spec.radius);
  const color = parseColor(spec.color, PALETTE.ballDefault);
  const g = new Graphics();
  g.circle(0, 0, r).fill(color).stroke({ width: Math.max(r * 0.08, 1), color: shade(color, -0.4), alignment: 1 });
  g.rect(-r * 0.92, -r * 0.12, r * 1.84, r * 0.24).fill(shade(color, 0.45));
  g.circle(-r * 0.35, -r * 0.4, r * 0.16).fill(shade(color, 0.6));
  view.addChild(g);
  return { id: spec.id, view, update: (s: BodyState) => placeView(view, spec, worldHeight, s) };
}
