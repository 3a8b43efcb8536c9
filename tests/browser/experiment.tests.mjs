// Browser tests of the Experiment screen: a two-learner study on car-off-platform (the older
// learner's impossible bar above its possible bar; the same metrics and McNemar tests as the CLI suite in Node),
// per-frame CSV with the documented columns and one row per frame × trial × body, JSON that
// re-imports to an identical recording, a reload mid-run that keeps every finished trial, the
// lookaway key, storage that refuses (download offered) and a foreign file refused on import.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { measureColour } from './pagePixels.mjs';
import { axeViolations } from './classroom.tests.mjs';

const PAGE = 'experiment.html';
const study = (page) => page.evaluate(() => {
  const s = window.__study;
  return { ready: s.ready, state: s.state, finished: s.finished, total: s.total, unsaved: s.unsaved, interrupted: s.interrupted, runId: s.runId };
});
const waitStudy = (page, fn, arg, timeout = 80_000) => page.waitForFunction(fn, arg, { timeout, polling: 100 });
/** Each result figure's chart text as shown: the img's width inside its border over the SVG's own
 * width (its 11-px text shows at 11 × this CSS px). Read once every figure's image has loaded. */
const figureScales = async (page) => {
  await page.waitForFunction(() => [...document.querySelectorAll('figure.figure img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 10_000 });
  return page.evaluate(() => [...document.querySelectorAll('figure.figure')].map((f) => {
    const img = f.querySelector('img');
    return { id: f.dataset.testid, scale: (img.getBoundingClientRect().width - 2) / img.naturalWidth, svgWidth: img.naturalWidth };
  }));
};
const assertReadable = (assert, scales, where) => {
  assert.ok(scales.length >= 5, `${where}: five result figures (${scales.length})`);
  for (const f of scales) assert.ok(f.scale >= 0.95, `${where}: ${f.id}'s text shown at ${(11 * f.scale).toFixed(1)} px (an SVG ${f.svgWidth} px wide scaled by ${f.scale.toFixed(2)}), not shrunk below 11`);
};
const start = async (page) => {
  await waitStudy(page, () => window.__study?.ready === true);
  await page.getByTestId('study-start').click();
};
/** Every recording in the page's IndexedDB, read with the real IndexedDB API. */
const storedRecordings = (page) => page.evaluate(() => new Promise((ok, fail) => {
  const req = indexedDB.open('surprise-lab-recordings');
  req.onerror = () => fail(req.error);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('recordings')) { ok([]); return; }
    const all = db.transaction('recordings').objectStore('recordings').getAll();
    all.onsuccess = () => ok(all.result.map((w) => w.recording ?? w));
    all.onerror = () => fail(all.error);
  };
}));

/** The documented per-frame CSV columns (docs/data.md), before the per-observer surprise columns. */
const CSV_LEAD = ['recording', 'kind', 'run', 'trial', 'phase', 'scene', 'variant', 'condition', 'seed', 'frame', 't', 'body', 'x', 'y', 'vx', 'vy', 'angle', 'angular_velocity', 'visible', 'present', 'looking'];

function parseCsv(text) {
  const lines = text.trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1) };
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

export function registerExperimentTests(test, { root, outDir }) {
  test('experiment: looking times of habituating learners are the CLI `lab study` numbers; charts drawn readable at both widths (text at 11 px or more, downloads wide), axe clean', async ({ open, assert }) => {
    const query = `${PAGE}?scenes=car-off-platform&models=learner-1k,learner-100k&pairs=3&fam=4&seed=4&speed=instant&look=hazard&habituate=1`;
    const page = await open({ query, bypassCSP: true });
    assert.equal(await page.getByTestId('study-look').inputValue(), 'hazard', 'the looking model is read from the address');
    assert.ok(await page.getByTestId('study-habituate').isChecked(), 'habituation is read from the address');
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished', null, 85_000);
    const looking = await page.evaluate(() => window.__study.looking);
    assert.ok(looking, 'looking results exist');
    const scene = looking.scenes.find((x) => x.sceneId === 'car-off-platform');
    const older = scene.observers.find((o) => o.model === 'learner-100k');
    assert.equal(older.familiarization.length, 4, 'four familiarization trials looked at');
    assert.equal(older.test.possible.n + older.test.impossible.n, 6, 'six test trials looked at');
    assert.match(await page.getByTestId('looking-sentence').textContent(), /looked longer at the impossible event|did not look longer/);
    for (const id of ['looking-curve', 'looking-test', 'looking-share']) {
      const drawn = await page.evaluate((sel) => { const i = document.querySelector(`[data-testid=${sel}] img`); return i !== null && i.complete && i.naturalWidth > 100; }, `${id}-car-off-platform`);
      assert.ok(drawn, `${id} drawn`);
    }

    // The same study in Node through the CLI: the same looking times, to the last digit.
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'study', '--scenes', 'scenes/car-off-platform.json', '--models', 'learner-1k,learner-100k', '--looking', 'hazard', '--habituate', '--pairs', '3', '--fam', '4', '--seed', '4', '--out', dir], { cwd: root, stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(join(dir, 'looking.json'), 'utf8'));
    // (Through JSON, as the CLI wrote it: an undefined SEM is NaN in the page and null in the file.)
    assert.deepEqual(JSON.parse(JSON.stringify(looking)), cli.results, 'the screen and `lab study` agree');

    await page.getByTestId('looking-curve-car-off-platform').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'experiment-looking-1280.png'), fullPage: false });
    assertReadable(assert, await figureScales(page), '1280 px');
    assert.deepEqual(await axeViolations(page, readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8')), [], 'axe-core: no WCAG 2 A/AA violation with the looking results shown');
    await page.setViewportSize({ width: 420, height: 860 });
    // Measured once the resize has been laid out and drawn (two frames), not in the middle of it;
    // the widest element is named when it does overflow.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { overflow, widest } = await page.evaluate(() => {
      const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
      const w = over.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, widest: w ? `${w.tagName.toLowerCase()}.${w.className} ${w.getAttribute('data-testid') ?? ''}` : '' };
    });
    assert.ok(overflow <= 0, `no sideways scrolling at 420 px (${overflow}; widest: ${widest})`);
    // Redrawn for the narrow width (one panel a row), not the wide chart shrunk to 6-px text.
    const narrow = await figureScales(page);
    assertReadable(assert, narrow, '420 px');
    assert.ok(narrow.every((f) => f.svgWidth < 400), `charts drawn narrow at 420 px (${narrow.map((f) => f.svgWidth).join(', ')})`);
    await page.getByTestId('looking-test-car-off-platform').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'experiment-looking-420.png'), fullPage: false });
    // The download is the wide layout `lab study` writes, whatever the window.
    const file = await download(page, 'looking-test-car-off-platform-svg');
    assert.ok(file.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="720"'), 'the SVG download keeps the wide layout');
    assert.deepEqual(await axeViolations(page, readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8')), [], 'axe-core: no WCAG 2 A/AA violation at 420 px either');
  });

  test('experiment: RANCH-style looking (ranch) of habituating learners, two infants each, its memory folded over the trials, is the CLI `lab study` numbers, a second scene too', async ({ open, assert }) => {
    // Two scenes: the second one's learners habituate from the checkpoint again, seeded by its own trials (issue 19).
    // Two infants per learner: the second infant's copies learn with its own seed, as `lab study --infants-per-learner 2`.
    const query = `${PAGE}?scenes=car-off-platform,box-released-beyond-platform&models=learner-1k,learner-100k&pairs=3&fam=4&seed=4&speed=instant&look=ranch&habituate=1&infants=2`;
    const page = await open({ query });
    assert.equal(await page.getByTestId('study-look').inputValue(), 'ranch', 'the looking model is read from the address');
    assert.equal(await page.getByTestId('study-infants').inputValue(), '2', 'infants per learner are read from the address');
    assert.equal((await page.getByTestId('study-look').locator('option:checked').textContent()).trim(), 'RANCH-style', 'the select names the model');
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished', null, 85_000);
    const looking = await page.evaluate(() => window.__study.looking);
    assert.equal(looking.model, 'ranch');
    assert.equal(looking.params.model, 'ranch', 'the RANCH-style parameters are reported');
    const older = looking.scenes.find((x) => x.sceneId === 'car-off-platform').observers.find((o) => o.model === 'learner-100k');
    assert.equal(older.trials.length, 10, 'four familiarization and six test trials looked at');
    assert.equal(looking.infantsPerLearner, 2, 'two infants per learner');
    assert.deepEqual(looking.scenes[0].observers.map((o) => `${o.model}#${o.infant}`), ['learner-1k#1', 'learner-1k#2', 'learner-100k#1', 'learner-100k#2'], 'each learner\'s two infants');
    assert.notDeepEqual(looking.scenes[0].observers[3].trials.map((t) => t.surprise), older.trials.map((t) => t.surprise), 'the second infant habituated its own copy');
    // The screen keeps the address's scene order (the presentation order), not its catalogue's; the CLI is given the same order.
    const order = looking.scenes.map((x) => x.sceneId);
    assert.deepEqual(order, ['car-off-platform', 'box-released-beyond-platform'], 'both scenes studied, in the address\'s order');
    assert.match(await page.getByTestId('looking-sentence').first().textContent(), /looked longer at the impossible event|did not look longer/);
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'study', '--scenes', order.map((id) => `scenes/${id}.json`).join(','), '--models', 'learner-1k,learner-100k', '--looking', 'ranch', '--habituate', '--pairs', '3', '--fam', '4', '--seed', '4', '--infants-per-learner', '2', '--out', dir], { cwd: root, stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(join(dir, 'looking.json'), 'utf8'));
    assert.deepEqual(JSON.parse(JSON.stringify(looking)), cli.results, 'the screen and `lab study --looking ranch --infants-per-learner 2` agree to the last digit');
  });

  test('experiment: RANCH-style looking moment by moment (ranch-moment) of habituating learners, read from each trial\'s per-frame surprise, test orders counterbalanced, is the CLI `lab study` numbers', async ({ open, assert }) => {
    // The address's scene order (box, then car) is the study's: the screen and the CLI run the same design.
    // Counterbalanced test orders: the second learner meets every test pair flipped, as `lab study --orders counterbalanced`.
    const query = `${PAGE}?scenes=box-released-beyond-platform,car-off-platform&models=learner-1k,learner-100k&pairs=2&fam=3&seed=5&speed=instant&look=ranch-moment&habituate=1&orders=counterbalanced`;
    const page = await open({ query });
    assert.equal(await page.getByTestId('study-look').inputValue(), 'ranch-moment', 'the looking model is read from the address');
    assert.equal(await page.getByTestId('study-orders').inputValue(), 'counterbalanced', 'the test orders are read from the address');
    assert.equal((await page.getByTestId('study-look').locator('option:checked').textContent()).trim(), 'RANCH-style, moment by moment', 'the select names the model');
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished', null, 85_000);
    const looking = await page.evaluate(() => window.__study.looking);
    assert.equal(looking.model, 'ranch-moment');
    assert.equal(looking.params.model, 'ranch-moment', 'the moment-by-moment parameters are reported');
    assert.deepEqual(looking.scenes.map((x) => x.sceneId), ['box-released-beyond-platform', 'car-off-platform'], 'the address\'s scene order');
    assert.equal(looking.orders, 'counterbalanced', 'counterbalanced orders are recorded');
    assert.deepEqual(looking.scenes[1].observers.map((o) => o.order), ['drawn', 'flipped'], 'one infant per learner: the orders alternate across learners');
    // One learner an age: each group counts one observer per order (the sentence says it only from two on).
    assert.deepEqual(looking.scenes[1].groups.map((g) => [g.byOrder.drawn.n, g.byOrder.flipped.n]), [[1, 0], [0, 1]], 'each age group counts its learners per order');
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'study', '--scenes', 'scenes/box-released-beyond-platform.json,scenes/car-off-platform.json', '--models', 'learner-1k,learner-100k', '--looking', 'ranch-moment', '--habituate', '--pairs', '2', '--fam', '3', '--seed', '5', '--orders', 'counterbalanced', '--out', dir], { cwd: root, stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(join(dir, 'looking.json'), 'utf8'));
    assert.deepEqual(JSON.parse(JSON.stringify(looking)), cli.results, 'the screen and `lab study --looking ranch-moment --orders counterbalanced` agree to the last digit');
    // Not the trial-mean model's numbers: the per-frame surprise reached the model.
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'study', '--scenes', 'scenes/box-released-beyond-platform.json,scenes/car-off-platform.json', '--models', 'learner-1k,learner-100k', '--looking', 'ranch', '--habituate', '--pairs', '2', '--fam', '3', '--seed', '5', '--orders', 'counterbalanced', '--out', join(dir, 'ranch')], { cwd: root, stdio: 'pipe' });
    const mean = JSON.parse(readFileSync(join(dir, 'ranch', 'looking.json'), 'utf8')).results;
    const seconds = (r) => r.scenes.flatMap((x) => x.observers.flatMap((o) => o.trials.map((t) => t.seconds)));
    assert.notDeepEqual(seconds(looking), seconds(mean), 'moment-by-moment looking differs from the trial-mean model\'s');
    await page.getByTestId('looking-curve-car-off-platform').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'experiment-looking-moment-1280.png'), fullPage: false });
  });

  test('experiment: 2 learners × 10 pairs on car-off-platform; bars, CLI-identical metrics, CSV, JSON round trip', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=car-off-platform&models=learner-1k,learner-100k&pairs=10&fam=1&seed=4&speed=instant` });
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished', null, 85_000);
    const s = await study(page);
    assert.equal(s.finished, 21, '1 familiarization + 20 test trials');
    const results = await page.evaluate(() => window.__study.results);
    const scene = results.scenes.find((x) => x.sceneId === 'car-off-platform');
    const older = scene.models.find((m) => m.model === 'learner-100k');
    const younger = scene.models.find((m) => m.model === 'learner-1k');
    assert.ok(older.bars.impossible.mean > older.bars.possible.mean, `older learner: impossible ${older.bars.impossible.mean} > possible ${older.bars.possible.mean}`);
    assert.equal(older.pairs.complete, 10);
    assert.ok(older.pairs.impossibleHigher > younger.pairs.impossibleHigher, `older surprised in more pairs (${older.pairs.impossibleHigher} vs ${younger.pairs.impossibleHigher})`);
    assert.match(await page.getByTestId('results-sentence').first().textContent(), /10 pairs/);
    await page.getByTestId('bars-car-off-platform').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, 'experiment-results-1280.png'), fullPage: true });
    const imgOk = await page.evaluate(() => [...document.querySelectorAll('.figure img')].every((i) => i.complete && i.naturalWidth > 100));
    assert.ok(imgOk, 'both figures drawn');

    // Per-frame CSV: documented columns, one row per frame × trial × body.
    const recs = JSON.parse((await download(page, 'export-run-json')).text).recordings;
    assert.equal(recs.length, 21);
    const csv = parseCsv((await download(page, 'export-run-csv')).text);
    assert.deepEqual(csv.header.slice(0, CSV_LEAD.length), CSV_LEAD);
    assert.deepEqual(csv.header.slice(CSV_LEAD.length), ['surprise_learner-1k', 'surprise_learner-100k']);
    const docs = readFileSync(join(root, 'docs/data.md'), 'utf8');
    for (const c of CSV_LEAD) assert.ok(docs.includes(`\`${c}\``), `docs/data.md documents ${c}`);
    const expectedRows = recs.reduce((n, r) => n + r.snapshots.reduce((m, snap) => m + snap.bodies.length, 0), 0);
    assert.equal(csv.rows.length, expectedRows, 'one row per frame × trial × body');
    for (const row of csv.rows.slice(0, 50)) assert.equal(row.split(',').length, csv.header.length);

    // One recording's JSON, deleted and imported back, is the same recording byte for byte.
    const first = page.getByTestId('rec-rows').locator('tr').first();
    await first.getByTestId('rec-select').check();
    const one = await download(page, 'rec-export-json');
    const id = JSON.parse(one.text).id;
    await first.getByTestId('rec-delete').click();
    await first.getByTestId('rec-delete').click();
    await waitStudy(page, (n) => document.querySelectorAll('[data-testid=rec-rows] tr').length === n, 20);
    const file = join(mkdtempSync(join(tmpdir(), 'rec-')), one.name);
    writeFileSync(file, one.text);
    await page.getByTestId('rec-import').setInputFiles(file);
    await waitStudy(page, (n) => document.querySelectorAll('[data-testid=rec-rows] tr').length === n, 21);
    const back = (await storedRecordings(page)).find((r) => r.id === id);
    assert.ok(back, 'the imported recording is stored under its own id');
    await page.locator(`tr[data-id="${id}"]`).getByTestId('rec-select').check();
    const again = await download(page, 'rec-export-json');
    assert.equal(again.text, one.text, 'exported again, the same bytes');

    // The same seed in Node through the CLI's suite gives the same numbers.
    const dir = mkdtempSync(join(tmpdir(), 'suite-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'learner-1k,learner-100k', '--pairs', '10', '--seed', '4', '--out', dir], { cwd: root, stdio: 'pipe' });
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    assert.equal(summary.summary_version, 2);
    assert.deepEqual(results.suite, summary.results, 'the screen and `lab suite` agree to the last digit');
    assert.deepEqual(results.comparisons, summary.comparisons, "the screen's McNemar tests are the suite's");
    const mcnemar = await page.getByTestId('mcnemar-car-off-platform').textContent();
    const c = summary.comparisons[0];
    assert.ok(mcnemar.includes(`learner-1k alone right in ${c.only_a}, learner-100k alone in ${c.only_b}`), mcnemar);
    const row = page.getByTestId('metrics-car-off-platform').locator('tr[data-model="learner-100k"] td');
    const r = summary.results.find((x) => x.model === 'learner-100k');
    assert.equal(await row.nth(3).textContent(), `${r.wins} / ${r.ties} / ${r.losses}`, 'won / tied / lost shown');
  });

  test('experiment: reloading mid-run keeps every finished trial, and the run resumes', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=car-off-platform&models=constant-velocity&pairs=6&fam=0&seed=2&speed=4` });
    await start(page);
    await waitStudy(page, () => window.__study.finished >= 2);
    const before = (await study(page)).finished;
    await page.reload({ waitUntil: 'load' });
    await waitStudy(page, () => window.__study?.interrupted !== null && window.__study.interrupted !== undefined);
    const s = await study(page);
    const stored = await storedRecordings(page);
    assert.ok(s.interrupted.finished >= before, `at least the ${before} trials seen finished are kept (${s.interrupted.finished})`);
    assert.equal(stored.length, s.interrupted.finished, 'every finished trial is in IndexedDB');
    assert.equal(s.interrupted.total, 12);
    await page.getByTestId('resume-run').click();
    await waitStudy(page, () => window.__study.state === 'finished', null, 85_000);
    const after = await storedRecordings(page);
    assert.equal(after.length, 12, 'the resumed run finished every trial once');
    assert.equal(new Set(after.map((r) => r.place.trial_index)).size, 12);
  });

  test('experiment: the lookaway key records looking time per trial', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=car-off-platform&models=constant-velocity&pairs=1&fam=0&seed=5&looking=1&look=hazard` });
    await start(page);
    // Trial 1: look for about a second; trial 2: do not look.
    await waitStudy(page, () => window.__study.state === 'running' && document.querySelector('[data-testid=looking-light]')?.hidden === false);
    await page.waitForTimeout(300);
    await page.keyboard.down('l');
    await page.waitForTimeout(1000);
    await page.keyboard.up('l');
    await waitStudy(page, () => window.__study.state === 'finished', null, 60_000);
    const looking = await page.evaluate(() => window.__study.results.scenes[0].looking);
    assert.ok(looking, 'looking results exist');
    const [t1, t2] = looking.trials.slice().sort((a, b) => a.index - b.index);
    assert.ok(t1.seconds > 0.5 && t1.seconds < 2, `about one second of looking in trial 1 (${t1.seconds})`);
    assert.equal(t2?.seconds ?? 0, 0, 'no looking in trial 2');
    // Beside the observers' modelled looking, on the same axes: the person's test looking per condition.
    const person = await page.evaluate(() => window.__study.looking.scenes[0].person);
    assert.equal(person.test.possible.n + person.test.impossible.n, 2, "the person's two test trials are in the looking results");
    assert.ok([person.test.possible.mean, person.test.impossible.mean].includes(t1.seconds), 'with the seconds recorded');
    assert.match(await page.getByTestId('looking-test-car-off-platform').locator('img').getAttribute('alt'), /seconds/);
    const stored = await storedRecordings(page);
    assert.equal(stored.filter((r) => r.looking !== null).length, 2, 'both trials carry their looking record');
  });

  test('experiment: storage that refuses keeps the trials and offers them as a download; a foreign file is refused', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=car-off-platform&models=constant-velocity&pairs=1&fam=0&seed=6&speed=instant` });
    await waitStudy(page, () => window.__study?.ready === true);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { configurable: true, get() { return { open() { throw new DOMException('The user denied permission to access the database.', 'InvalidStateError'); } }; } });
    });
    await page.reload({ waitUntil: 'load' });
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished');
    assert.equal((await study(page)).unsaved, 2);
    assert.match(await page.getByTestId('alert-text').textContent(), /could not be (saved|stored)/);
    const { text } = await download(page, 'download-unsaved');
    const parsed = JSON.parse(text);
    assert.equal(parsed.recordings.length, 2, 'both trials are in the download');

    const page2 = await open({ query: `${PAGE}` });
    await waitStudy(page2, () => window.__study?.ready === true);
    const foreign = join(mkdtempSync(join(tmpdir(), 'rec-')), 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
    await page2.getByTestId('rec-import').setInputFiles(foreign);
    await waitStudy(page2, () => /not a Surprise Lab recording/.test(document.querySelector('[data-testid=rec-message]')?.textContent ?? ''), null, 10_000);
    assert.equal((await storedRecordings(page2)).length, 0, 'nothing was added');
  });

  test('experiment: the screen fits 1280×800 and a narrow window, and works from the keyboard', async ({ open, assert }) => {
    for (const [w, hgt] of [[1280, 800], [420, 860]]) {
      const page = await open({ width: w, height: hgt, query: `${PAGE}?scenes=car-off-platform&models=learner-100k,constant-velocity&pairs=2&fam=0&seed=1&speed=instant` });
      await waitStudy(page, () => window.__study?.ready === true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${w} px (${overflow})`);
      await page.screenshot({ path: join(outDir, `experiment-setup-${w}.png`), fullPage: w > 500 });
      if (w === 1280) {
        // Tab to Start and press Enter: the study runs without a mouse.
        await page.getByTestId('study-seed').focus();
        let focused = '';
        // Seven fields after the seed: playback, looking model, habituate, infants, test orders, my looking, Start.
        for (let i = 0; i < 7 && focused !== 'study-start'; i++) {
          await page.keyboard.press('Tab');
          focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
        }
        assert.equal(focused, 'study-start', 'Start is reachable with Tab');
        await page.keyboard.press('Enter');
        await waitStudy(page, () => window.__study.state === 'finished');
        await page.screenshot({ path: join(outDir, 'experiment-finished-1280.png'), fullPage: true });
      }
    }
  });

  test('experiment: gravity-only is offered beside constant velocity, scored like any observer, and draws its curve', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=car-off-platform&models=gravity-only,constant-velocity&pairs=1&fam=0&seed=3&speed=4` });
    await waitStudy(page, () => window.__study?.ready === true);
    assert.ok(await page.getByTestId('model-gravity-only').isChecked(), 'listed in the setup and ticked from the address');
    await start(page);
    // While a trial plays, the curve under the stage draws each observer's surprise in its colour.
    await waitStudy(page, () => window.__study.state === 'running');
    await page.waitForFunction(() => document.querySelector('[data-testid=live-chart] canvas') !== null, null, { timeout: 20_000 });
    let line = { count: 0 };
    for (let i = 0; i < 60 && line.count <= 50 && (await study(page)).state === 'running'; i++) {
      line = await measureColour(page, '#a21caf', 24, '[data-testid=live-chart] canvas');
      if (line.count <= 50) await page.waitForTimeout(100);
    }
    assert.ok(line.count > 50, `its fuchsia curve is drawn under the stage (${line.count} px)`);
    await waitStudy(page, () => window.__study.state === 'finished');
    const results = await page.evaluate(() => window.__study.results);
    const models = results.scenes.find((x) => x.sceneId === 'car-off-platform').models;
    const g = models.find((m) => m.model === 'gravity-only');
    assert.equal(g?.kind, 'gravity-only');
    assert.equal(g.pairs.complete, 1);
    assert.equal(await page.locator('[data-testid=metrics-car-off-platform] tr[data-model=gravity-only] td').nth(1).textContent(), 'baseline');
  });
  test('experiment: the control preset runs the car pair beside its stay-versus-drop control, listed under it', async ({ open, assert }) => {
    const page = await open({ query: `${PAGE}?scenes=ball-reverses-by-itself&models=oracle&pairs=1&fam=0&seed=2&speed=instant` });
    await waitStudy(page, () => window.__study?.ready === true);
    // The control is listed right under the scene it controls, and says so.
    const order = await page.evaluate(() => [...document.querySelectorAll('.scene-choices input[type=checkbox]')].map((b) => b.value));
    assert.equal(order.indexOf('car-comes-to-rest-on-platform'), order.indexOf('car-off-platform') + 1, 'the control follows its scene');
    const label = page.locator('label[data-control-of="car-off-platform"]');
    assert.match(await label.textContent(), /control of “Car pushed off a platform”/);
    await page.getByTestId('preset-control').click();
    const ticked = await page.evaluate(() => [...document.querySelectorAll('.scene-choices input:checked')].map((b) => b.value));
    assert.deepEqual(ticked, ['car-off-platform', 'car-comes-to-rest-on-platform'], 'the preset ticks the pair and its control only');
    for (const m of ['oracle', 'constant-velocity', 'gravity-only']) assert.ok(await page.getByTestId(`model-${m}`).isChecked(), `${m} ticked`);
    assert.match(page.url(), /scenes=car-off-platform%2Ccar-comes-to-rest-on-platform|scenes=car-off-platform,car-comes-to-rest-on-platform/, 'the address follows');
    await start(page);
    await waitStudy(page, () => window.__study.state === 'finished');
    const results = await page.evaluate(() => window.__study.results);
    const acc = (scene, model) => results.suite.find((r) => r.scene === scene && r.model === model).pairwise_accuracy;
    // One pair each: the ideal observer gets both right; each one-sided baseline gets one of the two wrong.
    assert.equal(acc('car-off-platform', 'oracle'), 1);
    assert.equal(acc('car-comes-to-rest-on-platform', 'oracle'), 1);
    assert.equal(acc('car-off-platform', 'constant-velocity'), 0, 'never falls: the float does not surprise it');
    assert.equal(acc('car-comes-to-rest-on-platform', 'gravity-only'), 0, 'always falls: the car that stays surprises it');
    await page.screenshot({ path: join(outDir, 'experiment-control-study-1280.png'), fullPage: true });
  });
}
