// The glow around a body that surprises the observer in focus: a warm halo built once per body,
// whose opacity and size follow the body's share of the surprise each frame.
import { Container, Graphics } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import { designPosition, du } from './designUnits';
import { PALETTE } from './palette';

export interface GlowNode {
  readonly view: Container;
  /** `level` 0..1 (0 hides it). */
  update(state: BodyState, level: number): void;
}

export function createGlowNode(kind: BodyState['kind'], width: number, height: number, worldHeight: number, marks = 1): GlowNode {
  const view = new Container({ label: 'glow' });
  const g = new Graphics();
  const rings = [{ pad: 0.14, alpha: 0.1 }, { pad: 0.09, alpha: 0.16 }, { pad: 0.045, alpha: 0.26 }];
  for (const r of rings) {
    const pad = du(r.pad * marks);
    if (kind === 'ball') g.circle(0, 0, du(width / 2) + pad).fill({ color: PALETTE.glow, alpha: r.alpha });
    else g.roundRect(-du(width / 2) - pad, -du(height / 2) - pad, du(width) + 2 * pad, du(height) + 2 * pad, pad * 2 + du(Math.min(width, height) * 0.2)).fill({ color: PALETTE.glow, alpha: r.alpha });
  }
  view.addChild(g);
  view.visible = false;
  return {
    view,
    update(s, level) {
      view.visible = s.present && level > 0.02;
      if (!view.visible) return;
      const p = designPosition(worldHeight, s.x, s.y);
      view.position.set(p.x, p.y);
      view.rotation = -s.angle;
      view.alpha = Math.min(1, 0.2 + level);
      const grow = 0.75 + 0.5 * level;
      const kx = width > 0 ? s.width / width : 1;
      view.scale.set(kx * grow);
    },
  };
}
