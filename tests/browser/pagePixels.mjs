// Reads the drawn scene back: copies the pixi canvas into a 2D canvas inside the page and
// measures the pixels near a colour (count, centroid and extent, in CSS pixels).

/** Runs in the page. `rgbs` is a list of [r, g, b]; a pixel counts when it is near any of them:
 * within `tol` on every channel ('channel'), or within `tol` in RGB space ('euclidean'). */
function measureInPage({ rgbs, tol, metric, selector }) {
  const src = document.querySelector(selector);
  if (!src) throw new Error(`no canvas at ${selector}`);
  const off = document.createElement('canvas');
  off.width = src.width;
  off.height = src.height;
  const ctx = off.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(src, 0, 0);
  const { data } = ctx.getImageData(0, 0, off.width, off.height);
  const k = src.width / src.getBoundingClientRect().width;
  const near = metric === 'euclidean'
    ? (r, g, b) => rgbs.some(([R, G, B]) => (r - R) ** 2 + (g - G) ** 2 + (b - B) ** 2 <= tol * tol)
    : (r, g, b) => rgbs.some(([R, G, B]) => Math.abs(r - R) <= tol && Math.abs(g - G) <= tol && Math.abs(b - B) <= tol);
  let count = 0, sx = 0, sy = 0, minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let y = 0; y < off.height; y++) {
    for (let x = 0; x < off.width; x++) {
      const i = (y * off.width + x) * 4;
      if (near(data[i], data[i + 1], data[i + 2])) {
        count++; sx += x; sy += y;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  const px = (v) => v / k;
  return count === 0
    ? { count: 0 }
    : { count, cx: px(sx / count), cy: px(sy / count), minX: px(minX), maxX: px(maxX), minY: px(minY), maxY: px(maxY) };
}

export function hexToRgb(hex) {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `selector` finds the canvas: the playground's by default. `tol` is per channel. */
export async function measureColour(page, hex, tol = 24, selector = '#canvas-host canvas') {
  return page.evaluate(measureInPage, { rgbs: [hexToRgb(hex)], tol, metric: 'channel', selector });
}

/** Pixels within `distance` (Euclidean, in RGB units) of any of `rgbs`. */
export async function measureNear(page, rgbs, distance, selector = '#canvas-host canvas') {
  return page.evaluate(measureInPage, { rgbs, tol: distance, metric: 'euclidean', selector });
}
