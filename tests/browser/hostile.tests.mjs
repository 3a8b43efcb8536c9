// Browser tests of hostile inputs, second round (issue 18): imported recordings with absurd numbers
// are refused by JSON path and ones at the documented bounds play without freezing the page; a
// duplicate import of a 200-character id still exports; a checkpoint import with the storage quota
// full says so (real IndexedDB, quota lowered through Chromium's DevTools protocol) and stores
// nothing; a checkpoint with absurd weights is refused; in a world of a few centimetres the marks
// around a body (selection corners here) shrink with the world instead of burying it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { modelsReady, ready } from './lab.mjs';
import { measureColour } from './pagePixels.mjs';

const waitFor = (page, fn, arg, timeout = 30_000) => page.waitForFunction(fn, arg, { timeout, polling: 100 });

/** Every recording in the page's IndexedDB, read with the real IndexedDB API. */
const storedRecordings = (page) => page.evaluate(() => new Promise((ok, fail) => {
  const req = indexedDB.open('surprise-lab-recordings');
  req.onerror = () => fail(req.error);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('recordings')) { ok([]); return; }
    const all = db.transaction('recordings').objectStore('recordings').getAll();
    all.onsuccess = () => ok(all.result.map((w) => w.recording));
    all.onerror = () => fail(all.error);
  };
}));

/** Resolves after the page has drawn `n` more animation frames: a frozen main thread never does. */
const framesDrawn = (page, n) => page.evaluate((count) => new Promise((ok) => {
  let left = count;
  const tick = () => (--left <= 0 ? ok(true) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}), n);

export function registerHostileTests(test, { root }) {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const writeJson = (name, value) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const recordTrial = async (options) => (await tsImport(join(root, 'tests/unit/support/recordings.ts'), import.meta.url)).recordTrial(options);

  test('hostile: Experiment screen refuses absurd recordings by JSON path and plays ones at the bounds without freezing', async ({ open, assert }) => {
    const page = await open({ query: 'experiment.html' });
    await waitFor(page, () => window.__study?.ready === true);
    const base = await recordTrial({ condition: 'possible', id: 'edge' });
    const ground = base.snapshots[0].bodies.findIndex((b) => b.kind === 'ground');
    const mover = base.snapshots[0].bodies.findIndex((b) => !b.isStatic);
    const edited = (id, edit) => {
      const r = structuredClone(base);
      r.id = id;
      edit(r);
      return r;
    };
    const absurd = [
      ['wide.json', edited('wide', (r) => { r.snapshots.forEach((s) => { s.bodies[mover].width = 1e308; }); }), /wide\.json: snapshots\[0\]\.bodies\[\d+\]\.width: must be from 0 to 1e\+6 m, not 1e\+308/],
      ['spin.json', edited('spin', (r) => { r.snapshots.forEach((s, k) => { s.bodies[mover].angle = k % 2 ? 1e17 : 0; }); }), /spin\.json: snapshots\[1\]\.bodies\[\d+\]\.angle: must be within ±1e\+6 rad/],
      ['tall.json', edited('tall', (r) => { r.snapshots.forEach((s) => { s.bodies[ground].height = 1e20; }); }), /tall\.json: snapshots\[0\]\.bodies\[\d+\]\.height: must be from 0 to 1e\+6 m/],
    ];
    for (const [name, rec, pattern] of absurd) {
      await page.getByTestId('rec-import').setInputFiles(writeJson(name, rec));
      await waitFor(page, (n) => (document.querySelector('[data-testid=rec-message]')?.textContent ?? '').includes(n), name);
      assert.match(await page.getByTestId('rec-message').textContent(), pattern);
    }
    assert.equal((await storedRecordings(page)).length, 0, 'nothing absurd was stored');

    // The largest numbers allowed: a floor 1e6 m thick, a box 1e6 m wide, an angle flipping ±1e6 rad.
    const edge = edited('edge', (r) => {
      r.snapshots.forEach((s, k) => {
        s.bodies[ground].height = 1e6;
        s.bodies[mover].width = 1e6;
        s.bodies[mover].angle = k % 2 ? 1e6 : -1e6;
      });
    });
    await page.getByTestId('rec-import').setInputFiles(writeJson('edge.json', edge));
    await waitFor(page, () => /edge\.json: imported 1 recording/.test(document.querySelector('[data-testid=rec-message]')?.textContent ?? ''));
    await waitFor(page, () => document.querySelectorAll('[data-testid=rec-open]').length === 1);
    await page.getByTestId('rec-open').click();
    await page.waitForSelector('[data-testid=recording-details]');
    // It plays: the page keeps drawing frames while the recording runs (a freeze never answers).
    assert.ok(await framesDrawn(page, 30));
    await page.waitForTimeout(1000);
    assert.ok(await framesDrawn(page, 30));
  });

  test('hostile: importing a 200-character id twice stores a bounded copy, and Export JSON downloads both', async ({ open, assert }) => {
    const page = await open({ query: 'experiment.html' });
    await waitFor(page, () => window.__study?.ready === true);
    const longId = 'x'.repeat(200);
    const first = await recordTrial({ condition: 'possible', id: longId, frames: 30 });
    const second = { ...structuredClone(first), name: 'another take' };
    await page.getByTestId('rec-import').setInputFiles(writeJson('first.json', first));
    await waitFor(page, () => /first\.json: imported 1 recording/.test(document.querySelector('[data-testid=rec-message]')?.textContent ?? ''));
    await page.getByTestId('rec-import').setInputFiles(writeJson('second.json', second));
    await waitFor(page, () => /second\.json: imported 1 recording.*new ids/.test(document.querySelector('[data-testid=rec-message]')?.textContent ?? ''));
    const ids = (await storedRecordings(page)).map((r) => r.id).sort();
    assert.deepEqual(ids.map((id) => id.length), [200, 200]);
    assert.ok(ids.includes(`${'x'.repeat(198)}-2`), ids.join(' '));
    await waitFor(page, () => document.querySelectorAll('[data-testid=rec-select]').length === 2);
    for (const box of await page.getByTestId('rec-select').all()) await box.check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rec-export-json').click()]);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(bundle.recordings.map((r) => r.id).sort(), ids);
    assert.match(await page.getByTestId('rec-message').textContent(), /Exported 2 recordings as JSON/);
  });

  test('hostile: Learn screen import with the storage quota full says so and stores nothing; absurd weights are refused', async ({ open, assert }) => {
    const page = await open({ query: 'learn.html' });
    await waitFor(page, () => window.__surpriseLearn?.backend != null || (window.__surpriseLearn?.errors.length ?? 0) > 0, null, 60_000);
    const modelDir = join(root, 'public/models/learner-6k');
    const file = (name, buffer) => ({ name, mimeType: name.endsWith('.bin') ? 'application/octet-stream' : 'application/json', buffer });
    const model = readFileSync(join(modelDir, 'model.json'));
    const weights = readFileSync(join(modelDir, 'weights.bin'));
    const meta = readFileSync(join(modelDir, 'meta.json'));
    const input = page.getByTestId('import-input');
    const message = page.getByTestId('import-message');
    const importMessage = async (files, pattern) => {
      await page.evaluate(() => { document.querySelector('[data-testid="import-message"]').textContent = ''; });
      await input.setInputFiles(files);
      await waitFor(page, () => /Imported|Refused/.test(document.querySelector('[data-testid="import-message"]').textContent));
      const text = await message.textContent();
      assert.match(text, pattern);
      return text;
    };

    // A quota far below the checkpoint's size: the write is refused at commit, and the page says so.
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(page.url()).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4096 });
    const full = await importMessage([file('model.json', model), file('weights.bin', weights), file('meta.json', meta)], /^Refused: .*storage for this site is full/);
    assert.doesNotMatch(full, /Imported/);
    assert.deepEqual((await page.evaluate(() => window.__surpriseLearn.saved)), [], 'nothing stored, nothing listed');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await importMessage([file('model.json', model), file('weights.bin', weights), file('meta.json', meta)], /^Imported as "learner-6k"/);
    await waitFor(page, () => window.__surpriseLearn.saved.length === 1);

    // Weights all 3e38 under a valid hash: refused with the reason, never scored as "mean 0.0".
    const { weightsHash } = await tsImport(join(root, 'src/predictor/checkpoint.ts'), import.meta.url);
    const absurd = new Uint8Array(new Float32Array(weights.byteLength / 4).fill(3e38).buffer);
    const absurdMeta = Buffer.from(JSON.stringify({ ...JSON.parse(meta.toString('utf8')), weights_hash: weightsHash(absurd) }));
    await importMessage([file('model.json', model), file('weights.bin', Buffer.from(absurd)), file('meta.json', absurdMeta)], /^Refused: .*weights\.bin: value 0 is 3\.00e\+38; a trained predictor's weights stay within ±10000/);
    const noHash = Buffer.from(JSON.stringify({ ...JSON.parse(meta.toString('utf8')), weights_hash: undefined }));
    await importMessage([file('model.json', model), file('weights.bin', weights), file('meta.json', noHash)], /^Refused: .*meta\.json: weights_hash: expected string, got nothing/);
    const nullManifest = Buffer.from(JSON.stringify({ ...JSON.parse(model.toString('utf8')), weightsManifest: [null] }));
    await importMessage([file('model.json', nullManifest), file('weights.bin', weights), file('meta.json', meta)], /^Refused: .*model\.json: weightsManifest\[0\]: expected object, got null/);
    assert.equal((await page.evaluate(() => window.__surpriseLearn.saved)).length, 1);
  });

  test('hostile: a playground link keeps its 32-bit seed on reload, and says which parameters it ignored', async ({ open, assert }) => {
    const page = await open({ query: '?scene=car-off-platform&variant=3&seed=4294967295&models=constant-velocity' });
    await ready(page);
    await modelsReady(page);
    await waitFor(page, () => location.search.includes('seed='));
    assert.match(page.url(), /[?&]variant=3&seed=4294967295(&|$)/, page.url());
    assert.equal(await page.locator('[data-testid=url-note]').count(), 0, 'a good link gets no note');
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await modelsReady(page);
    assert.match(page.url(), /[?&]seed=4294967295(&|$)/, 'the same world after a reload');

    const bad = await open({ query: '?scene=../../x&variant=-5&seed=1e999&models=constant-velocity' });
    await ready(bad);
    const note = await bad.getByTestId('url-note').textContent();
    assert.match(note, /scene="\.\.\/\.\.\/x" \(no scene with this id here\)/);
    assert.match(note, /variant="-5" \(expected canonical or a whole number from 0 to 4294967295\)/);
    assert.match(note, /seed="1e999" \(expected a whole number from 0 to 4294967295\)/);
    await bad.getByTestId('dismiss-url-note').click();
    assert.equal(await bad.locator('[data-testid=url-note]').count(), 0);
  });
  test('hostile: an Experiment link names the parameters it could not use, and a good one gets no note', async ({ open, assert }) => {
    const good = await open({ query: 'experiment.html?scenes=car-off-platform&models=learner-1k&pairs=3&seed=7' });
    await good.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
    assert.equal(await good.locator('#study-alert').isHidden(), true, 'a good link gets no note');
    const bad = await open({ query: 'experiment.html?scenes=car-off-platform&models=learner-1k&pairs=lots&seed=-1' });
    await bad.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
    const text = await bad.getByTestId('alert-text').textContent();
    assert.match(text, /^Not understood in the address, so left out: /);
    assert.match(text, /“lots”/);
    assert.match(text, /“-1”/);
  });

  test('hostile: in a 30 cm world the selection corners hug a 3 cm box instead of burying it (marks scale with small worlds)', async ({ open, assert }) => {
    const page = await open({ query: '?models=' });
    await ready(page);
    const tiny = {
      format: 1, id: 'tiny-box', title: 'A 3 cm box in a 30 cm world', concept: 'free-play', study: { citation: 'a browser test' },
      world: { width: 0.3, height: 0.15 }, duration: 2,
      bodies: [{ id: 'floor', kind: 'ground', x: 0.15, y: 0.005, width: 0.3, height: 0.01 }, { id: 'box', kind: 'box', x: 0.15, y: 0.025, width: 0.03, height: 0.03 }],
    };
    await page.setInputFiles('[data-testid=scene-file]', { name: 'tiny-box.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) });
    await waitFor(page, () => window.__surpriseLab.sceneId === 'tiny-box' && window.__surpriseLab.frames > 0);
    const canvas = await page.locator('#canvas-host canvas').boundingBox();
    const at = await page.evaluate(() => window.__surpriseLab.worldToScreen(0.15, 0.025));
    await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
    await waitFor(page, () => window.__surpriseLab.selectedBody === 'box');
    await framesDrawn(page, 3);
    const side = await page.evaluate(() => { const l = window.__surpriseLab; return l.worldToScreen(0.165, 0.025).x - l.worldToScreen(0.135, 0.025).x; });
    const corners = await measureColour(page, '#0ea5e9', 30);
    assert.ok(corners.count > 0, 'the selection is drawn');
    const spread = corners.maxX - corners.minX;
    // Marks sized for 3–8 m worlds put 5 cm of padding around the box: 4.3 box widths across.
    assert.ok(spread > side && spread < 1.5 * side, `selection ${spread.toFixed(0)} px across for a box ${side.toFixed(0)} px wide`);
  });
}
