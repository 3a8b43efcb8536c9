// The view transform: fits the world (SI metres, y up) into the canvas (CSS pixels, y down).
// The only place where world coordinates become screen coordinates.

export interface ViewTransform {
  /** CSS pixels per metre. */
  scale: number;
  /** Screen position of the world's top-left corner (x = 0, y = worldHeight). */
  offsetX: number;
  offsetY: number;
  worldHeight: number;
}

/** Scales the world to fit the canvas, keeping its aspect, centred, with a margin in pixels. */
export function fitWorld(worldW: number, worldH: number, canvasW: number, canvasH: number, margin = 0): ViewTransform {
  const availW = Math.max(canvasW - 2 * margin, 1);
  const availH = Math.max(canvasH - 2 * margin, 1);
  const scale = Math.max(Math.min(availW / worldW, availH / worldH), 1e-3);
  return {
    scale,
    offsetX: (canvasW - worldW * scale) / 2,
    offsetY: (canvasH - worldH * scale) / 2,
    worldHeight: worldH,
  };
}

export function toScreenX(t: ViewTransform, x: number): number {
  return t.offsetX + x * t.scale;
}
export function toScreenY(t: ViewTransform, y: number): number {
  return t.offsetY + (t.worldHeight - y) * t.scale;
}

/** Canvas point (CSS pixels) → world point (metres, y up): the inverse of toScreenX/Y. */
export function toWorldX(t: ViewTransform, sx: number): number {
  return (sx - t.offsetX) / t.scale;
}
export function toWorldY(t: ViewTransform, sy: number): number {
  return t.worldHeight - (sy - t.offsetY) / t.scale;
}

/** Fits the band of the world from the floor up to `viewHeight` (m) into the canvas, centred
 * across, the floor on the canvas's bottom edge: a canvas taller than the band shows more sky. */
export function fitBand(worldW: number, worldH: number, viewHeight: number, canvasW: number, canvasH: number): ViewTransform {
  const band = Math.min(Math.max(viewHeight, 1e-3), worldH);
  const t = fitWorld(worldW, band, canvasW, canvasH);
  return { ...t, offsetY: canvasH - worldH * t.scale, worldHeight: worldH };
}
