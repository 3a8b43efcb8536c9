// Draws over the scene, in screen pixels: the basket's mouth (the target zone, with a grip that
// says it can be dragged), and per planner its predicted path (dashed) and the real one (solid).
import { Container, Graphics } from 'pixi.js';
import type { Point, TargetZone } from '../../experiment/planning/planProblem';
import { toScreenX, toScreenY, type ViewTransform } from '../../render/viewTransform';

export interface DrawnPath {
  id: string;
  /** 0xRRGGBB */
  colour: number;
  predicted: readonly Point[];
  real: readonly Point[];
}

/** What the overlay drew, per planner (read by the page's test hook). */
export interface DrawnStats {
  predictedDashes: number;
  realPoints: number;
}

const ZONE_FILL = 0x16a34a;
const ZONE_EDGE = 0x15803d;
const DASH_PX = 9;
const GAP_PX = 6;
const LINE_PX = 2.5;

export class PlanOverlay {
  readonly view = new Container({ label: 'plan-overlay' });
  private readonly zoneG = new Graphics();
  private readonly pathG = new Graphics();
  private zone: TargetZone | null = null;
  private active = false;
  private paths: DrawnPath[] = [];
  private showPaths = true;
  private stats = new Map<string, DrawnStats>();

  constructor() {
    this.view.addChild(this.zoneG, this.pathG);
  }

  setZone(zone: TargetZone, active: boolean): void {
    this.zone = zone;
    this.active = active;
  }

  setPaths(paths: readonly DrawnPath[]): void {
    this.paths = [...paths];
  }

  setPathsVisible(visible: boolean): void {
    this.showPaths = visible;
  }

  drawn(): Record<string, DrawnStats> {
    return Object.fromEntries(this.stats);
  }

  redraw(t: ViewTransform): void {
    this.drawZone(t);
    this.drawPaths(t);
  }

  private drawZone(t: ViewTransform): void {
    const g = this.zoneG.clear();
    const z = this.zone;
    if (!z) return;
    const x0 = toScreenX(t, z.xMin), x1 = toScreenX(t, z.xMax);
    const top = toScreenY(t, z.y + Math.max(z.height, 0.02)), floor = toScreenY(t, z.y);
    g.rect(x0, top, x1 - x0, floor - top).fill({ color: ZONE_FILL, alpha: this.active ? 0.35 : 0.2 });
    g.moveTo(x0, top).lineTo(x1, top).stroke({ width: this.active ? 2 : 1.5, color: ZONE_EDGE, alpha: 0.9 });
    // The grip: two small arrows on the floor under the basket, pointing the ways it can go.
    const mid = (x0 + x1) / 2, y = floor + Math.max(7, Math.min(14, 0.18 * t.scale)), s = Math.max(4, Math.min(7, 0.08 * t.scale));
    g.poly([mid - 3 - 2 * s, y, mid - 3, y - s, mid - 3, y + s]).fill({ color: ZONE_EDGE });
    g.poly([mid + 3 + 2 * s, y, mid + 3, y - s, mid + 3, y + s]).fill({ color: ZONE_EDGE });
  }

  private drawPaths(t: ViewTransform): void {
    const g = this.pathG.clear();
    this.stats = new Map();
    if (!this.showPaths) return;
    for (const p of this.paths) {
      const real = p.real.map((q) => ({ x: toScreenX(t, q.x), y: toScreenY(t, q.y) }));
      if (real.length > 1) {
        g.moveTo(real[0]!.x, real[0]!.y);
        for (const q of real.slice(1)) g.lineTo(q.x, q.y);
        g.stroke({ width: LINE_PX, color: p.colour, cap: 'round', join: 'round' });
        const end = real[real.length - 1]!;
        g.circle(end.x, end.y, 4).fill({ color: p.colour });
      }
      const predicted = p.predicted.map((q) => ({ x: toScreenX(t, q.x), y: toScreenY(t, q.y) }));
      const dashes = dashedPath(g, predicted);
      if (dashes > 0) g.stroke({ width: LINE_PX, color: p.colour, cap: 'butt' });
      this.stats.set(p.id, { predictedDashes: dashes, realPoints: real.length });
    }
  }
}

/** Adds a dashed polyline (dash and gap measured along the path, in pixels); returns the dashes. */
function dashedPath(g: Graphics, pts: readonly Point[]): number {
  let dashes = 0;
  let on = true;
  let left = DASH_PX;
  for (let i = 1; i < pts.length; i++) {
    let a = pts[i - 1]!;
    const b = pts[i]!;
    let len = Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);
    while (len > 1e-6) {
      const step = Math.min(left, len);
      const f = step / len;
      const next = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      if (on) {
        g.moveTo(a.x, a.y).lineTo(next.x, next.y);
        if (left === DASH_PX) dashes++;
      }
      left -= step;
      len -= step;
      a = next;
      if (left <= 1e-6) { on = !on; left = on ? DASH_PX : GAP_PX; }
    }
  }
  return dashes;
}
