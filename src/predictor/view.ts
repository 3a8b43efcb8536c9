// What an observer knows of its view, frame by frame: the window it looks through, the screens in it,
// and where it has never looked.
import type { WorldSpec } from '../sim/spec';
import { insideRect, occludersAt, type Rect } from '../sim/occluders';
import { exp } from '../sim/portableMath';
import { STEP_S } from '../sim/units';
import { nextUnexplored } from './unexplored';

export interface ViewFrame {
  /** The window: x ∈ [0, width], y ∈ [0, height], m. */
  width: number;
  height: number;
  /** Screens standing in the view at this frame (they hide what is behind them). */
  screens: Rect[];
  /** The parts of the window behind a screen at every frame from 0 to this one: never seen, so an
   * object nobody has seen may be there (src/predictor/unexplored.ts, docs/surprise.md). */
  unexplored: Rect[];
}

type ViewedWorld = Pick<WorldSpec, 'width' | 'height' | 'occluders'>;

/** The view at every frame 0…frames of a world (screens may move). */
export function viewsOf(world: ViewedWorld, frames: number): ViewFrame[] {
  const out: ViewFrame[] = [];
  const settled = settledFrame(world);
  let unexplored: Rect[] | null = null;
  for (let f = 0; f <= frames; f++) {
    const screens = occludersAt(world, f);
    if (f <= settled) unexplored = nextUnexplored(unexplored, world, screens);
    out.push({ width: world.width, height: world.height, screens, unexplored: unexplored! });
  }
  return out;
}

/** A frame from which no screen moves any more: from there on the unexplored space stays as it is
 * (both functions below stop updating it there, so they give the same numbers). */
const settledFrame = (world: ViewedWorld): number =>
  Math.max(0, ...world.occluders.flatMap((o) => (o.moves ?? []).map((m) => Math.ceil((m.at + m.duration) / STEP_S) + 1)));

/** The view at one frame: the same numbers as viewsOf's at that frame. */
export function viewAt(world: ViewedWorld, frame: number): ViewFrame {
  let unexplored: Rect[] | null = null;
  for (let f = 0; f <= Math.min(frame, settledFrame(world)); f++) unexplored = nextUnexplored(unexplored, world, occludersAt(world, f));
  return { width: world.width, height: world.height, screens: occludersAt(world, frame), unexplored: unexplored! };
}

/** Whether an object whose centre is at (x, y) would be seen: inside the window and behind no screen
 * (the simulator's rule for hiding bodies, applied to where the observer expects it). */
export function expectVisible(view: ViewFrame, x: number, y: number): boolean {
  if (!(x >= 0 && x <= view.width && y >= 0 && y <= view.height)) return false;
  return !view.screens.some((s) => insideRect(x, y, s));
}

/** The chance that an object expected at (x, y) with position variances (varX, varY), m², is not
 * seen: its centre outside the window or behind a screen, under a Gaussian over its centre. Screens
 * are added up (capped at 1), which slightly overstates it where screens overlap. */
export function probabilityHidden(view: ViewFrame, x: number, y: number, varX: number, varY: number): number {
  return probabilityOutsideOrIn(view, view.screens, x, y, varX, varY);
}

/** The chance that an object at (x, y) with position variances (varX, varY), m², is where nobody has
 * looked: outside the window or in the view's unexplored space (summed the same way, capped at 1). */
export function probabilityUnexplored(view: ViewFrame, x: number, y: number, varX: number, varY: number): number {
  return probabilityOutsideOrIn(view, view.unexplored, x, y, varX, varY);
}

function probabilityOutsideOrIn(view: ViewFrame, rects: readonly Rect[], x: number, y: number, varX: number, varY: number): number {
  const sx = Math.sqrt(Math.max(varX, 1e-12));
  const sy = Math.sqrt(Math.max(varY, 1e-12));
  const inside = (r: Rect): number =>
    (normalCdf((r.x + r.width / 2 - x) / sx) - normalCdf((r.x - r.width / 2 - x) / sx)) *
    (normalCdf((r.y + r.height / 2 - y) / sy) - normalCdf((r.y - r.height / 2 - y) / sy));
  let p = 1 - inside({ x: view.width / 2, y: view.height / 2, width: view.width, height: view.height });
  for (const s of rects) p += inside(s);
  return Math.min(1, Math.max(0, p));
}

/** Standard normal CDF from erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
