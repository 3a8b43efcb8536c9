// Browser tests of Record in the playground: a take is saved to the real IndexedDB with its frames
// and metadata; with IndexedDB refused (as in a private window) the page says so and offers the
// recording as a download that reads back as a valid recording.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { hook, modelsReady, pause, ready, waitFor } from './lab.mjs';

const QUERY = '?scene=car-off-platform&models=constant-velocity';

/** Every stored recording (the full object) and summary, read from the page's IndexedDB. */
async function storedRecordings(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('surprise-lab-recordings');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction(['recordings', 'summaries'], 'readonly');
      const recs = tx.objectStore('recordings').getAll();
      const sums = tx.objectStore('summaries').getAll();
      tx.oncomplete = () => { ok({ recordings: recs.result, summaries: sums.result }); req.result.close(); };
      tx.onerror = () => fail(tx.error);
    };
  }));
}

/** Record from the frame on screen, let time run to `until`, pause, stop. Returns [from, to]. */
async function recordUntil(page, assert, until) {
  const from = (await hook(page)).frame;
  await page.keyboard.press('c');
  await waitFor(page, () => window.__surpriseLab.recording);
  assert.equal(await page.getAttribute('[data-testid=record]', 'aria-pressed'), 'true', 'the Record button shows it is on');
  await page.keyboard.press('Space');
  await waitFor(page, (f) => window.__surpriseLab.head >= f, until);
  await pause(page);
  const to = (await hook(page)).head;
  const started = performance.now();
  await page.click('[data-testid=record]');
  assert.equal(await page.evaluate(() => window.__surpriseLab.recording), false, 'stopped');
  return { from, to, stopMs: performance.now() - started };
}

export function registerRecordingTests(test, { root, outDir }) {
  test('Record → play 2 s → Stop saves a free-play recording to IndexedDB with its frames and metadata', async ({ open, assert }) => {
    const page = await open({ query: QUERY });
    await ready(page);
    await modelsReady(page);
    // Start a little into the trial: frames are renumbered from 0, t keeps the scene's clock.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const { from, to, stopMs } = await recordUntil(page, assert, 125);
    await waitFor(page, () => window.__surpriseLab.recordingsSaved === 1);
    const status = await page.textContent('[data-testid=record-status]');
    assert.match(status, /Saved “Free play: .*” \(\d+ frames, [\d.]+ s\)/, status);
    assert.equal(await page.getAttribute('[data-testid=record-open]', 'href'), 'experiment.html#recordings');
    await page.screenshot({ path: join(outDir, 'playground-recording-saved.png') });

    const { recordings, summaries } = await storedRecordings(page);
    assert.equal(recordings.length, 1);
    const { recording: rec, runId } = recordings[0];
    assert.equal(runId, undefined, 'free play belongs to no run');
    assert.equal(rec.kind, 'free-play');
    assert.equal(rec.snapshots.length, to - from + 1, `frames ${from}..${to}`);
    assert.deepEqual(rec.snapshots.map((s) => s.frame), rec.snapshots.map((_, i) => i), 'frames count from 0');
    assert.ok(Math.abs(rec.snapshots[0].t - from / 60) < 1e-9, 't keeps the scene clock');
    const onScreen = await page.evaluate((f) => window.__surpriseLab.snapshot(f), from + 60);
    assert.deepEqual(rec.snapshots[60].bodies, onScreen.bodies, 'the stored states are the ones simulated');
    const { textHash } = await tsImport(join(root, 'src/experiment/recording.ts'), import.meta.url);
    const sceneText = await readFile(join(root, 'scenes/car-off-platform.json'), 'utf8');
    assert.deepEqual(
      [rec.meta.scene_id, rec.meta.scene_hash, rec.meta.condition, rec.meta.variant, rec.meta.app_version, rec.meta.matter_version, rec.meta.tfjs_version],
      ['car-off-platform', textHash(sceneText), 'possible', null, '0.1.0', '0.20.0', '4.22.0'],
    );
    assert.equal(rec.observers.length, 1);
    const cv = rec.observers[0];
    assert.equal(cv.model, 'constant-velocity');
    assert.equal(cv.total.length, rec.snapshots.length);
    assert.equal(cv.per_body.car.length, rec.snapshots.length);
    assert.ok(cv.total.filter((v) => v !== null).length > 60, 'surprise recorded at most frames');
    const live = await page.evaluate(() => window.__surpriseLab.surprise());
    assert.equal(cv.total[100], live.series['constant-velocity'][from + 100 - live.first], 'the stored surprise is the live one');
    assert.ok(rec.events.every((e) => e.frame >= 0 && e.frame < rec.snapshots.length), 'events within the recording');
    assert.ok(typeof cv.scores.rollout_mean === 'number');
    assert.equal(summaries[0].frames, rec.snapshots.length);
    assert.deepEqual(summaries[0].models, ['constant-velocity']);
    console.log(`     recorded frames ${from}..${to}; stop → status in ${stopMs.toFixed(0)} ms`);

    // Changing the scene ends a take in progress (and saves it).
    await page.keyboard.press('c');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('i');
    await waitFor(page, () => !window.__surpriseLab.recording && window.__surpriseLab.recordingsSaved === 2);
    assert.match(await page.textContent('[data-testid=record-status]'), /ended with the trial; saved/);
  });

  test('Record with IndexedDB refused (private window): the page says so and the download is a valid recording', async ({ open, assert }) => {
    const page = await open({ query: QUERY });
    // Let the first load finish (a reload mid-load aborts its requests), then reload without IndexedDB.
    await ready(page);
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function refuse() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await modelsReady(page);
    const { from, to } = await recordUntil(page, assert, 60);
    await page.waitForSelector('[data-testid=record-error]');
    const message = await page.textContent('[data-testid=record-error]');
    assert.match(message, /^The recording “?"?Free play: .*was not saved: this browser window does not let the page store data/, message);
    assert.match(message, /Private windows/);
    await page.screenshot({ path: join(outDir, 'playground-recording-not-saved.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=record-download]')]);
    assert.match(download.suggestedFilename(), /^Free-play-.*\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const { parseRecordingsJson } = await tsImport(join(root, 'src/experiment/recordingJson.ts'), import.meta.url);
    const [rec] = parseRecordingsJson(text, download.suggestedFilename());
    assert.equal(rec.kind, 'free-play');
    assert.equal(rec.snapshots.length, to - from + 1);
    assert.equal(await page.evaluate(() => window.__surpriseLab.recordingsSaved), 0);
  });

  test('Record when the browser refuses for quota midway through the write: nothing half-written, the page says storage is full', async ({ open, assert }) => {
    const page = await open({ query: QUERY });
    await ready(page);
    // The recording itself is accepted, its summary (same transaction) refused: the whole write must go.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function putOrRefuse(...args) {
        if (this.name === 'summaries') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await modelsReady(page);
    await recordUntil(page, assert, 30);
    await page.waitForSelector('[data-testid=record-error]');
    const message = await page.textContent('[data-testid=record-error]');
    assert.match(message, /^The recording “Free play: .*” was not saved: the browser's storage for this site is full\./, message);
    assert.ok(await page.isVisible('[data-testid=record-download]'), 'the download is offered');
    const { recordings, summaries } = await storedRecordings(page);
    assert.deepEqual([recordings.length, summaries.length], [0, 0], 'a failed write changes nothing');
  });
}
