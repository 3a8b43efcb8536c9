// The editing stage: the scene's first frame drawn by the playground's SceneView, with the
// studio's overlay on top (variants as an onion-skin, the selection's grips, snap guides) and the
// live checks' markers as labelled DOM pins where each problem happens.
import { Container, Graphics } from 'pixi.js';
import { createPixiApp, type PixiHandle } from '../../../render/createPixiApp';
import { SceneView } from '../../../render/sceneView';
import { PALETTE } from '../../../render/palette';
import { toScreenX, toScreenY, type ViewTransform } from '../../../render/viewTransform';
import type { WorldSnapshot } from '../../../sim/snapshot';
import type { WorldSpec } from '../../../sim/spec';
import { h } from '../../../ui/dom';
import type { Guide } from '../model/snapping';
import { gripsOf, stageObjects, type StageObject } from '../model/stageObjects';

export interface Marker { x: number; y: number; text: string; path: string }

export interface StageFrame {
  world: WorldSpec;
  first: WorldSnapshot;
  selected: string | null;
  guides: readonly Guide[];
  onion: readonly WorldSpec[];
  markers: readonly Marker[];
}

export interface EditStage {
  readonly renderer: string;
  transform(): ViewTransform | null;
  objects(): StageObject[];
  draw(frame: StageFrame): void;
  /** Pixels of the canvas: for tests that count what is drawn. */
  readonly canvas: HTMLCanvasElement | null;
}

/** Grip radius on screen (CSS px). */
export const GRIP_PX = 7;

export async function createEditStage(host: HTMLElement, pins: HTMLElement): Promise<EditStage> {
  let pixi: PixiHandle | null = null;
  try {
    pixi = await createPixiApp(host);
  } catch {
    pixi = null;
  }
  const view = pixi ? new SceneView(pixi.app) : null;
  const overlay = new Graphics();
  const onionLayer = new Graphics();
  const layer = new Container({ label: 'studio' });
  layer.addChild(onionLayer, overlay);
  pixi?.app.stage.addChild(layer);
  let shownWorld: WorldSpec | null = null;
  let last: StageFrame | null = null;
  let t: ViewTransform | null = null;

  const outline = (g: Graphics, o: StageObject, tr: ViewTransform, colour: number, alpha: number, width: number): void => {
    const cx = toScreenX(tr, o.x);
    const cy = toScreenY(tr, o.y);
    if (o.round) {
      g.circle(cx, cy, (o.width / 2) * tr.scale).stroke({ width, color: colour, alpha });
      return;
    }
    const c = Math.cos(-o.angle);
    const s = Math.sin(-o.angle);
    const pts = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([a, b]) => {
      const lx = (a! * o.width * tr.scale) / 2;
      const ly = (b! * o.height * tr.scale) / 2;
      return { x: cx + lx * c - ly * s, y: cy + lx * s + ly * c };
    });
    g.poly(pts.flatMap((p) => [p.x, p.y])).stroke({ width, color: colour, alpha });
  };

  const draw = (frame: StageFrame): void => {
    last = frame;
    if (!pixi || !view) return;
    const size = { w: Math.max(host.clientWidth, 1), h: Math.max(host.clientHeight, 1) };
    if (pixi.app.renderer.width !== size.w || pixi.app.renderer.height !== size.h) pixi.app.renderer.resize(size.w, size.h);
    if (shownWorld !== frame.world) {
      view.show(frame.world, (id) => frame.world.bodies.find((b) => b.id === id));
      shownWorld = frame.world;
    }
    view.resize(size.w, size.h);
    t = view.transform;
    view.draw(frame.first, frame.first, 1, { glow: new Map(), ghost: null, frame: 0, selected: null });
    onionLayer.clear();
    // Only what varies: an object every variant puts in the same place would just be outlined in place.
    const canonical = new Map(stageObjects(frame.world).map((o) => [o.id, o]));
    const moved = (o: StageObject): boolean => {
      const c = canonical.get(o.id);
      return !c || Math.abs(c.x - o.x) + Math.abs(c.y - o.y) + Math.abs(c.width - o.width) + Math.abs(c.height - o.height) + Math.abs(c.angle - o.angle) > 1e-3;
    };
    for (const w of frame.onion) for (const o of stageObjects(w)) if (moved(o)) outline(onionLayer, o, t, PALETTE.ghost, 0.35, 1.5);
    overlay.clear();
    for (const g of frame.guides) {
      const dash = g.axis === 'x' ? [toScreenX(t, g.at), 0, toScreenX(t, g.at), size.h] : [0, toScreenY(t, g.at), size.w, toScreenY(t, g.at)];
      overlay.moveTo(dash[0]!, dash[1]!).lineTo(dash[2]!, dash[3]!).stroke({ width: 1, color: PALETTE.selection, alpha: 0.8 });
    }
    const sel = stageObjects(frame.world).find((o) => o.id === frame.selected);
    if (sel) {
      outline(overlay, sel, t, PALETTE.selection, 1, 2);
      const grips = gripsOf(sel);
      overlay.rect(toScreenX(t, grips.resize.x) - GRIP_PX, toScreenY(t, grips.resize.y) - GRIP_PX, 2 * GRIP_PX, 2 * GRIP_PX).fill(PALETTE.selection);
      if (grips.rotate) {
        overlay.moveTo(toScreenX(t, sel.x), toScreenY(t, sel.y)).lineTo(toScreenX(t, grips.rotate.x), toScreenY(t, grips.rotate.y)).stroke({ width: 1, color: PALETTE.selection });
        overlay.circle(toScreenX(t, grips.rotate.x), toScreenY(t, grips.rotate.y), GRIP_PX).fill(PALETTE.selection);
      }
    }
    pixi.app.render();
    placePins(frame.markers, t, frame.world);
  };

  const placePins = (markers: readonly Marker[], tr: ViewTransform, world: WorldSpec): void => {
    const placed: { x: number; y: number; flipped: boolean }[] = [];
    pins.replaceChildren(...markers.map((m, k) => {
      // A body that left the world is pinned at the edge it left by; pins that would cover one
      // another stack upwards.
      const x = Math.min(Math.max(m.x, 0.05), world.width - 0.05);
      let y = Math.min(Math.max(m.y, 0.25), world.height - 0.05);
      // The pin's label runs 260 px to the right of its dot, or to the left near the right edge.
      const flipped = x > world.width * 0.6;
      const span = (px: number, left: boolean): [number, number] => (left ? [px * tr.scale - 270, px * tr.scale + 12] : [px * tr.scale - 12, px * tr.scale + 270]);
      const [a, b] = span(x, flipped);
      while (placed.some((p) => { const [c, d] = span(p.x, p.flipped); return a < d && c < b && Math.abs(p.y - y) * tr.scale < 40; })) y += 44 / tr.scale;
      placed.push({ x, y, flipped });
      const flip = flipped ? ' studio-pin-left' : '';
      const pin = h('li', { class: `studio-pin${flip}`, 'data-testid': `stage-marker-${k}`, 'data-path': m.path, style: `left:${toScreenX(tr, x)}px;top:${toScreenY(tr, y)}px` },
        h('span', { class: 'studio-pin-dot', 'aria-hidden': 'true' }, '!'), h('span', { class: 'studio-pin-text' }, m.text));
      return pin;
    }));
  };

  new ResizeObserver(() => { if (last) draw(last); }).observe(host);
  return {
    renderer: pixi?.name ?? 'none',
    transform: () => t,
    objects: () => (last ? stageObjects(last.world) : []),
    draw,
    canvas: pixi ? pixi.app.canvas : null,
  };
}
