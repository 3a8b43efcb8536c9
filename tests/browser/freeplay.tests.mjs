// Browser tests of free play and of the page around the stage: dragging and flicking bodies with
// the mouse, the palette, the magic button, gravity, scene files (good and malformed), overlays.
import { join } from 'node:path';
import { bodyCentreOnPage, hook, pause, ready, settle, waitFor } from './lab.mjs';

const BAD_SCENE = JSON.stringify({
  format: 1, id: 'broken', title: 'Broken', concept: 'support', study: { citation: 'x' },
  world: { width: 4, height: 2 }, duration: 2,
  bodies: [{ id: 'floor', kind: 'ground', x: 2, y: 0.1, width: 4, height: 0.2 }, { id: 'b', kind: 'boxx', x: 1, y: 1, width: 0.3, height: 0.3 }],
});
const GOOD_SCENE = JSON.stringify({
  format: 1, id: 'my-drop', title: 'My dropped box', concept: 'support', study: { citation: 'a test' },
  world: { width: 4, height: 2 }, duration: 3,
  bodies: [{ id: 'floor', kind: 'ground', x: 2, y: 0.1, width: 4, height: 0.2 }, { id: 'b', kind: 'box', x: 1, y: 1.2, width: 0.3, height: 0.3 }],
});

export function registerFreePlayTests(test, { outDir }) {
  test('dragging a body with the mouse lifts it; a flick pushes it', async ({ open, assert }) => {
    const page = await open({ query: '?scene=sandbox&models=constant-velocity&autoplay' });
    await ready(page);
    await waitFor(page, () => window.__surpriseLab.frame >= 30);
    const start = await bodyCentreOnPage(page, 'box');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(start.x + i * 4, start.y - i * 12);
      await page.waitForTimeout(40);
    }
    await waitFor(page, (y0) => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box').y > y0 + 0.3, start.body.y);
    assert.equal(await page.evaluate(() => window.__surpriseLab.selectedBody), 'box', 'pressing selects it');
    await page.mouse.up();
    const lifted = (await bodyCentreOnPage(page, 'box')).body;
    assert.ok(lifted.y > start.body.y + 0.3, `the box was carried up: ${start.body.y.toFixed(2)} → ${lifted.y.toFixed(2)} m`);
    // A flick (paused, so that it is a push however slow this machine is): press on the ball,
    // move to the left, let go; the next step shows the push.
    await pause(page);
    const ball = await bodyCentreOnPage(page, 'ball');
    await page.mouse.move(ball.x, ball.y);
    await page.mouse.down();
    await page.mouse.move(ball.x - 60, ball.y, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.press('ArrowRight');
    const pushed = (await bodyCentreOnPage(page, 'ball')).body;
    assert.ok(pushed.vx < -0.1, `the flick pushed the ball left (vx = ${pushed.vx.toFixed(2)} m/s)`);
  });

  test('palette, gravity off, magic on the selected body, delete', async ({ open, assert }) => {
    const page = await open({ query: '?scene=sandbox&models=oracle&autoplay' });
    await ready(page);
    await page.click('[data-testid=gravity]');
    await page.click('[data-testid=add-box]');
    assert.equal(await page.evaluate(() => window.__surpriseLab.selectedBody), 'box1', 'the new box is selected');
    const y0 = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box1').y);
    await waitFor(page, (f) => window.__surpriseLab.frame >= f, (await hook(page)).frame + 40);
    const y1 = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box1').y);
    assert.ok(Math.abs(y1 - y0) < 0.01, `no gravity: the box hangs where it was put (${y0.toFixed(3)} → ${y1.toFixed(3)})`);
    await page.click('[data-testid=gravity]');
    // Let it fall a little, then make it float with the magic button.
    await waitFor(page, (y) => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box1').y < y - 0.2, y0);
    await pause(page);
    await page.selectOption('[data-testid=magic-select]', 'float');
    await page.click('[data-testid=magic]');
    const f0 = (await hook(page)).frame;
    const ya = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box1').y);
    assert.ok(ya > 1, `still in mid-air when the magic starts (${ya.toFixed(2)} m)`);
    await page.keyboard.press('Space');
    await waitFor(page, (f) => window.__surpriseLab.frame >= f, f0 + 30);
    const yb = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.id === 'box1').y);
    assert.ok(Math.abs(yb - ya) < 0.02, `magic: it floats (${ya.toFixed(3)} → ${yb.toFixed(3)} m)`);
    const oracle = await page.evaluate(() => window.__surpriseLab.surprise().series.oracle.at(-1));
    assert.ok(oracle > 100, `the ideal observer is surprised (${oracle?.toFixed(0)})`);
    await pause(page);
    await page.keyboard.press('Delete');
    const ids = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.map((b) => b.id));
    assert.ok(!ids.includes('box1'), 'Delete removes the selected body');
    await page.screenshot({ path: join(outDir, 'playground-sandbox.png') });
  });

  test('scene files: a malformed one is refused with its JSON path and the page keeps running; a good one plays', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    await waitFor(page, () => window.__surpriseLab.frame >= 10);
    // Drop the bad file onto the page, as a person would drag it there.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'broken.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, BAD_SCENE);
    await page.waitForSelector('[data-testid=file-errors]');
    const text = await page.textContent('[data-testid=file-errors]');
    assert.match(text, /broken\.json: bodies\[1\]\.kind/, `names the JSON path: ${text}`);
    assert.equal((await hook(page)).sceneId, 'car-off-platform', 'the scene on screen stays');
    const f = (await hook(page)).frame;
    await waitFor(page, (g) => window.__surpriseLab.frame > g + 10, f);
    await page.screenshot({ path: join(outDir, 'playground-file-error.png') });
    // The file dialog, with a good file: it is listed and shown at once.
    await page.setInputFiles('[data-testid=scene-file]', { name: 'my-drop.json', mimeType: 'application/json', buffer: Buffer.from(GOOD_SCENE) });
    await waitFor(page, () => window.__surpriseLab.sceneId === 'my-drop');
    assert.equal(await page.locator('[data-testid=file-errors]').count(), 0, 'the old problem is cleared');
    assert.match(await page.textContent('[data-testid=scene-title]'), /My dropped box/);
  });

  test('keys 1–9 pick scenes; ? opens help, Esc closes it; About tells the story', async ({ open, assert }) => {
    const page = await open();
    await ready(page);
    const options = await page.$$eval('[data-testid=scene-select] option:not([disabled])', (els) => els.map((e) => e.value));
    await page.keyboard.press('2');
    await waitFor(page, (id) => window.__surpriseLab.sceneId === id, options[1]);
    await page.keyboard.press('1');
    await waitFor(page, (id) => window.__surpriseLab.sceneId === id, options[0]);
    await page.keyboard.press('?');
    assert.ok(await page.locator('[data-testid=help-overlay]').isVisible(), 'help is open');
    assert.match(await page.textContent('[data-testid=help-overlay]'), /step back/);
    await page.screenshot({ path: join(outDir, 'playground-help.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid=help-overlay]').isVisible(), false, 'Esc closes it');
    await page.click('[data-testid=open-about]');
    const about = await page.textContent('[data-testid=about-overlay]');
    assert.match(about, /LeCun/);
    assert.match(about, /How to read the chart/);
    await settle(page);
    await page.screenshot({ path: join(outDir, 'playground-about.png') });
  });
}
