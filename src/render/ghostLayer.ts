// The ghost: what the observer in focus expects. For each moving body, a translucent outline where
// it expected the body to be now, and a dotted path of where it expects it to go. Where the real
// frames are known (time has run on, or the view stepped back), the dots are judged: green while
// within the on-track tolerance, red after the body left it, with the real path as a thin line and
// a ring where it left. Outlines are built once per body; the rest is redrawn only on a change.
import { Container, Graphics } from 'pixi.js';
import type { GhostDivergence } from '../experiment/ghostDivergence';
import type { Ghost, GhostPath } from './ghost';
import { designPosition, du } from './designUnits';
import { PALETTE } from './palette';

/** A dot every 4 predicted steps (1/15 s) for ghosts up to 2 s; sparser for longer ones, so that
 * a 10 s ghost of a crowded scene stays a few thousand dots (the exit ring marks the exact step). */
const dotEvery = (steps: number): number => (steps <= 120 ? 4 : steps <= 300 ? 6 : 8);
const DOT_R = 0.022;

export class GhostLayer {
  readonly view = new Container({ label: 'ghost' });
  /** Under the dots: the real path since the ghost's start. */
  private readonly real = new Graphics();
  private readonly dots = new Graphics();
  /** Over the dots: where each body left the track, and where it really was at the last judged step. */
  private readonly rings = new Graphics();
  private readonly outlines = new Map<string, { g: Graphics; key: string }>();
  private drawnKey = '';
  private worldHeight = 1;
  /** markScale of the world: dots, lines and rings shrink in small worlds. */
  private marks = 1;

  constructor() {
    this.view.addChild(this.real, this.dots, this.rings);
  }

  reset(worldHeight: number, marks = 1): void {
    this.worldHeight = worldHeight;
    this.marks = marks;
    for (const o of this.outlines.values()) o.g.destroy();
    this.outlines.clear();
    this.real.clear();
    this.dots.clear();
    this.rings.clear();
    this.drawnKey = '';
  }

  /** Shows `ghost` as seen at `frame` (null hides it), judged by `judged` where it can be. The dots
   * are redrawn only when `version` changes (the ghost grew, or more of it was judged); as time
   * runs only the outlines move. */
  draw(ghost: Ghost | null, frame: number, judged: GhostDivergence | null, version: string): void {
    this.view.visible = ghost !== null;
    if (!ghost) return;
    if (version !== this.drawnKey) {
      this.drawnKey = version;
      this.real.clear();
      this.dots.clear();
      this.rings.clear();
      for (const path of ghost.paths) {
        const body = judged?.bodies.find((b) => b.id === path.id);
        if (body) this.drawReal(body.realX, body.realY);
        this.drawDots(path, ghost.built, body?.distance, body?.exitStep ?? null);
        if (body && body.exitStep !== null) this.drawExit(path.x[body.exitStep]!, path.y[body.exitStep]!);
      }
    }
    const offset = frame - ghost.start;
    const seen = new Set<string>();
    for (const path of ghost.paths) {
      seen.add(path.id);
      const o = this.outline(path);
      o.g.visible = offset >= 0 && offset <= ghost.built;
      if (!o.g.visible) continue;
      const p = designPosition(this.worldHeight, path.x[offset]!, path.y[offset]!);
      o.g.position.set(p.x, p.y);
      o.g.rotation = -path.angle[offset]!;
    }
    for (const [id, o] of this.outlines) if (!seen.has(id)) o.g.visible = false;
  }

  /** A dot every few steps up to `built`. Judged ones (a real distance is known) are opaque, green
   * or red; the rest fade, in the ghost's own colour, the further ahead they are. */
  private drawDots(path: GhostPath, built: number, distance: Float64Array | undefined, exitStep: number | null): void {
    const n = path.x.length - 1;
    const every = dotEvery(n);
    const r = du(DOT_R * this.marks);
    for (let k = every; k <= built; k += every) {
      const p = designPosition(this.worldHeight, path.x[k]!, path.y[k]!);
      if (distance && k < distance.length && !Number.isNaN(distance[k]!)) {
        this.dots.circle(p.x, p.y, r).fill({ color: exitStep !== null && k >= exitStep ? PALETTE.ghostOffTrack : PALETTE.ghostOnTrack, alpha: 1 });
      } else {
        this.dots.circle(p.x, p.y, r).fill({ color: PALETTE.ghost, alpha: 0.25 + 0.55 * (1 - k / (n + 1)) });
      }
    }
  }

  /** The real path as a thin line, broken where the body was out of sight, with a dot where it
   * really was at the last judged step (the line may hide under the dots where both agree). */
  private drawReal(xs: Float64Array, ys: Float64Array): void {
    let pen = false;
    let end: { x: number; y: number } | null = null;
    for (let k = 0; k < xs.length; k++) {
      if (Number.isNaN(xs[k]!)) { pen = false; continue; }
      const p = designPosition(this.worldHeight, xs[k]!, ys[k]!);
      if (pen) this.real.lineTo(p.x, p.y);
      else this.real.moveTo(p.x, p.y);
      pen = true;
      end = p;
    }
    const k = this.marks;
    this.real.stroke({ width: du(0.01 * k), color: PALETTE.ghostReal, alpha: 0.75 });
    if (end && xs.length > 1) this.rings.circle(end.x, end.y, du(0.03 * k)).fill({ color: PALETTE.ghostReal }).stroke({ width: du(0.012 * k), color: 0xffffff });
  }

  /** A ring around the first dot off the track. */
  private drawExit(x: number, y: number): void {
    const p = designPosition(this.worldHeight, x, y);
    const k = this.marks;
    this.rings.circle(p.x, p.y, du(0.055 * k)).stroke({ width: du(0.022 * k), color: 0xffffff, alpha: 0.9 });
    this.rings.circle(p.x, p.y, du(0.055 * k)).stroke({ width: du(0.012 * k), color: PALETTE.ghostOffTrack, alpha: 1 });
  }

  private outline(path: GhostPath): { g: Graphics; key: string } {
    const key = `${path.kind}|${path.width.toFixed(3)}|${path.height.toFixed(3)}`;
    const existing = this.outlines.get(path.id);
    if (existing && existing.key === key) return existing;
    existing?.g.destroy();
    const g = new Graphics();
    const stroke = { width: du(0.016 * this.marks), color: PALETTE.ghost, alpha: 0.9 };
    if (path.kind === 'ball') g.circle(0, 0, du(path.width / 2)).fill({ color: PALETTE.ghost, alpha: 0.12 }).stroke(stroke);
    else g.roundRect(-du(path.width / 2), -du(path.height / 2), du(path.width), du(path.height), du(0.03 * this.marks)).fill({ color: PALETTE.ghost, alpha: 0.12 }).stroke(stroke);
    this.view.addChild(g);
    const made = { g, key };
    this.outlines.set(path.id, made);
    return made;
  }
}
