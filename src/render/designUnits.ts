// Body drawings are built once in "design units" (100 per metre, y down, origin at the body's
// centre) so curves get enough segments; the world layer's transform scales them to the screen.
import type { ViewTransform } from './viewTransform';

export const DESIGN_PER_M = 100;

/** The shorter world side (m) the marks that are not bodies (strokes, ghost dots, halos, selection
 * corners, the hand) were sized for: every shipped world's is 3 m or more. */
const MARKS_SIZED_FOR_M = 3;

/** How big those marks are drawn: 1 in worlds whose shorter side is 3 m or more (every shipped one);
 * in a smaller world they shrink with it, so that in a 5 cm world a 14 cm halo and 2 cm ghost dots
 * do not bury a 1 cm car. */
export function markScale(worldWidth: number, worldHeight: number): number {
  return Math.min(1, Math.min(worldWidth, worldHeight) / MARKS_SIZED_FOR_M);
}

/** Metres → design units. */
export const du = (m: number): number => m * DESIGN_PER_M;

/** Where the world layer goes so that design positions land where the view transform says. */
export function worldLayerTransform(t: ViewTransform): { x: number; y: number; scale: number } {
  return { x: t.offsetX, y: t.offsetY, scale: t.scale / DESIGN_PER_M };
}

/** A body centre (metres, y up) in design units of the world layer (y down). */
export function designPosition(worldHeight: number, x: number, y: number): { x: number; y: number } {
  return { x: du(x), y: du(worldHeight - y) };
}
