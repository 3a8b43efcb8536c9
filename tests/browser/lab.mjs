// Helpers that read the page through its read-only hook (window.__surpriseLab) and drive it
// through the keyboard, as a person would.

/** Waits until the page has a renderer and a trial, and has finished starting (observers listed,
 * ?autoplay applied), so that nothing changes behind a test's back afterwards. */
export async function ready(page) {
  await page.waitForFunction(() => {
    const lab = window.__surpriseLab;
    return !!lab && lab.renderer !== null && lab.frames > 0 && lab.started;
  }, null, { timeout: 30_000 });
}

export async function hook(page) {
  return page.evaluate(() => {
    const lab = window.__surpriseLab;
    return { renderer: lab.renderer, sceneId: lab.sceneId, condition: lab.condition, running: lab.running,
      frame: lab.frame, head: lab.head, frames: lab.frames, onsetFrame: lab.onsetFrame, speed: lab.speed };
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

/** Waits until every picked observer is loaded and running. */
export async function modelsReady(page) {
  await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 60_000 });
}

/** Mean of each observer's surprise over frames [from, to] (nulls skipped). */
export async function meanSurprise(page, from, to) {
  return page.evaluate(([a, b]) => {
    const { first, series } = window.__surpriseLab.surprise();
    const out = {};
    for (const [id, values] of Object.entries(series)) {
      const xs = values.slice(Math.max(0, a - first), b - first + 1).filter((v) => v !== null);
      out[id] = xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null;
    }
    return out;
  }, [from, to]);
}

/** A body's centre on screen (page CSS pixels), from the hook and the canvas's place. */
export async function bodyCentreOnPage(page, id) {
  return page.evaluate((bid) => {
    const lab = window.__surpriseLab;
    const b = lab.snapshot().bodies.find((x) => x.id === bid);
    const p = lab.worldToScreen(b.x, b.y);
    const r = document.querySelector('#canvas-host').getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, body: b };
  }, id);
}
