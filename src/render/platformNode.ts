// A platform drawn as a sturdy wooden table-box: a dark top slab, a panelled front, a base strip.
// Flush with the physics outline, so the car leaves it exactly where it is seen to.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { placeView, type BodyNode } from './bodyNode';
import { du } from './designUnits';
import { PALETTE, parseColor, shade } from './palette';

export function createPlatformNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const w = du(spec.width);
  const h = du(spec.height);
  const bodyColor = parseColor(spec.color, PALETTE.platformBody);
  const slab = Math.min(du(0.07), h * 0.2);
  const base = Math.min(du(0.06), h * 0.12);
  const g = new Graphics();
  g.rect(-w / 2, -h / 2, w, h).fill(bodyColor);
  // Two inset panels on the front.
  const pad = Math.min(du(0.08), w * 0.06);
  const panelTop = -h / 2 + slab + pad;
  const panelH = h - slab - base - 2 * pad;
  if (panelH > pad) {
    const panelW = (w - 3 * pad) / 2;
    for (const px of [-w / 2 + pad, -w / 2 + 2 * pad + panelW]) {
      g.roundRect(px, panelTop, panelW, panelH, pad * 0.3).stroke({ width: Math.max(du(0.012), 1), color: shade(bodyColor, -0.2) });
    }
  }
  g.rect(-w / 2, -h / 2, w, slab).fill(PALETTE.platformTop);
  g.rect(-w / 2, -h / 2 + slab, w, Math.max(du(0.008), 0.8)).fill(shade(PALETTE.platformTop, -0.3));
  g.rect(-w / 2, h / 2 - base, w, base).fill(PALETTE.platformBase);
  g.rect(-w / 2, -h / 2, w, h).stroke({ width: Math.max(du(0.01), 1), color: PALETTE.platformBase, alignment: 1 });
  view.addChild(g);
  return { id: spec.id, view, update: (s: BodyState) => placeView(view, spec, worldHeight, s) };
}
