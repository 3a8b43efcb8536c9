// The two hand drawings, each built once pointing +x with the fingertips at the origin: a side
// view that pushes, and a front view whose fingers grip the front of a held object.
import { Graphics } from 'pixi.js';
import { du } from './designUnits';
import { PALETTE } from './palette';

const line = (): { width: number; color: number } => ({ width: du(0.006), color: PALETTE.skinLine });

/** Sleeve and cuff from the wrist (at x = -wrist) back off-stage. */
function sleeve(g: Graphics, wrist: number, halfWidth: number): void {
  g.rect(-wrist - du(2.5), -halfWidth, du(2.5) + du(0.02), 2 * halfWidth).fill(PALETTE.sleeve);
  g.rect(-wrist - du(0.035), -halfWidth - du(0.003), du(0.035), 2 * halfWidth + du(0.006)).fill(PALETTE.sleeveCuff);
}

/** Side view, flat hand: palm, straight fingers, thumb on top. */
export function drawPushingHand(): Graphics {
  const g = new Graphics();
  const fingerLen = du(0.085);
  const palmLen = du(0.09);
  const fingerH = du(0.05);
  const palmH = du(0.068);
  sleeve(g, palmLen + fingerLen, du(0.05));
  g.roundRect(-palmLen - fingerLen + du(0.002), -palmH / 2, palmLen + du(0.01), palmH, du(0.02)).fill(PALETTE.skin).stroke(line());
  g.roundRect(-fingerLen, -fingerH / 2, fingerLen, fingerH, fingerH / 2).fill(PALETTE.skin).stroke(line());
  for (const y of [-fingerH / 6, fingerH / 6]) g.moveTo(-fingerLen * 0.85, y).lineTo(-du(0.012), y).stroke({ ...line(), width: du(0.003) });
  g.roundRect(-fingerLen - du(0.035), -palmH / 2 - du(0.022), du(0.06), du(0.03), du(0.015)).fill(PALETTE.skin).stroke(line());
  return g;
}

/** Front view: the back of the hand, four fingers side by side, the thumb at one side. */
export function drawHoldingHand(): Graphics {
  const g = new Graphics();
  const palmLen = du(0.085);
  const palmW = du(0.09);
  const fingerW = du(0.02);
  const lengths = [du(0.06), du(0.075), du(0.08), du(0.07)];
  const longest = Math.max(...lengths);
  sleeve(g, palmLen + longest, du(0.052));
  g.poly([-palmLen - longest, -palmW / 2, -longest + du(0.008), -palmW / 2 - du(0.004), -longest + du(0.008), palmW / 2 + du(0.004), -palmLen - longest, palmW / 2])
    .fill(PALETTE.skin).stroke({ ...line(), join: 'round' });
  // Fingers, from the little finger to the index, across the palm's width.
  const gap = (palmW - 4 * fingerW) / 3;
  lengths.forEach((len, i) => {
    const y = -palmW / 2 + i * (fingerW + gap);
    g.roundRect(-longest - du(0.006), y, len + du(0.006), fingerW, fingerW / 2).fill(PALETTE.skin).stroke(line());
  });
  // Thumb, angled along the index-finger side.
  g.roundRect(-longest - du(0.03), palmW / 2 - du(0.006), du(0.05), du(0.022), du(0.011)).fill(PALETTE.skin).stroke(line());
  return g;
}
