// A toy car: coloured body and cabin with windows, lights, and two dark wheels that turn with
// the distance travelled (the physics car does not spin its wheels; the drawing does).
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { placeView, type BodyNode } from './bodyNode';
import { du } from './designUnits';
import { PALETTE, parseColor, shade } from './palette';

export function createCarNode(spec: BodySpec, worldHeight: number): BodyNode {
  const view = new Container({ label: spec.id });
  const color = parseColor(spec.color, PALETTE.carDefault);
  const w = du(spec.width);
  const h = du(spec.height);
  const r = du(spec.wheelRadius);
  // Same geometry as the physics body (sim/bodies.ts): chassis on top, wheel centres at its bottom.
  const chassisH = Math.max(h - r, h * 0.4);
  const top = -h / 2;
  const chassisBottom = top + chassisH;
  const wheelDx = w / 2 - r * 1.15;
  const beltY = top + chassisH * 0.45;
  // Floors in design units keep strokes visible on toy cars (0.15 m tall and up); a car under 0.1 m
  // lowers them with its size, or a 1 cm car is all outline.
  const line = Math.max(w * 0.012, Math.min(0.6, h * 0.06));
  const seam = Math.min(1, h * 0.1);

  const body = new Graphics();
  // Cabin: a rounded greenhouse, windscreen sloping toward the front (+x).
  const cab = { back: -w * 0.32, front: w * 0.2, roofBack: -w * 0.26, roofFront: w * 0.08 };
  body
    .poly([cab.back, beltY + seam, cab.roofBack, top, cab.roofFront, top, cab.front, beltY + seam])
    .fill(color)
    .stroke({ width: line, color: shade(color, -0.45), join: 'round' });
  const inset = chassisH * 0.1;
  const winTop = top + inset;
  const winBottom = beltY - inset * 0.4;
  const slopeB = (cab.roofBack - cab.back) / (top - beltY);
  const slopeF = (cab.roofFront - cab.front) / (top - beltY);
  const xb = (y: number): number => cab.back + slopeB * (y - beltY) + inset;
  const xf = (y: number): number => cab.front + slopeF * (y - beltY) - inset;
  const pillar = (cab.roofBack + cab.roofFront) / 2 - inset * 0.3;
  body.poly([xb(winBottom), winBottom, xb(winTop), winTop, pillar - inset * 0.35, winTop, pillar - inset * 0.35, winBottom]).fill(PALETTE.carWindow);
  body.poly([pillar + inset * 0.35, winBottom, pillar + inset * 0.35, winTop, xf(winTop), winTop, xf(winBottom), winBottom]).fill(PALETTE.carWindow);
  // Lower body.
  body
    .roundRect(-w / 2, beltY, w, chassisBottom - beltY, Math.min(chassisH * 0.28, w * 0.08))
    .fill(color)
    .stroke({ width: line, color: shade(color, -0.45) });
  body.rect(-w / 2 + w * 0.04, beltY + (chassisBottom - beltY) * 0.38, w * 0.92, line * 1.2).fill(shade(color, -0.25));
  // Bumpers and lights.
  const bumperH = (chassisBottom - beltY) * 0.22;
  body.roundRect(w / 2 - w * 0.05, chassisBottom - bumperH * 1.4, w * 0.07, bumperH, bumperH / 2).fill(PALETTE.carTrim);
  body.roundRect(-w / 2 - w * 0.02, chassisBottom - bumperH * 1.4, w * 0.07, bumperH, bumperH / 2).fill(PALETTE.carTrim);
  body.circle(w / 2 - w * 0.04, beltY + (chassisBottom - beltY) * 0.28, (chassisBottom - beltY) * 0.14).fill(PALETTE.headlight);
  body.rect(-w / 2 + line, beltY + (chassisBottom - beltY) * 0.15, w * 0.03, (chassisBottom - beltY) * 0.25).fill(PALETTE.taillight);
  // Wheel arches, so the wheels sit in the body.
  for (const dx of [-wheelDx, wheelDx]) {
    const R = r * 1.12;
    body.moveTo(dx - R, chassisBottom).arc(dx, chassisBottom, R, Math.PI, 2 * Math.PI).closePath().fill(shade(color, -0.55));
  }
  view.addChild(body);

  const wheels = [-wheelDx, wheelDx].map((dx) => {
    const g = new Graphics();
    g.circle(0, 0, r).fill(PALETTE.tyre);
    g.circle(0, 0, r * 0.58).fill(PALETTE.rim);
    // A cross of spokes makes the turning visible.
    const spoke = r * 0.16;
    g.rect(-r * 0.56, -spoke / 2, r * 1.12, spoke).fill(PALETTE.hub);
    g.rect(-spoke / 2, -r * 0.56, spoke, r * 1.12).fill(PALETTE.hub);
    g.circle(0, 0, r * 0.2).fill(PALETTE.tyre);
    g.position.set(dx, chassisBottom);
    view.addChild(g);
    return g;
  });

  return {
    id: spec.id,
    view,
    update(s: BodyState): void {
      placeView(view, spec, worldHeight, s);
      // Rolling without slipping: turned angle = distance / radius (clockwise on screen going +x).
      const turn = (s.x - spec.x) / Math.max(spec.wheelRadius, 1e-3);
      for (const wheel of wheels) wheel.rotation = turn;
    },
  };
}
