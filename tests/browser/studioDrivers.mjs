// Driving the Studio in the browser tests: its read-only hook, drags and clicks at world points,
// Tab-only focus, and two drivers (the mouse, the keyboard alone) that the build tests share.

export const SHOTS = '/work/scratch/studio';
export const ready = (page) => page.waitForFunction(() => window.__studio?.ready === true, null, { timeout: 60_000 });
export const studio = (page) => page.evaluate(() => { const s = window.__studio; return JSON.parse(JSON.stringify({ ...s, twins: s.twins(), learners: s.learners() })); });
export const checked = (page) => page.waitForFunction(() => ['done', 'failed'].includes(window.__studio.checks.status) && window.__studio.issues.length === 0, null, { timeout: 45_000 })
  .catch(async (e) => { throw new Error(`${e.message}: checks ${JSON.stringify(await page.evaluate(() => [window.__studio.checks, window.__studio.issues]))}`); });

/** Keys sorted at every level, `$schema` left out: two files equal in content give the same text. */
export function canonical(value) {
  const sorted = (v) => (Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
  const { $schema, ...rest } = value;
  return JSON.stringify(sorted(rest));
}

/** Drags from one world point to another on the stage with the mouse (press, move in steps, let go). */
export async function drag(page, from, to) {
  const box = await page.getByTestId('studio-stage').boundingBox();
  const a = await page.evaluate(([x, y]) => window.__studio.toScreen(x, y), from);
  const b = await page.evaluate(([x, y]) => window.__studio.toScreen(x, y), to);
  await page.mouse.move(box.x + a.x, box.y + a.y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + a.x + ((b.x - a.x) * k) / 8, box.y + a.y + ((b.y - a.y) * k) / 8);
  await page.mouse.up();
}

export async function clickAt(page, at) {
  const box = await page.getByTestId('studio-stage').boundingBox();
  const p = await page.evaluate(([x, y]) => window.__studio.toScreen(x, y), at);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

/** Types into a field by clicking it (mouse), then Tab commits it. */
export async function typeInto(page, testid, text) {
  const field = page.getByTestId(testid);
  await field.click();
  await field.fill(text);
  await page.keyboard.press('Tab');
}

/** Lets the page draw twice (an edit's panels are rebuilt at the next animation frame). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));

/** Moves the keyboard focus with Tab alone until it is on the element with this test id: Shift+Tab
 * when the element is further up the page, and the other way round the page rather than through the
 * stage (where Tab picks the objects) when the stage lies in between. */
export async function tabTo(page, testid, max = 600) {
  const back = await page.evaluate((id) => {
    const target = document.querySelector(`[data-testid="${id}"]`);
    const stage = document.querySelector('[data-testid="studio-stage"]');
    const here = document.activeElement;
    if (!target || !here || here === document.body || target === stage) return false;
    const before = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const up = before(target, here);
    const crosses = up ? before(target, stage) && before(stage, here) : before(here, stage) && before(stage, target);
    return crosses ? !up : up;
  }, testid);
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const where = await page.evaluate(() => `${document.activeElement?.outerHTML.slice(0, 120)}; selected ${window.__studio.selected}`);
  throw new Error(`Tab never reached ${testid} (${back ? 'backwards' : 'forwards'}; focus on ${where})`);
}

/** Two ways of driving the page: with the mouse (clicks and drags; fields are clicked, then typed
 * into), and with the keyboard alone (Tab, Enter, arrows, typing). */
export const MOUSE = {
  name: 'mouse',
  press: (page, testid) => page.getByTestId(testid).click(),
  type: typeInto,
  choose: (page, testid, value) => page.getByTestId(testid).selectOption(value),
  /** Selects an object on the stage by clicking it. */
  select: (page, _id, at) => clickAt(page, at),
  /** Moves the selected object from `from` to `to` by dragging it. */
  move: (page, from, to) => drag(page, from, to),
};
export const KEYBOARD = {
  name: 'keyboard',
  press: async (page, testid) => { await tabTo(page, testid); await page.keyboard.press('Enter'); await settle(page); },
  type: async (page, testid, text) => {
    await tabTo(page, testid);
    await page.keyboard.press('Control+A');
    // Long sentences go in as one input (as a paste or an input method would); short ones key by key.
    if (text.length > 40) await page.keyboard.insertText(text);
    else await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await settle(page);
  },
  choose: async (page, testid, value) => {
    await tabTo(page, testid);
    const now = () => page.evaluate(() => document.activeElement.value);
    for (const key of ['ArrowUp', 'ArrowDown']) {
      for (let i = 0; i < 40 && (await now()) !== value; i++) await page.keyboard.press(key);
    }
    if ((await page.evaluate(() => document.activeElement.value)) !== value) throw new Error(`${testid}: no option ${value}`);
  },
  /** Tab on the focused stage picks objects in turn, until the one wanted is selected. */
  select: async (page, id) => {
    await tabTo(page, 'studio-stage');
    // Escape lets go of the selection; then Tab picks the objects from the first one on.
    if ((await page.evaluate(() => window.__studio.selected)) !== id) await page.keyboard.press('Escape');
    for (let i = 0; i < 20 && (await page.evaluate(() => window.__studio.selected)) !== id; i++) await page.keyboard.press('Tab');
    await page.waitForFunction((want) => window.__studio.selected === want, id);
    // Enter takes the keyboard to the selected object's properties (once the panel shows them).
    await page.waitForFunction((want) => document.querySelector('#studio-object [data-key$=".id"]')?.value === want, id);
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => document.activeElement?.closest('#studio-object') && document.activeElement.value === want, id);
  },
  /** Arrow keys move the selected object by the 5 cm grid. */
  move: async (page, from, to) => {
    await tabTo(page, 'studio-stage');
    const steps = [Math.round((to[0] - from[0]) / 0.05), Math.round((to[1] - from[1]) / 0.05)];
    for (let i = 0; i < Math.abs(steps[0]); i++) await page.keyboard.press(steps[0] > 0 ? 'ArrowRight' : 'ArrowLeft');
    for (let i = 0; i < Math.abs(steps[1]); i++) await page.keyboard.press(steps[1] > 0 ? 'ArrowUp' : 'ArrowDown');
  },
};

