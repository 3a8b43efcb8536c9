// An occluder: an opaque screen standing in front of the scene (it hides bodies, not physics).
import { Container, Graphics } from 'pixi.js';
import type { OccluderSpec } from '../sim/spec';
import { designPosition, du } from './designUnits';
import { PALETTE, parseColor, shade } from './palette';

const MAX_STRIPES = 200;

export function createOccluderNode(spec: OccluderSpec, worldHeight: number): Container {
  const view = new Container({ label: `occluder:${spec.id}` });
  const w = du(spec.width);
  const h = du(spec.height);
  const face = parseColor(spec.color, PALETTE.occluderFace);
  const frame = Math.max(Math.min(w, h) * 0.05, du(0.02));
  const g = new Graphics();
  g.roundRect(-w / 2, -h / 2, w, h, frame * 0.6).fill(PALETTE.occluderFrame);
  g.rect(-w / 2 + frame, -h / 2 + frame, w - 2 * frame, h - 2 * frame).fill(face);
  // Stripes 0.1 m wide, or wider on a huge screen: at most MAX_STRIPES rectangles whatever its size.
  const stripe = Math.max(du(0.1), (w - 2 * frame) / (2 * MAX_STRIPES));
  const stripes = Math.max(0, Math.ceil((w - 2 * frame - 1.5 * stripe) / (2 * stripe)));
  for (let k = 0; k < stripes; k++) {
    g.rect(-w / 2 + frame + stripe + 2 * k * stripe, -h / 2 + frame, stripe, h - 2 * frame).fill(spec.color ? shade(face, -0.06) : PALETTE.occluderStripe);
  }
  view.addChild(g);
  const p = designPosition(worldHeight, spec.x, spec.y);
  view.position.set(p.x, p.y);
  return view;
}
