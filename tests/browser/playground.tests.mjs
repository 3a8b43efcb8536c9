// The browser tests of the playground page, against the built site in headless Chromium.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measureColour } from './pagePixels.mjs';
import { assertCarDrawnAtBody, carOnCanvas, CAR_EDGE_INSIDE_NARROW, CAR_FILL_SHARE } from './carOnCanvas.mjs';
import { bodyOnScreen, hook, pause, ready, settle, waitFor } from './lab.mjs';

const SKIN = '#f2c6a0';

export function registerPlaygroundTests(test, { root, outDir }) {
  const sceneDir = join(root, 'scenes');
  const carScene = JSON.parse(readFileSync(join(sceneDir, 'car-off-platform.json'), 'utf8'));
  const carColour = carScene.bodies.find((b) => b.kind === 'car')?.color;
  if (!carColour) throw new Error('scenes/car-off-platform.json: the car has no colour to look for');
  mkdirSync(outDir, { recursive: true });

  test('page loads and plays with no console error and no page error', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    const h = await hook(page);
    assert.equal(h.sceneId, 'car-off-platform');
    // The harness opens pages with ?autoplay.
    await waitFor(page, () => window.__surpriseLab.running && window.__surpriseLab.frame >= 30);
    assert.match(await page.textContent('[data-testid=scene-title]'), /car/i);
  });

  /** In the page: whether WebGL here is drawn in software (what ?renderer=auto looks at). */
  const softwareWebGl = (page) => page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
  });

  test('?renderer=webgl draws with WebGL (a WebGL context owns the canvas) and the link keeps it', async ({ open, assert }) => {
    const page = await open({ query: '?autoplay&renderer=webgl' });
    await ready(page);
    assert.equal((await hook(page)).renderer, 'webgl');
    const ctx = await page.evaluate(() => {
      const c = document.querySelector('#canvas-host canvas');
      // A canvas holds one kind of context: a 2D one is refused once WebGL owns it.
      return { has2d: c.getContext('2d') !== null, hasGl: (c.getContext('webgl2') ?? c.getContext('webgl')) !== null };
    });
    assert.deepEqual(ctx, { has2d: false, hasGl: true });
    assert.equal(await page.textContent('[data-testid=renderer]'), 'WebGL');
    await waitFor(page, () => window.__surpriseLab.frame >= 30);
    assert.match(await page.evaluate(() => location.search), /renderer=webgl/);
  });

  test('no ?renderer, or auto: the canvas renderer where WebGL is drawn in software, WebGL on a GPU; ?renderer=canvas always; the link keeps a choice that is not the default', async ({ open, assert }) => {
    for (const choice of [null, 'auto', 'canvas']) {
      const page = await open({ query: choice ? `?autoplay&renderer=${choice}` : '?autoplay' });
      await ready(page);
      const canvas = choice === 'canvas' || await softwareWebGl(page);
      assert.equal((await hook(page)).renderer, canvas ? 'canvas' : 'webgl', String(choice));
      assert.equal(await page.textContent('[data-testid=renderer]'), canvas ? 'canvas renderer' : 'WebGL');
      if (canvas) {
        const has2d = await page.evaluate(() => document.querySelector('#canvas-host canvas').getContext('2d') !== null);
        assert.ok(has2d, 'a 2D context owns the canvas');
      }
      await waitFor(page, () => window.__surpriseLab.frame >= 30);
      const search = await page.evaluate(() => location.search);
      if (choice === 'canvas') assert.match(search, /renderer=canvas/);
      else assert.doesNotMatch(search, /renderer=/, 'auto is the default, so the link leaves it out');
      await page.close();
    }
  });

  // The car's pixels are checked under the default renderer (the canvas renderer in headless
  // Chromium) and under WebGL, against the simulated body's place (carOnCanvas.mjs).
  const RENDERERS = [['default renderer', ''], ['WebGL', '&renderer=webgl']];

  for (const [label, param] of RENDERERS) {
    test(`pixels of the car colour move between two captures a second apart (${label})`, async ({ open, assert }) => {
      const page = await open({ query: `?autoplay${param}` });
      await ready(page);
      await waitFor(page, () => window.__surpriseLab.frame >= 40);
      const a = await carOnCanvas(page, carColour);
      await page.waitForTimeout(1000);
      const b = await carOnCanvas(page, carColour);
      // While playing, the frame on screen may be drawn between two steps: only the count is checked
      // here against the body's size; the place is checked paused, below.
      for (const [name, c] of [['first', a], ['second', b]]) {
        const area = c.body.width * c.body.height;
        assert.ok(c.drawn.count >= CAR_FILL_SHARE * area, `car drawn in the ${name} capture (${c.drawn.count} fill pixels of a ${area.toFixed(0)} px² body)`);
      }
      assert.ok(b.drawn.cx - a.drawn.cx > 15, `car moved right on screen: ${a.drawn.cx?.toFixed(1)} → ${b.drawn.cx?.toFixed(1)} px`);
    });
  }

  const afterLeaving = async (page) => {
    await waitFor(page, () => {
      const lab = window.__surpriseLab;
      return lab.onsetFrame !== null && lab.frame >= lab.onsetFrame + 45;
    });
    await pause(page);
    const onCanvas = await carOnCanvas(page, carColour);
    return { onCanvas, car: onCanvas.drawn, platform: await bodyOnScreen(page, 'platform'), carBody: await bodyOnScreen(page, 'car') };
  };

  for (const [label, param] of RENDERERS) {
    test(`impossible: after leaving the platform the car stays at platform height (${label})`, async ({ open, assert }) => {
      const page = await open({ query: `?autoplay${param}` });
      await ready(page);
      await page.keyboard.press('i');
      await waitFor(page, () => window.__surpriseLab.condition === 'impossible' && window.__surpriseLab.frame < 20);
      const { onCanvas, car, platform, carBody } = await afterLeaving(page);
      assertCarDrawnAtBody(assert, onCanvas);
      assert.ok(car.minX > platform.right, `car beyond the platform edge: car from x=${car.minX.toFixed(1)}, edge at ${platform.right.toFixed(1)}`);
      const carPx = carBody.height * carBody.pxPerM;
      assert.ok(car.maxY < platform.top + 2, `car above the platform top: car bottom y=${car.maxY.toFixed(1)}, top y=${platform.top.toFixed(1)}`);
      assert.ok(car.cy > platform.top - carPx, `car near platform height: centroid y=${car.cy.toFixed(1)}, top y=${platform.top.toFixed(1)}, car ${carPx.toFixed(1)} px tall`);
      const banner = await page.locator('[data-testid=magic-banner]');
      assert.ok(await banner.isVisible(), 'the magic banner shows');
      assert.match(await banner.textContent(), /magic: the car floats/);
    });

    test(`possible: after leaving the platform the car falls below its top (${label})`, async ({ open, assert }) => {
      const page = await open({ query: `?autoplay${param}` });
      await ready(page);
      assert.equal((await hook(page)).condition, 'possible');
      const { onCanvas, car, platform } = await afterLeaving(page);
      assertCarDrawnAtBody(assert, onCanvas);
      assert.ok(car.minX > platform.right, 'car beyond the platform edge');
      const halfway = platform.top + (platform.bottom - platform.top) / 2;
      assert.ok(car.cy > halfway, `car fell: centroid y=${car.cy.toFixed(1)} below the platform's middle y=${halfway.toFixed(1)}`);
      assert.equal(await page.locator('[data-testid=magic-banner]').isVisible(), false, 'no magic banner');
    });
  }

  test('a hand waits beside the car before the push and is gone after it', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    await pause(page);
    await page.keyboard.press('r');
    await waitFor(page, () => window.__surpriseLab.frame === 0);
    await settle(page);
    const hand = await measureColour(page, SKIN, 10);
    const car = await bodyOnScreen(page, 'car');
    assert.ok(hand.count > 50, `hand drawn (${hand.count} pixels)`);
    assert.ok(hand.maxX <= car.left + 2 && hand.maxX > car.left - car.pxPerM * 0.5, `hand just left of the car: hand to x=${hand.maxX.toFixed(1)}, car from ${car.left.toFixed(1)}`);
    assert.ok(hand.cy > car.top && hand.cy < car.bottom, 'hand at the car\'s height');
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.frame >= 100);
    await pause(page);
    // Let the paused frame be drawn: on a loaded machine the last drawn frame may predate the pause.
    await settle(page);
    assert.equal((await measureColour(page, SKIN, 10)).count, 0, 'hand gone after the push');
  });

  test('keyboard: Space pauses and plays, → steps, R resets, I toggles impossible', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    await waitFor(page, () => window.__surpriseLab.frame >= 10);
    await page.keyboard.press('Space');
    await waitFor(page, () => !window.__surpriseLab.running);
    const f = (await hook(page)).frame;
    await page.waitForTimeout(300);
    assert.equal((await hook(page)).frame, f, 'paused: time stands still');
    await page.keyboard.press('ArrowRight');
    assert.equal((await hook(page)).frame, f + 1, '→ takes one step');
    await page.keyboard.press('ArrowRight');
    assert.equal((await hook(page)).frame, f + 2);
    await page.keyboard.press('r');
    assert.equal((await hook(page)).frame, 0, 'R resets');
    await page.keyboard.press('i');
    await waitFor(page, () => window.__surpriseLab.condition === 'impossible');
    assert.equal(await page.getAttribute('[data-testid=impossible]', 'aria-pressed'), 'true');
    assert.equal(await page.textContent('[data-testid=condition-badge]'), 'impossible');
    await page.keyboard.press('I');
    await waitFor(page, () => window.__surpriseLab.condition === 'possible');
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.running && window.__surpriseLab.frame > 5);
    // Clicking a button must not steal Space: it still plays/pauses afterwards.
    await page.click('[data-testid=reset]');
    await page.keyboard.press('Space');
    await waitFor(page, () => !window.__surpriseLab.running);
  });

  test('variant control: next variant, seed and canonical rebuild the scene', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    await pause(page);
    const platformWidth = async () => (await bodyOnScreen(page, 'platform')).width;
    const canonical = await platformWidth();
    assert.equal(canonical, carScene.params.platformWidth.default, 'starts canonical');
    await page.click('[data-testid=next-variant]');
    await waitFor(page, () => window.__surpriseLab.frame === 0);
    assert.equal(await page.inputValue('[data-testid=variant]'), '0');
    const v0 = await platformWidth();
    assert.notEqual(v0, canonical, 'variant 0 draws new params');
    assert.match(await page.textContent('[data-testid=params]'), new RegExp(v0.toFixed(3)));
    await page.fill('[data-testid=seed]', '7');
    await page.press('[data-testid=seed]', 'Enter');
    await waitFor(page, (w) => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'platform').width !== w, v0);
    const seeded = await platformWidth();
    assert.ok(seeded >= carScene.params.platformWidth.min && seeded <= carScene.params.platformWidth.max, 'within its range');
    await page.click('[data-testid=canonical]');
    await waitFor(page, (w) => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'platform').width === w, canonical);
    assert.equal(await page.inputValue('[data-testid=variant]'), '');
  });

  test('every scene file is listed and plays', async ({ open, assert }) => {
    const files = readdirSync(sceneDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    // The scene files, and the built-in sandbox for free play.
    const ids = [...files.map((f) => JSON.parse(readFileSync(join(sceneDir, f), 'utf8')).id), 'sandbox'];
    const page = await open();
    await ready(page);
    const options = await page.$$eval('[data-testid=scene-select] option:not([disabled])', (els) => els.map((e) => e.value));
    assert.deepEqual([...options].sort(), [...ids].sort(), 'every scene file is in the picker');
    for (const id of ids) {
      await page.selectOption('[data-testid=scene-select]', id);
      await waitFor(page, (want) => window.__surpriseLab.sceneId === want, id);
      if (!(await hook(page)).running) await page.keyboard.press('Space');
      await waitFor(page, () => window.__surpriseLab.frame >= 30);
      const snap = await page.evaluate(() => window.__surpriseLab.snapshot());
      assert.ok(snap.bodies.length > 0, `${id}: has bodies`);
      assert.equal(await page.locator('[data-testid=errors-panel], #errors-panel').isVisible(), false, 'no scene file errors');
    }
  });

  test('layout at 1280×800: stage beside the panels, all of it on screen; screenshots', async ({ open, assert }) => {
    const page = await open({ width: 1280, height: 800 });
    await ready(page);
    await page.keyboard.press('i');
    await waitFor(page, () => {
      const lab = window.__surpriseLab;
      return lab.condition === 'impossible' && lab.onsetFrame !== null && lab.frame >= lab.onsetFrame + 35;
    });
    await pause(page);
    const box = async (sel) => page.locator(sel).boundingBox();
    const stage = await box('#stage');
    const side = await box('.sidebar');
    const chart = await box('#chart-panel');
    assert.ok(side.x >= stage.x + stage.width, 'the panels sit beside the stage');
    assert.ok(stage.width >= 700, `stage is wide (${stage.width} px)`);
    assert.ok(chart.y + chart.height <= 800, 'the chart panel is on screen without scrolling');
    await page.screenshot({ path: join(outDir, 'playground-1280x800.png') });
    await page.keyboard.press('r');
    await settle(page);
    await page.screenshot({ path: join(outDir, 'playground-1280x800-start.png') });
  });

  test('layout at 420×800: one column, no sideways scrolling; screenshot', async ({ open, assert }) => {
    const page = await open({ width: 420, height: 800 });
    await ready(page);
    await waitFor(page, () => window.__surpriseLab.frame >= 120);
    await pause(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px too wide)`);
    const stage = await page.locator('#stage').boundingBox();
    const transport = await page.locator('#transport').boundingBox();
    const scenePanel = await page.locator('#scene-panel').boundingBox();
    assert.ok(stage.width >= 380 && stage.x >= 0 && stage.x + stage.width <= 420, `stage fills the width (${stage.width} px)`);
    assert.ok(transport.y >= stage.y + stage.height && scenePanel.y >= transport.y + transport.height, 'stage, then controls, then scene');
    assertCarDrawnAtBody(assert, await carOnCanvas(page, carColour), 'car at narrow width', CAR_EDGE_INSIDE_NARROW);
    await page.screenshot({ path: join(outDir, 'playground-420x800.png'), fullPage: true });
  });
}
