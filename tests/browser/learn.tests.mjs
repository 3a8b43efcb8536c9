// Browser tests of the Learn screen: a learner grows in the worker (progress, falling loss, pause
// and resume, developmental probe, checkpoint saved to IndexedDB and scored through savedModels),
// the page stays responsive (frame interval reported), and a truncated import is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meanSurprise, modelsReady, ready, waitFor } from './lab.mjs';

const learnHook = (page) => page.evaluate(() => {
  const l = window.__surpriseLearn;
  return l ? { backend: l.backend, state: l.state, progress: l.progress, saved: l.saved, episodesShown: l.episodesShown, errors: l.errors, lastTry: l.lastTry } : null;
});

const waitLearn = (page, fn, arg, timeout = 60_000) => page.waitForFunction(fn, arg, { timeout, polling: 100 });

export function registerLearnTests(test, { root }) {
  // 768 frames in chunks of 256, re-measured every 384 on one car pair: small enough for a busy
  // two-core machine, long enough for the loss to fall.
  const SMALL = 'learn.html?frames=768&chunk=256&every=384&pairs=1&scenes=car-off-platform&save=768&name=t&seed=3&heldout=256';

  test('learn: trains in the worker (progress, loss falls, pause/resume), saves a checkpoint and scores it', async ({ open, assert }) => {
    const page = await open({ query: SMALL });
    await waitLearn(page, () => !!window.__surpriseLearn);
    await page.getByTestId('run-start').click();
    await waitLearn(page, () => (window.__surpriseLearn.progress?.experienceFrames ?? 0) > 0);
    const early = (await learnHook(page)).progress.experienceFrames;
    assert.ok(early > 0 && early <= 768, `progress starts (${early})`);

    // Pause once some learning has happened; nothing advances while paused; then resume.
    await waitLearn(page, () => window.__surpriseLearn.losses().train.length >= 1);
    await page.getByTestId('run-pause').click();
    await waitLearn(page, () => window.__surpriseLearn.state === 'paused');
    const pausedAt = (await learnHook(page)).progress;
    await page.waitForTimeout(1500);
    const stillPaused = await learnHook(page);
    assert.equal(stillPaused.state, 'paused');
    assert.equal(stillPaused.progress.experienceFrames, pausedAt.experienceFrames, 'no experience while paused');
    assert.equal(stillPaused.progress.gradientSteps, pausedAt.gradientSteps, 'no learning while paused');
    await page.getByTestId('run-resume').click();
    await waitLearn(page, () => window.__surpriseLearn.state === 'done', null, 80_000);

    const end = await learnHook(page);
    assert.equal(end.progress.experienceFrames, 768);
    assert.match(await page.getByTestId('progress-text').textContent(), /768 \/ 768 frames · 0\.2 min \/ 0\.2 min of watching at 60 fps/);
    const { train, validation } = await page.evaluate(() => window.__surpriseLearn.losses());
    // Chunks of 256 frames that also end at the measuring marks: 256, 384, 640, 768.
    assert.deepEqual(train.map((p) => p[0]), [256, 384, 640, 768], 'one training loss per chunk');
    // A chunk's training loss depends on which episodes it drew (noisy over a few steps); the loss on
    // the same held-out episodes is the fair measure of learning.
    for (const [, l] of train) assert.ok(Number.isFinite(l) && l > 0);
    assert.deepEqual(validation.map((p) => p[0]), [0, 384, 768]);
    assert.ok(validation[1][1] < validation[0][1] && validation[2][1] < validation[0][1], `held-out loss falls: ${validation.map((p) => p[1].toFixed(3)).join(' → ')}`);
    console.log(`     training loss per chunk ${train.map((p) => p[1].toFixed(3)).join(', ')}; held-out ${validation.map((p) => p[1].toFixed(3)).join(' → ')}`);
    const dev = await page.evaluate(() => window.__surpriseLearn.development());
    assert.deepEqual(dev['car-off-platform'].map((p) => p[0]), [0, 384, 768], 'developmental curve measured at 0, 384, 768');
    for (const [, a] of dev['car-off-platform']) assert.ok(a >= 0 && a <= 1);
    assert.ok(end.episodesShown >= 1, 'an episode thumbnail was drawn');
    const stats = await page.evaluate(() => window.__surpriseLearn.frameStats());
    assert.ok(stats.frames > 20, 'frames were drawn while training');
    console.log(`     main-thread frame interval while training: median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(0)} ms over ${stats.frames} frames (${stats.over50Ms} over 50 ms); worker ${end.progress.framesPerSecond.toFixed(0)} frames/s`);

    // The checkpoint at 768 frames is in IndexedDB, listed, and usable through savedModels.
    await waitLearn(page, () => window.__surpriseLearn.saved.includes('t-768'));
    await page.getByTestId('saved-try-t-768').click();
    await waitLearn(page, () => window.__surpriseLearn.lastTry !== null);
    const tried = (await learnHook(page)).lastTry;
    assert.equal(tried.name, 't-768');
    assert.equal(tried.experienceFrames, 768);
    assert.ok(Number.isFinite(tried.possible) && Number.isFinite(tried.impossible), 'both trials scored');
    assert.ok(tried.onset > 0 && tried.frames > tried.onset);
    assert.match(await page.getByTestId('try-verdict').textContent(), /surprised by the (floating|falling) car/);
    const plotted = await page.evaluate(() => document.querySelectorAll('[data-testid="try-chart"] canvas').length);
    assert.equal(plotted, 1, 'the surprise curve is drawn');
    assert.deepEqual((await learnHook(page)).errors, []);

    // Picked in the playground (same browser profile, so the same IndexedDB): its live surprise
    // curve on the floating car, beside constant velocity.
    const playground = await page.context().newPage();
    const problems = [];
    playground.on('pageerror', (e) => problems.push(e.message));
    playground.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await playground.goto(`${new URL(page.url()).origin}/?scene=car-off-platform&condition=impossible&models=saved:t-768,constant-velocity&autoplay`);
    await ready(playground);
    await modelsReady(playground);
    assert.deepEqual(await playground.evaluate(() => window.__surpriseLab.models), ['saved:t-768', 'constant-velocity']);
    assert.equal(await playground.getByTestId('model-saved:t-768').isChecked(), true, 'ticked in the picker');
    await waitFor(playground, () => window.__surpriseLab.head > 120);
    const mean = await meanSurprise(playground, 0, 120);
    assert.ok(Number.isFinite(mean['saved:t-768']) && mean['saved:t-768'] >= 0, `a surprise curve for the saved learner (${mean['saved:t-768']})`);
    assert.ok(await playground.evaluate(() => window.__surpriseLab.chartLines()) >= 2, 'drawn on the chart');
    assert.deepEqual(problems, []);
  });

  test('learn: a newborn grown without the integrator (Built in box unticked) is saved with that switch off', async ({ open, assert }) => {
    const page = await open({ query: 'learn.html?frames=256&chunk=256&every=256&pairs=1&scenes=car-off-platform&save=256&name=core&seed=2&heldout=128' });
    await waitLearn(page, () => !!window.__surpriseLearn);
    for (const name of ['contact-geometry', 'object-files', 'integrator']) assert.equal(await page.getByTestId(`core-${name}`).isChecked(), true, `${name} on by default`);
    await page.getByTestId('core-integrator').uncheck();
    await page.getByTestId('run-start').click();
    await waitLearn(page, () => window.__surpriseLearn.state !== 'idle');
    assert.equal(await page.getByTestId('core-object-files').isDisabled(), true, 'switches are fixed while it learns');
    await waitLearn(page, () => window.__surpriseLearn.saved.includes('core-256'), null, 80_000);
    const features = await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('surprise-lab');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const get = req.result.transaction('checkpoints', 'readonly').objectStore('checkpoints').get('core-256');
        get.onsuccess = () => resolve([JSON.parse(get.result.metaJson).features, JSON.parse(get.result.modelJson).architecture.features]);
        get.onerror = () => reject(get.error);
      };
    }));
    const off = { contactFeatures: true, objectFiles: true, integrator: false };
    assert.deepEqual(features, [off, off]);
    assert.deepEqual((await learnHook(page)).errors, []);
  });

  test('learn: importing a truncated checkpoint is refused with the reason; saved ones are kept; export round-trips', async ({ open, assert }) => {
    const page = await open({ query: 'learn.html' });
    await waitLearn(page, () => window.__surpriseLearn?.backend != null || (window.__surpriseLearn?.errors.length ?? 0) > 0);
    const started = await learnHook(page);
    assert.equal(started.backend, 'wasm', `the worker's TF.js started (${started.errors.join('; ')})`);
    const dir = join(root, 'public/models/learner-6k');
    const file = (name, buffer, mimeType) => ({ name, mimeType, buffer });
    const model = readFileSync(join(dir, 'model.json'));
    const weights = readFileSync(join(dir, 'weights.bin'));
    const meta = readFileSync(join(dir, 'meta.json'));
    const input = page.getByTestId('import-input');
    const message = page.getByTestId('import-message');

    // A playground open in another tab of the same browser hears about the import.
    const playground = await page.context().newPage();
    await playground.goto(page.url().replace(/learn\.html.*$/, '?models=constant-velocity'), { waitUntil: 'load' });
    await ready(playground);
    assert.ok(!(await playground.evaluate(() => window.__surpriseLab.availableModels ?? [])).includes('saved:learner-6k'));
    const experiment = await page.context().newPage();
    await experiment.goto(page.url().replace(/learn\.html.*$/, 'experiment.html'), { waitUntil: 'load' });
    await experiment.waitForFunction(() => window.__study?.ready === true);
    assert.equal(await experiment.locator('[data-testid="model-saved:learner-6k"]').count(), 0);

    await input.setInputFiles([file('model.json', model, 'application/json'), file('weights.bin', weights, 'application/octet-stream'), file('meta.json', meta, 'application/json')]);
    await waitLearn(page, () => window.__surpriseLearn.saved.length === 1);
    assert.deepEqual((await learnHook(page)).saved, ['learner-6k']);
    await playground.waitForFunction(() => (window.__surpriseLab.availableModels ?? []).includes('saved:learner-6k'), null, { timeout: 15_000 });
    await experiment.waitForSelector('[data-testid="model-saved:learner-6k"]', { timeout: 15_000 });
    assert.match(await message.textContent(), /Imported as "learner-6k"/);

    // Truncated weights: refused by the tensor check, naming the file and the sizes.
    await input.setInputFiles([file('model.json', model, 'application/json'), file('weights.bin', weights.subarray(0, 1000), 'application/octet-stream'), file('meta.json', meta, 'application/json')]);
    await waitLearn(page, () => /Refused/.test(document.querySelector('[data-testid="import-message"]').textContent));
    const refused = await message.textContent();
    assert.match(refused, /weights\.bin: is 1000 bytes; the manifest needs \d+ \(truncated\?\)/);
    assert.match(refused, /Nothing was changed/);
    assert.deepEqual((await learnHook(page)).saved, ['learner-6k'], 'the stored checkpoint is kept, nothing added');

    // Export the stored one as a bundle and import it back; then a truncated bundle is refused.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('saved-bundle-learner-6k').click()]);
    assert.equal(download.suggestedFilename(), 'learner-6k.checkpoint.json');
    const bundle = readFileSync(await download.path());
    await input.setInputFiles([file('learner-6k.checkpoint.json', bundle, 'application/json')]);
    await waitLearn(page, () => window.__surpriseLearn.saved.length === 2);
    assert.deepEqual((await learnHook(page)).saved.sort(), ['learner-6k', 'learner-6k-2']);
    await input.setInputFiles([file('cut.checkpoint.json', bundle.subarray(0, Math.floor(bundle.length / 2)), 'application/json')]);
    await waitLearn(page, () => /Refused/.test(document.querySelector('[data-testid="import-message"]').textContent));
    assert.match(await message.textContent(), /cut\.checkpoint\.json: not valid JSON .*truncated/);
    assert.deepEqual((await learnHook(page)).saved.sort(), ['learner-6k', 'learner-6k-2']);

    // An incompatible format version is refused too.
    const future = JSON.stringify({ ...JSON.parse(model.toString('utf8')), formatVersion: 99 });
    await input.setInputFiles([file('model.json', Buffer.from(future), 'application/json'), file('weights.bin', weights, 'application/octet-stream'), file('meta.json', meta, 'application/json')]);
    await waitLearn(page, () => /format version 99/.test(document.querySelector('[data-testid="import-message"]').textContent));
    assert.equal((await learnHook(page)).saved.length, 2);
  });
}
