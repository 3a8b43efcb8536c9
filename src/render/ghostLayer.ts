// The ghost: what the observer in focus expects. For each moving body, a translucent outline where
// it expected the body to be now, and a dotted path of where it expects it over the next second.
// Outlines are built once per body; the dots are redrawn only when the ghost or the frame changes.
import { Container, Graphics } from 'pixi.js';
import type { Ghost, GhostPath } from './ghost';
import { designPosition, du } from './designUnits';
import { PALETTE } from './palette';

/** A dot every this many predicted steps (1/15 s). */
const DOT_EVERY = 4;

export class GhostLayer {
  readonly view = new Container({ label: 'ghost' });
  private readonly dots = new Graphics();
  private readonly outlines = new Map<string, { g: Graphics; key: string }>();
  private drawnKey = '';
  private worldHeight = 1;

  constructor() {
    this.view.addChild(this.dots);
  }

  reset(worldHeight: number): void {
    this.worldHeight = worldHeight;
    for (const o of this.outlines.values()) o.g.destroy();
    this.outlines.clear();
    this.dots.clear();
    this.drawnKey = '';
  }

  /** Shows `ghost` as seen at `frame` (null hides it). */
  draw(ghost: Ghost | null, frame: number): void {
    this.view.visible = ghost !== null;
    if (!ghost) return;
    const offset = frame - ghost.start;
    const key = `${ghost.start}|${frame}|${ghost.paths.length}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    const seen = new Set<string>();
    this.dots.clear();
    for (const path of ghost.paths) {
      seen.add(path.id);
      const n = path.x.length - 1;
      if (offset < 0 || offset > n) {
        this.outline(path).g.visible = false;
        continue;
      }
      for (let k = offset + DOT_EVERY; k <= n; k += DOT_EVERY) {
        const p = designPosition(this.worldHeight, path.x[k]!, path.y[k]!);
        const fade = 1 - (k - offset) / (n + 1);
        this.dots.circle(p.x, p.y, du(0.022)).fill({ color: PALETTE.ghost, alpha: 0.25 + 0.55 * fade });
      }
      const o = this.outline(path);
      const p = designPosition(this.worldHeight, path.x[offset]!, path.y[offset]!);
      o.g.visible = true;
      o.g.position.set(p.x, p.y);
      o.g.rotation = -path.angle[offset]!;
    }
    for (const [id, o] of this.outlines) if (!seen.has(id)) o.g.visible = false;
  }

  private outline(path: GhostPath): { g: Graphics; key: string } {
    const key = `${path.kind}|${path.width.toFixed(3)}|${path.height.toFixed(3)}`;
    const existing = this.outlines.get(path.id);
    if (existing && existing.key === key) return existing;
    existing?.g.destroy();
    const g = new Graphics();
    const stroke = { width: du(0.016), color: PALETTE.ghost, alpha: 0.9 };
    if (path.kind === 'ball') g.circle(0, 0, du(path.width / 2)).fill({ color: PALETTE.ghost, alpha: 0.12 }).stroke(stroke);
    else g.roundRect(-du(path.width / 2), -du(path.height / 2), du(path.width), du(path.height), du(0.03)).fill({ color: PALETTE.ghost, alpha: 0.12 }).stroke(stroke);
    this.view.addChild(g);
    const made = { g, key };
    this.outlines.set(path.id, made);
    return made;
  }
}
