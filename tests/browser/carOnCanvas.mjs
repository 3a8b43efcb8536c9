// The car as drawn, against the car as simulated: its fill's pixels on the canvas, and the body's
// box projected through the page's view transform. Sound under WebGL (no multisampling on
// software WebGL) and under the canvas renderer (antialiased edges) alike.
import { hexToRgb, measureNear } from './pagePixels.mjs';

/** The ghost's translucent outline (src/render/ghostLayer.ts: PALETTE.ghost filled at alpha 0.12)
 * lies over the car whenever the observer expects it to stay put (at the start, before the push),
 * so the fill is looked for plain and as seen through that tint. */
const GHOST = hexToRgb('#4f46e5');
const GHOST_FILL_ALPHA = 0.12;

/** How far (Euclidean, RGB units) a pixel may be from the car's fill, plain or tinted, to count.
 * The nearest other colours the page draws are 58 from the tinted fill (the ghost's off-track
 * rose #e11d48, the hand's outline #b98160; 64 and 78 from the plain fill: see
 * src/render/palette.ts), so within 24 a pixel is nearer the car's fill than anything else, with
 * room for rounding. An antialiased edge pixel blends toward its neighbour (the background is 251
 * from the fill, the car's dark outline 112), so it counts only when the fill covers about 80–90%
 * of it: the count measures the fill's inside, which thin parts (the body below the windows is
 * about 11 px tall at 1280×800) make smaller under an antialiasing renderer. Hence the count is
 * judged against the body's projected area, and the place by the box. */
export const CAR_FILL_DISTANCE = 24;

/** The least share of the body's projected box that the fill's inside must cover. The drawing
 * fills about 30% of the box (the top 72% holds body and cabin, less windows, wheel arches, outline
 * and stripe; below are the wheels). Measured every 5th frame to frame 230 (carSweep.mjs, 1280
 * and 420 px wide) and in the tests' states: 17–24% under WebGL, 11–19% under the canvas renderer
 * (its antialiased edges eat into the 11 px tall lower body), and down to 9.6% in one capture while
 * playing under load, where the ghost's translucent outline and dots, drawn over the car, hide
 * part of it. A car not drawn gives 0; one drawn in the wrong place fails the edge check, which is
 * the stronger one. */
export const CAR_FILL_SHARE = 0.05;

/** How far (CSS px) an edge of the drawn fill may lie inside the simulated body's box: the dark
 * outline's inner half, and under the canvas renderer the antialiased pixels next to it, which are
 * too far from the fill to count. Measured every 5th frame of both conditions from frame 40 on
 * (`node tests/browser/carSweep.mjs`): up to 2.3 px under WebGL, 3.8 px under the canvas renderer.
 * (Before the push the ghost's dots lie over the car's front and hide up to 14.5 px of it; no test
 * looks there.) */
export const CAR_EDGE_INSIDE = 4.5;
/** The same at 420 px wide, where the car is 28 px long and the canvas renderer leaves no pixel of
 * pure fill in its cabin (roof and pillars about a pixel thick): the top edge is then the belt line,
 * measured up to 5.3 px in (and the front 5.3 px in); WebGL up to 2.3 px. */
export const CAR_EDGE_INSIDE_NARROW = 7;
/** How far an edge may lie outside it: pixel rounding only (never seen past 0). */
export const CAR_EDGE_OUTSIDE = 1.5;

/** The car's fill on the canvas, and the body's axis-aligned box on screen (turned by its angle). */
export async function carOnCanvas(page, fillHex, id = 'car') {
  const fill = hexToRgb(fillHex);
  const tinted = fill.map((v, i) => v * (1 - GHOST_FILL_ALPHA) + GHOST[i] * GHOST_FILL_ALPHA);
  const drawn = await measureNear(page, [fill, tinted], CAR_FILL_DISTANCE);
  const body = await page.evaluate((bid) => {
    const lab = window.__surpriseLab;
    const b = lab.snapshot().bodies.find((x) => x.id === bid);
    const c = lab.worldToScreen(b.x, b.y);
    const pxPerM = lab.worldToScreen(b.x + 1, b.y).x - c.x;
    const w = b.width * pxPerM;
    const h = b.height * pxPerM;
    const halfX = (Math.abs(w * Math.cos(b.angle)) + Math.abs(h * Math.sin(b.angle))) / 2;
    const halfY = (Math.abs(w * Math.sin(b.angle)) + Math.abs(h * Math.cos(b.angle))) / 2;
    return { x: c.x, y: c.y, width: w, height: h, angle: b.angle, left: c.x - halfX, right: c.x + halfX, top: c.y - halfY, bottom: c.y + halfY };
  }, id);
  return { drawn, body };
}

/** How far each edge of the drawn fill is from the simulated body's box (CSS px, positive
 * inward): left, right and top, where the fill reaches the body's outline (the roof is its top, the
 * lower body spans its length); the bottom of the box is wheels, not fill. */
export function carEdgeGaps({ drawn, body }) {
  // Pixel indices: a fill from pixel a to pixel b covers [a, b + 1).
  return { left: drawn.minX - body.left, right: body.right - (drawn.maxX + 1), top: drawn.minY - body.top };
}

/** Asserts the fill is drawn, and drawn where the simulated body is: its left, right and top edges
 * on the body's box (a little inside it; a tilt moves the box's corner away from the fill by up to
 * half the body's length × sin), its bottom inside it (the wheels are below the fill). Checked by
 * breaking the drawing: the car not drawn, or drawn 0.04 m (4.6 px) left of its body, fails under
 * both renderers; drawn 4 px low fails under the canvas renderer and sits on the limit under WebGL
 * (its top edge 4.5 px in): about 5 px off, in any direction, fails. */
export function assertCarDrawnAtBody(assert, { drawn, body }, what = 'car', inside = CAR_EDGE_INSIDE) {
  const area = body.width * body.height;
  assert.ok(drawn.count >= CAR_FILL_SHARE * area,
    `${what} drawn: ${drawn.count} fill pixels, at least ${(CAR_FILL_SHARE * 100).toFixed(0)}% of its ${area.toFixed(0)} px² box wanted`);
  const gaps = carEdgeGaps({ drawn, body });
  const tilt = Math.abs(Math.sin(body.angle)) * body.width / 2;
  const bottomGap = body.bottom - (drawn.maxY + 1);
  const onEdge = (g) => g >= -CAR_EDGE_OUTSIDE && g <= inside + tilt;
  assert.ok(onEdge(gaps.left) && onEdge(gaps.right) && onEdge(gaps.top) && bottomGap >= -CAR_EDGE_OUTSIDE,
    `${what} drawn where simulated: fill x ${drawn.minX.toFixed(1)}–${(drawn.maxX + 1).toFixed(1)}, y ${drawn.minY.toFixed(1)}–${(drawn.maxY + 1).toFixed(1)}; `
    + `body box x ${body.left.toFixed(1)}–${body.right.toFixed(1)}, y ${body.top.toFixed(1)}–${body.bottom.toFixed(1)}; edge gaps (inward) left ${gaps.left.toFixed(1)}, `
    + `right ${gaps.right.toFixed(1)}, top ${gaps.top.toFixed(1)} px, from −${CAR_EDGE_OUTSIDE} to ${(inside + tilt).toFixed(1)} wanted; bottom inside`);
}
