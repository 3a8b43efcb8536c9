// Helpers that read the page through its read-only hook (window.__surpriseLab) and drive it
// through the keyboard, as a person would.

/** Waits until the page has a renderer and a trial. */
export async function ready(page) {
  await page.waitForFunction(() => {
    const lab = window.__surpriseLab;
    return !!lab && lab.renderer !== null && lab.frames > 0;
  }, null, { timeout: 30_000 });
}

export async function hook(page) {
  return page.evaluate(() => {
    const lab = window.__surpriseLab;
    return { renderer: lab.renderer, sceneId: lab.sceneId, condition: lab.condition, running: lab.running,
      frame: lab.frame, frames: lab.frames, onsetFrame: lab.onsetFrame };
  });
}

export async function waitFor(page, fnSource, arg, timeout = 45_000) {
  await page.waitForFunction(fnSource, arg, { timeout });
}

/** Lets the page draw a couple of animation frames (so a paused state is on the canvas). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
}

/** Pauses with Space if running, and waits until the hook says so. */
export async function pause(page) {
  if ((await hook(page)).running) await page.keyboard.press('Space');
  await waitFor(page, () => !window.__surpriseLab.running);
  await settle(page);
}

/** The current snapshot's body of a kind (or id), with screen geometry from the view transform. */
export async function bodyOnScreen(page, match) {
  return page.evaluate((m) => {
    const lab = window.__surpriseLab;
    const snap = lab.snapshot();
    const b = snap.bodies.find((x) => x.id === m || x.kind === m);
    if (!b) return null;
    const tl = lab.worldToScreen(b.x - b.width / 2, b.y + b.height / 2);
    const br = lab.worldToScreen(b.x + b.width / 2, b.y - b.height / 2);
    return { ...b, left: tl.x, top: tl.y, right: br.x, bottom: br.y, pxPerM: (br.x - tl.x) / b.width };
  }, match);
}
