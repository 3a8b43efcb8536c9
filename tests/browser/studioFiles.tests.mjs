// Browser tests of the Studio's files and preview: a broken scene file is refused at its JSON path
// and changes nothing; a draft saved in localStorage opens again, and a full storage is named in a
// sentence; both twins play from one clock, in step, the onset marked.
import { drag, ready, studio } from './studioDrivers.mjs';

export function registerStudioFileTests(test) {
  test('studio: import refuses a broken file by JSON path and changes nothing; drafts round-trip; a full storage is said so', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html?copy=car-off-platform' });
    await ready(page);
    const before = (await studio(page)).doc;
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...before, bodies: [{ ...before.bodies[0], width: -1 }] })) });
    await page.waitForFunction(() => /broken\.json was not opened/.test(document.querySelector('[data-testid=studio-notice]').textContent));
    assert.match(await page.getByTestId('studio-notice').textContent(), /bodies\[0\]\.width: expected a positive number, got -1/);
    assert.deepEqual((await studio(page)).doc, before, 'nothing changed');

    await page.getByTestId('save-draft').click();
    await page.waitForFunction(() => /Saved the draft “car-off-platform” in this browser \(localStorage\)/.test(document.querySelector('[data-testid=studio-notice]').textContent));
    await page.getByTestId('start-blank').click();
    await page.waitForFunction(() => window.__studio.doc.bodies.length === 0);
    await page.getByTestId('open-draft-car-off-platform').click();
    await page.waitForFunction(() => window.__studio.doc.bodies.length === 3 && window.__studio.origin === 'draft car-off-platform');
    assert.deepEqual((await studio(page)).doc, before);

    // Fill this origin's storage to the brim: the next draft cannot be kept, and the page says why.
    await page.evaluate(() => {
      let n = 0;
      for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
        const chunk = 'x'.repeat(size);
        for (let i = 0; i < 400; i++) {
          try { localStorage.setItem(`filler-${n++}`, chunk); } catch { break; }
        }
      }
    });
    await page.getByTestId('field-id').fill('another-scene');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.__studio.doc.id === 'another-scene');
    await page.getByTestId('save-draft').click();
    await page.waitForFunction(() => /storage for this page is full, so the draft was not saved/.test(document.querySelector('[data-testid=studio-notice]').textContent));
    assert.equal(await page.getByTestId('open-draft-another-scene').count(), 0);
  });

  test('studio: both twins play in step from one clock, the onset marked', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html?copy=car-off-platform' });
    await ready(page);
    // The twins run once the document has settled (a quarter of a second after the last edit).
    await page.waitForFunction(() => window.__studio.twins().frames > 0);
    const start = (await studio(page)).twins;
    assert.equal(start.frames, 240);
    assert.equal(start.onset, 85, 'the canonical car loses support at frame 85');
    assert.equal(await page.locator('.studio-onset-tick').isHidden(), false);
    await page.getByTestId('twins-play').click();
    await page.waitForFunction(() => window.__studio.twins().frame > 100, null, { timeout: 30_000 });
    assert.match(await page.getByTestId('twins-status').textContent(), /Onset at frame 85 \(1\.42 s\): the twins have parted/);
    assert.equal(await page.locator('.studio-twin-impossible').evaluate((el) => el.classList.contains('is-after-onset')), true);
    await page.getByTestId('twins-frame').fill('40');
    const s = (await studio(page)).twins;
    assert.equal(s.frame, 40);
    assert.equal(s.playing, false);
    assert.equal(await page.locator('.studio-twin-impossible').evaluate((el) => el.classList.contains('is-after-onset')), false);
  });

  test('studio: the grips resize and rotate with the mouse, Shift+arrows and Ctrl+arrows from the keyboard; each one undo step', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html' });
    await ready(page);
    await page.getByTestId('place-ground').click();
    await page.getByTestId('place-box').click();
    await page.waitForFunction(() => window.__studio.selected === 'box');
    const box = () => page.evaluate(() => window.__studio.doc.bodies[1]);
    assert.deepEqual(await box(), { id: 'box', kind: 'box', x: 3.5, y: 2.1, width: 0.4, height: 0.4 });
    // The square grip at the top-right corner: the bottom-left corner stays where it was.
    await drag(page, [3.7, 2.3], [4.1, 2.5]);
    await page.waitForFunction(() => window.__studio.doc.bodies[1].width === 0.8);
    const resized = await box();
    assert.deepEqual([resized.width, resized.height, resized.x, resized.y], [0.8, 0.6, 3.7, 2.2]);
    // The round grip above: dragged to the left of the centre, the box turns 90° counter-clockwise.
    await drag(page, [3.7, 2.2 + 0.3 + 0.3], [3.7 - 0.6, 2.2]);
    await page.waitForFunction(() => window.__studio.doc.bodies[1].angle !== undefined);
    assert.equal((await box()).angle, 1.571);
    const steps = (await studio(page)).undoCount;
    await page.getByTestId('studio-stage').focus();
    await page.keyboard.press('Control+ArrowRight');
    await page.waitForFunction(() => window.__studio.doc.bodies[1].angle === 1.484);
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(() => window.__studio.doc.bodies[1].width === 0.85);
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForFunction(() => window.__studio.doc.bodies[1].height === 0.55);
    assert.equal((await studio(page)).undoCount, steps + 3);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
    await page.waitForFunction(() => { const b = window.__studio.doc.bodies[1]; return b.width === 0.4 && b.angle === undefined; });
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => window.__studio.doc.bodies.length === 1);
  });
}
