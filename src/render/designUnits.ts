// Body drawings are built once in "design units" (100 per metre, y down, origin at the body's
// centre) so curves get enough segments; the world layer's transform scales them to the screen.
import type { ViewTransform } from './viewTransform';

export const DESIGN_PER_M = 100;

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
