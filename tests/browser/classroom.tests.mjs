// The lecture-hall checks (issue 16): stage and chart in the first viewport at 1280×800 and 420 px,
// dialogs that take and return focus, a keyboard-only free-play push, and no WCAG 2 A/AA violation
// that axe-core finds on any page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pause, ready, waitFor } from './lab.mjs';

const CAR_DEMO = 'index.html?scene=car-off-platform&condition=impossible&models=learner-1k,learner-100k&autoplay';
const SIZES = [[1280, 800], [420, 900]];
const PAGES = ['index.html', 'experiment.html', 'learn.html', 'plan.html'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Whether the element matched is wholly inside the first viewport (no scrolling), and not tiny. */
export async function inFirstViewport(page, selector, minSize = 50) {
  return page.evaluate(([sel, min]) => {
    const el = document.querySelector(sel);
    if (!el) return `${sel}: missing`;
    const b = el.getBoundingClientRect();
    const ok = b.width > min && b.height > min && b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight + 1 && b.right <= innerWidth + 1;
    return ok ? true : `${sel}: ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)} in ${innerWidth}×${innerHeight}`;
  }, [selector, minSize]);
}

export async function axeViolations(page, axeSource) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const res = await window.axe.run(document, { runOnly: tags });
    return res.violations.map((v) => `${v.id}(${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
}

export function registerClassroomTests(test, { root }) {
  const axeSource = readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

  for (const [w, hgt] of SIZES) {
    test(`classroom: car demo at ${w}px shows stage and chart in the first viewport, no sideways scroll`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: CAR_DEMO });
      await ready(page);
      await waitFor(page, () => window.__surpriseLab.chartLines() >= 2);
      assert.equal(await inFirstViewport(page, '#stage'), true);
      assert.equal(await inFirstViewport(page, '#surprise-chart .uplot'), true);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), true, 'no sideways scroll');
    });
  }

  for (const [w, hgt] of SIZES) {
    test(`classroom: after Start the Experiment trial stage and its live curve are in view at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: 'experiment.html?scenes=car-off-platform&models=learner-1k,learner-100k&pairs=1&fam=0&seed=4&speed=1' });
      await page.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
      await page.getByTestId('study-start').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-chart] .uplot').length > 0, null, { timeout: 60_000 });
      assert.equal(await inFirstViewport(page, '[data-testid=study-stage]'), true);
      assert.equal(await inFirstViewport(page, '[data-testid=live-chart] .uplot'), true);
    });

    test(`classroom: after Start the Learn progress and loss curve are in view at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: 'learn.html?frames=768&chunk=256&every=384&pairs=1&scenes=car-off-platform&save=768&name=t&seed=3&heldout=256' });
      await page.waitForFunction(() => !!window.__surpriseLearn, null, { timeout: 60_000 });
      await page.getByTestId('run-start').click();
      await page.waitForFunction(() => (window.__surpriseLearn.progress?.experienceFrames ?? 0) > 0, null, { timeout: 60_000 });
      assert.equal(await inFirstViewport(page, '[data-testid=progress-bar]', 8), true);
      assert.equal(await inFirstViewport(page, '[data-testid=loss-chart]'), true);
      await page.getByTestId('run-cancel').click();
    });

    test(`classroom: the Plan task's stage is in view at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: 'plan.html' });
      await page.waitForSelector('#plan-stage canvas', { timeout: 60_000 });
      assert.equal(await inFirstViewport(page, '#plan-stage'), true);
    });
  }

  test('classroom: ? moves focus into the help dialog, Esc closes it and gives focus back', async ({ open, assert }) => {
    const page = await open({ query: 'index.html' });
    await ready(page);
    await page.focus('[data-testid=open-about]');
    await page.keyboard.press('Shift+Slash');
    await waitFor(page, () => !!document.activeElement?.closest('[role=dialog]'));
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role=dialog]').dataset.testid), 'help-overlay');
    // Tab stays inside the dialog.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), 'Tab stays in the dialog');
    await page.keyboard.press('Escape');
    await waitFor(page, () => document.activeElement?.dataset.testid === 'open-about');
  });

  test('classroom: keyboard alone selects the car on the stage and pushes it', async ({ open, assert }) => {
    const page = await open({ query: 'index.html?scene=car-off-platform&condition=possible' });
    await ready(page);
    // Tab until the stage has focus, as a keyboard user would.
    let onStage = false;
    for (let i = 0; i < 40 && !onStage; i++) {
      await page.keyboard.press('Tab');
      onStage = await page.evaluate(() => document.activeElement?.id === 'canvas-host');
    }
    assert.ok(onStage, 'the stage is reachable with Tab');
    assert.match(await page.getAttribute('#canvas-host', 'aria-label'), /scene/i);
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.__surpriseLab.selectedBody === 'car');
    assert.match(await page.textContent('[data-testid=stage-status]'), /car/);
    const before = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'car').x);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.frame >= 20);
    await pause(page);
    const after = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'car'));
    assert.ok(after.x - before > 0.2, `the push moved the car right: ${before.toFixed(3)} → ${after.x.toFixed(3)} m`);
  });

  test('classroom: a polite live region reads out each observer\'s surprise, not every frame', async ({ open, assert }) => {
    const page = await open({ query: CAR_DEMO });
    await ready(page);
    await waitFor(page, () => /learner-1k .*learner-100k/.test(document.querySelector('[data-testid=surprise-live]')?.textContent ?? ''));
    assert.equal(await page.getAttribute('[data-testid=surprise-live]', 'aria-live'), 'polite');
    const changes = await page.evaluate(() => new Promise((done) => {
      let n = 0;
      const el = document.querySelector('[data-testid=surprise-live]');
      const obs = new MutationObserver(() => n++);
      obs.observe(el, { childList: true, characterData: true, subtree: true });
      setTimeout(() => { obs.disconnect(); done(n); }, 2000);
    }));
    assert.ok(changes <= 1, `at most one announcement in 2 s while playing (${changes})`);
  });

  for (const p of PAGES) {
    test(`classroom: axe-core finds no WCAG 2 A/AA violation on ${p}`, async ({ open, assert }) => {
      const page = await open({ query: p, bypassCSP: true });
      if (p === 'index.html') await ready(page);
      else await page.waitForTimeout(1500);
      assert.deepEqual(await axeViolations(page, axeSource), []);
    });
  }
}
