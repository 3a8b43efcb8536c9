// What an observer knows of its view, frame by frame: the window it looks through and the screens in it.
import type { WorldSpec } from '../sim/spec';
import { insideRect, occludersAt, type Rect } from '../sim/occluders';

export interface ViewFrame {
  /** The window: x ∈ [0, width], y ∈ [0, height], m. */
  width: number;
  height: number;
  /** Screens standing in the view at this frame (they hide what is behind them). */
  screens: Rect[];
}

/** The view at every frame 0…frames of a world (screens may move). */
export function viewsOf(world: Pick<WorldSpec, 'width' | 'height' | 'occluders'>, frames: number): ViewFrame[] {
  const out: ViewFrame[] = [];
  for (let f = 0; f <= frames; f++) out.push(viewAt(world, f));
  return out;
}

export function viewAt(world: Pick<WorldSpec, 'width' | 'height' | 'occluders'>, frame: number): ViewFrame {
  return { width: world.width, height: world.height, screens: occludersAt(world, frame) };
}

/** Whether an object whose centre is at (x, y) would be seen: inside the window and behind no screen
 * (the same rule the simulator uses to hide bodies, applied to where the observer expects it). */
export function expectVisible(view: ViewFrame, x: number, y: number): boolean {
  if (!(x >= 0 && x <= view.width && y >= 0 && y <= view.height)) return false;
  return !view.screens.some((s) => insideRect(x, y, s));
}
