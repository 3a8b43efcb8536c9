// The lecture-hall checks (issue 16): stage and chart in the first viewport at 1280×800 and 420 px,
// dialogs that take and return focus, a keyboard-only free-play push, and no WCAG 2 A/AA violation
// that axe-core finds on any page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pause, ready, waitFor } from './lab.mjs';

const CAR_DEMO = 'index.html?scene=car-off-platform&condition=impossible&models=learner-1k,learner-100k&autoplay';
const SIZES = [[1280, 800], [420, 900]];
const PAGES = ['index.html', 'index.html?present', 'experiment.html', 'learn.html', 'plan.html', 'studio.html?copy=car-off-platform'];
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

    test(`classroom: before Start the Experiment screen shows what is chosen, a Start and the ticked scene at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: 'experiment.html' });
      await page.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
      assert.equal(await inFirstViewport(page, '[data-testid=study-start-top]', 20), true, 'Start at the top is in view');
      assert.match(await page.getByTestId('setup-chosen').textContent(), /^Chosen: Car pushed off a platform · /);
      // The ticked scene is inside its scroll box's visible part, not below the box's edge.
      const shown = await page.evaluate(() => {
        const box = document.querySelector('.scene-choices').getBoundingClientRect();
        const ticked = document.querySelector('.scene-choices input:checked').getBoundingClientRect();
        return ticked.top >= box.top && ticked.bottom <= box.bottom;
      });
      assert.equal(shown, true, 'the ticked scene is visible in its list');
      await page.getByTestId('study-start-top').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-chart] .uplot').length > 0, null, { timeout: 60_000 });
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

  test('classroom: both conditions on one chart with one fixed scale, in either condition and in linear', async ({ open, assert }) => {
    const page = await open({ query: CAR_DEMO });
    await ready(page);
    const chart = '[data-testid=chart]';
    const read = () => page.evaluate((sel) => ({ ...document.querySelector(sel).dataset }), chart);
    await waitFor(page, () => window.__surpriseLab.chartLines() >= 2 && document.querySelector('[data-testid=chart]').dataset.otherLines === '2');
    const impossible = await read();
    assert.ok(Number(impossible.yMax) > 100, `the scale holds the floating car's surprise (${impossible.yMax})`);
    await pause(page);
    await page.keyboard.press('i');
    await waitFor(page, () => window.__surpriseLab.condition === 'possible');
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.chartLines() >= 2 && document.querySelector('[data-testid=chart]').dataset.otherLines === '2');
    const possible = await read();
    assert.equal(possible.yMax, impossible.yMax, 'the same top in both conditions');
    assert.match(await page.textContent('[data-testid=chart-caption]'), /impossible version/);
    await page.click('[data-testid=scale-linear]');
    await waitFor(page, () => document.querySelector('[data-testid=chart]').dataset.scale === 'linear');
    assert.equal((await read()).yMax, impossible.yMax, 'linear keeps the same top');
  });

  for (const [w, hgt] of SIZES) {
    test(`classroom: the timeline's marks do not overlap at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: CAR_DEMO });
      await ready(page);
      await waitFor(page, () => window.__surpriseLab.frame >= 200 || !window.__surpriseLab.running);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('.timeline-mark span')].map((e) => {
        const b = e.getBoundingClientRect();
        return { text: e.textContent, l: b.left, r: b.right, t: b.top, b: b.bottom };
      }));
      assert.ok(boxes.length >= 2, `marks labelled (${boxes.map((b) => b.text).join(', ')})`);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]; const b = boxes[j];
        const overlap = a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
        assert.ok(!overlap, `"${a.text}" and "${b.text}" overlap`);
      }
    });
  }

  for (const [w, hgt] of SIZES) {
    test(`classroom: presentation mode at ${w}px: stage and chart in view, every visible word at 20 px or more`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: CAR_DEMO.replace('&autoplay', '&present&autoplay') });
      await ready(page);
      await waitFor(page, () => window.__surpriseLab.chartLines() >= 2);
      assert.equal(await inFirstViewport(page, '#stage'), true);
      assert.equal(await inFirstViewport(page, '#surprise-chart .uplot'), true);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), true, 'no sideways scroll');
      const small = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!n.textContent.trim() || !el || el.closest('.visually-hidden')) continue;
          const b = el.getBoundingClientRect();
          if (b.width === 0 || b.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < 20) out.push(`${n.textContent.trim().slice(0, 30)}: ${px}px`);
        }
        return out;
      });
      assert.deepEqual(small, []);
    });
  }

  test('classroom: P toggles presentation mode, Y starts the young-vs-old car demo, all by keyboard', async ({ open, assert }) => {
    const page = await open({ query: 'index.html?scene=ball-reverses-by-itself&models=constant-velocity' });
    await ready(page);
    await page.waitForFunction(() => window.__surpriseLab.modelsReady, null, { timeout: 45_000 });
    await page.keyboard.press('p');
    await waitFor(page, () => document.body.classList.contains('presenting') && /present/.test(location.search));
    await page.keyboard.press('y');
    await waitFor(page, () => window.__surpriseLab.sceneId === 'car-off-platform' && window.__surpriseLab.running);
    await waitFor(page, () => window.__surpriseLab.models.length === 2);
    const models = await page.evaluate(() => window.__surpriseLab.models);
    assert.ok(models.every((m) => m.startsWith('learner-')), `two learners (${models})`);
    assert.match(await page.getAttribute('[data-testid=ghost-model]', 'data-testid'), /ghost-model/);
    await page.keyboard.press('i');
    await waitFor(page, () => window.__surpriseLab.condition === 'impossible');
    await waitFor(page, () => document.querySelector('[data-testid=chart]').dataset.otherLines === '2');
    await page.keyboard.press('p');
    await waitFor(page, () => !document.body.classList.contains('presenting'));
  });

  test('classroom: the Plan screen\'s default task separates the planners: constant velocity misses, the simulator lands it', async ({ open, assert }) => {
    const page = await open({ query: 'plan.html' });
    await page.waitForFunction(() => window.__plan?.ready === true && window.__plan.state === 'idle', null, { timeout: 60_000 });
    // Planning by keyboard alone: Enter plans.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__plan.state === 'done', null, { timeout: 80_000 });
    const s = await page.evaluate(() => ({ results: window.__plan.results, verdict: window.__plan.verdict }));
    assert.equal(s.results['constant-velocity'].success, false, 'constant velocity misses');
    assert.equal(s.results.oracle.success, true, 'the ideal observer lands it');
    assert.match(s.verdict, /ideal observer got the \w+ into the basket/);
    assert.match(s.verdict, /constant velocity (missed|did not)/);
  });

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
      if (p.startsWith('index.html')) await ready(page);
      else await page.waitForTimeout(1500);
      assert.deepEqual(await axeViolations(page, axeSource), []);
    });
  }
}
