// A cohort of seeds as one observer (issue 14): in the playground its live surprise is the mean of its
// seeds with a min–max band on the chart and the meter; axe-core finds nothing with it on screen.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './classroom.tests.mjs';
import { modelsReady, pause, ready, waitFor } from './lab.mjs';

const COHORT = 'cohort:learner-100k';
const QUERY = `index.html?scene=car-off-platform&condition=impossible&models=${COHORT},constant-velocity&autoplay`;

/** The cohort's mean surprise per frame on the scripted trial, computed in Node (the CLI's loading
 * and scoring), as full-precision JSON (null where undefined). */
function cohortMeanInNode(root, sceneFile, condition) {
  const code = `
    const { readFileSync } = await import('node:fs');
    const { loadObserver, cohortMembers } = await import(${JSON.stringify(join(root, 'src/cli/modelStore.ts'))});
    const { parseSceneText } = await import(${JSON.stringify(join(root, 'src/scenes/parse.ts'))});
    const { runTrial, observations } = await import(${JSON.stringify(join(root, 'src/experiment/trial.ts'))});
    const { computeSurprise, HORIZON } = await import(${JSON.stringify(join(root, 'src/predictor/surprise.ts'))});
    const { cohortCurves } = await import(${JSON.stringify(join(root, 'src/experiment/cohortBand.ts'))});
    const run = runTrial(parseSceneText(readFileSync(${JSON.stringify(sceneFile)}, 'utf8'), 'scene'), ${JSON.stringify(condition)}, undefined, 0);
    const curves = cohortMembers('cohort:learner-100k').map((m) => computeSurprise(loadObserver(m), observations(run), HORIZON, run.views).total);
    const { mean, min, max } = cohortCurves(curves);
    const out = (a) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
    process.stdout.write(JSON.stringify({ mean: out(mean), min: out(min), max: out(max) }));`;
  return JSON.parse(execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', code], { cwd: root, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8'));
}

export function registerCohortTests(test, { root }) {
  const shots = '/work/scratch/cohortui';
  mkdirSync(shots, { recursive: true });
  const axeSource = readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

  for (const [w, hgt] of [[1280, 800], [420, 900]]) {
    test(`cohort: the playground's cohort observer at ${w}px is the mean of its seeds, with a band on the chart and the meter`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: QUERY });
      await ready(page);
      await modelsReady(page);
      await waitFor(page, () => { const l = window.__surpriseLab; return l.onsetFrame !== null && l.frame >= l.onsetFrame + 40; });
      await pause(page);
      const s = await page.evaluate(() => window.__surpriseLab.surprise());
      const mean = s.series['cohort:learner-100k'];
      const band = s.bands['cohort:learner-100k'];
      const members = Object.entries(s.members['cohort:learner-100k']);
      assert.equal(members.length, 5, 'five seeds in the shipped cohort');
      assert.equal(members[0][0], 'learner-100k', 'seed 1 first');
      let spread = 0, defined = 0;
      mean.forEach((v, t) => {
        const xs = members.map(([, values]) => values[t]);
        if (xs.some((x) => x === null)) { assert.equal(v, null, `frame ${s.first + t}: no mean without every seed`); return; }
        defined++;
        // The mean in seed order, to the bit; the band is the lowest and the highest seed.
        assert.equal(v, xs.reduce((a, b) => a + b, 0) / xs.length, `frame ${s.first + t}: the mean of the seeds`);
        assert.deepEqual(band[t], [Math.min(...xs), Math.max(...xs)]);
        if (band[t][1] > band[t][0] * 1.5 + 0.1) spread++;
      });
      assert.ok(defined > 40, `the cohort has a value at ${defined} frames`);
      if (w === 1280) {
        // The same numbers, to the last bit, as the CLI's code computes in Node for the scripted trial.
        const node = cohortMeanInNode(root, join(root, 'scenes/car-off-platform.json'), 'impossible');
        mean.forEach((v, t) => {
          assert.ok(Object.is(v, node.mean[s.first + t]), `frame ${s.first + t}: ${v} in Chromium, ${node.mean[s.first + t]} in Node`);
          if (band[t]) assert.deepEqual(band[t], [node.min[s.first + t], node.max[s.first + t]]);
        });
      }
      assert.ok(spread > 0, 'the seeds disagree somewhere: the band has a width');
      // The chart draws the band; the meter's number is the mean at the frame on screen, its outline the range.
      await waitFor(page, () => document.querySelector('[data-testid=chart]')?.dataset.bands === '1');
      const meter = await page.evaluate(() => {
        const lab = window.__surpriseLab;
        const row = document.querySelector('[data-testid=meter] [data-model="cohort:learner-100k"]');
        const { first, series } = lab.surprise();
        return { text: row?.querySelector('.meter-value')?.textContent, value: series['cohort:learner-100k'][lab.frame - first],
          band: row?.querySelector('[data-testid=meter-band]')?.getBoundingClientRect().width ?? 0, title: row?.title ?? '' };
      });
      const expected = meter.value < 10 ? meter.value.toFixed(1) : String(Math.round(meter.value));
      assert.equal(meter.text, expected, 'the meter shows the mean');
      assert.ok(meter.band > 0, 'the meter outlines the seeds\' range');
      assert.match(meter.title, /seeds from/);
      await page.screenshot({ path: join(shots, `playground-cohort-${w}.png`) });
      if (w === 1280) await page.screenshot({ path: join(shots, 'playground-cohort-1280-full.png'), fullPage: true });
      // The picker offers it under Cohorts, ticked.
      assert.ok(await page.getByTestId(`model-${COHORT}`).isChecked());
    });
  }

  test('cohort: the Experiment screen scores a cohort seed by seed and says how many seeds pass', async ({ open, assert }) => {
    const page = await open({ width: 1280, height: 800, query: `experiment.html?scenes=car-off-platform&models=${COHORT}&pairs=3&fam=0&seed=2&speed=instant` });
    await page.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
    assert.ok(await page.getByTestId(`model-${COHORT}`).isChecked(), 'the address ticks the cohort');
    await page.getByTestId('study-start').click();
    await page.waitForFunction(() => window.__study.state === 'finished', null, { timeout: 120_000, polling: 200 });
    const scene = (await page.evaluate(() => window.__study.results)).scenes.find((x) => x.sceneId === 'car-off-platform');
    const seeds = ['learner-100k', 'learner-100k-s2', 'learner-100k-s3', 'learner-100k-s4', 'learner-100k-s5'];
    assert.deepEqual(scene.models.map((m) => m.model), seeds, 'each seed is scored as an observer of its own');
    const accuracies = scene.models.map((m) => m.suite.pairwise_accuracy);
    const line = await page.getByTestId('cohort-car-off-platform').textContent();
    assert.ok(line.startsWith(`learner-100k cohort: per seed ${accuracies.map((a) => a.toFixed(2)).join(', ')}; mean ${(accuracies.reduce((a, b) => a + b, 0) / 5).toFixed(2)}`), line);
    assert.match(line, /\d of 5 seeds pass/);
    // Seeds of one cohort are not tested against each other in the sentence under the table.
    assert.equal(await page.getByTestId('mcnemar-car-off-platform').count(), 0);
    await page.getByTestId('cohort-car-off-platform').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'experiment-cohort-1280.png') });
  });

  // Two seeds on a tiny budget (as the learn tests' one seed): 512 frames in chunks of 256, measured every 256 on one car pair.
  const LEARN = 'learn.html?frames=512&chunk=256&every=256&pairs=1&scenes=car-off-platform&save=512&name=c&seed=2-3&heldout=256';
  for (const [w, hgt] of [[1280, 800], [420, 900]]) {
    test(`cohort: the Learn screen grows two seeds one after another and draws the band at ${w}px`, async ({ open, assert }) => {
      const page = await open({ width: w, height: hgt, query: LEARN, bypassCSP: true });
      await page.waitForFunction(() => !!window.__surpriseLearn, null, { timeout: 60_000 });
      await page.getByTestId('run-start').click();
      await page.waitForFunction(() => window.__surpriseLearn.cohort()?.index === 1, null, { timeout: 120_000, polling: 100 });
      assert.match(await page.getByTestId('run-state').textContent(), /Seed 3, 2 of 2 in this cohort/);
      await page.waitForFunction(() => window.__surpriseLearn.state === 'done', null, { timeout: 120_000, polling: 100 });
      const c = await page.evaluate(() => window.__surpriseLearn.cohort());
      assert.deepEqual(c.seeds, [2, 3]);
      for (const s of ['2', '3']) assert.deepEqual(c.curves[s]['car-off-platform'].map((p) => p[0]), [0, 256, 512], `seed ${s} measured at 0, 256, 512`);
      // The chart: chance, then the mean, the highest and the lowest seed, and each seed's own line.
      const chart = await page.evaluate(() => window.__surpriseLearn.developmentChart());
      assert.deepEqual(chart.x, [0, 256, 512]);
      const [, mean, hi, lo, s2, s3] = chart.y;
      chart.x.forEach((_, t) => {
        assert.equal(s2[t], c.curves['2']['car-off-platform'][t][1]);
        assert.equal(s3[t], c.curves['3']['car-off-platform'][t][1]);
        assert.equal(mean[t], (s2[t] + s3[t]) / 2);
        assert.deepEqual([lo[t], hi[t]], [Math.min(s2[t], s3[t]), Math.max(s2[t], s3[t])]);
      });
      const dev = await page.evaluate(() => window.__surpriseLearn.development());
      assert.deepEqual(dev['car-off-platform'].map((p) => p[1]), mean, 'the curve the page reports is the mean');
      // Each seed's checkpoint is saved, named by its seed.
      const saved = await page.evaluate(() => window.__surpriseLearn.saved);
      for (const name of ['c-s2-512', 'c-s3-512']) assert.ok(saved.includes(name), `${name} saved (${saved.join(', ')})`);
      assert.match(await page.getByTestId('development-note').textContent(), /of 2 seeds so far reached/);
      const stats = await page.evaluate(() => window.__surpriseLearn.frameStats());
      console.log(`     main-thread frame interval while two seeds trained: median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(0)} ms over ${stats.frames} frames (${stats.over50Ms} over 50 ms)`);
      await page.getByTestId('development-chart').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `learn-cohort-${w}.png`) });
      if (w === 1280) {
        assert.deepEqual(await axeViolations(page, axeSource), [], 'axe-core on the Learn screen after a cohort run');
        // The saved seeds are one observer in the playground (same profile, same IndexedDB): their mean.
        const playground = await page.context().newPage();
        await playground.goto(page.url().replace(/learn\.html.*$/, 'index.html?scene=car-off-platform&condition=impossible&models=cohort:saved:c-512&autoplay'));
        await ready(playground);
        await modelsReady(playground);
        await waitFor(playground, () => window.__surpriseLab.frame >= 60);
        const got = await playground.evaluate(() => { const s = window.__surpriseLab.surprise(); return { members: Object.keys(s.members['cohort:saved:c-512'] ?? {}), defined: s.series['cohort:saved:c-512'].filter((v) => v !== null).length }; });
        assert.deepEqual(got.members, ['saved:c-s2-512', 'saved:c-s3-512']);
        assert.ok(got.defined > 20, `the saved cohort has values (${got.defined} frames)`);
      }
    });
  }

  test('cohort: axe-core finds no WCAG 2 A/AA violation with a cohort observer shown', async ({ open, assert }) => {
    const page = await open({ query: QUERY, bypassCSP: true });
    await ready(page);
    await modelsReady(page);
    await waitFor(page, () => document.querySelector('[data-testid=chart]')?.dataset.bands === '1');
    assert.deepEqual(await axeViolations(page, axeSource), []);
  });
}
