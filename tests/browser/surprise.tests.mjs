// Browser tests of live surprise: the learner-vs-baseline ordering read from the page's hook,
// the chart and meter, the ghost, step back and scrubbing, slow motion, and the URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hook, meanSurprise, modelsReady, pause, ready, settle, waitFor } from './lab.mjs';
import { measureColour } from './pagePixels.mjs';

export function registerSurpriseTests(test, { root }) {
  const index = JSON.parse(readFileSync(join(root, 'public/models/index.json'), 'utf8'));
  // The main series (seed 1); the cohort's other seeds live in seed-S/ folders.
  const list = (Array.isArray(index) ? index : index.models ?? index.checkpoints).filter((m) => !String(m.path ?? m.name).includes('/'))
    .sort((a, b) => a.experience_frames - b.experience_frames);
  const oldest = list[list.length - 1].name;
  const youngest = list[0].name;

  /** Plays the car scene to its end with two observers; mean surprise from the onset on. */
  const afterOnset = async (open, condition) => {
    const page = await open({ query: `?scene=car-off-platform&condition=${condition}&models=${oldest},constant-velocity` });
    await ready(page);
    await modelsReady(page);
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.frame >= window.__surpriseLab.frames, undefined, 60_000);
    const h = await hook(page);
    const onset = await page.evaluate(() => window.__surpriseLab.snapshot() && window.__surpriseLab.onsetFrame);
    return { page, h, onset, mean: await meanSurprise(page, onset, h.frames) };
  };

  test(`car off platform: ${oldest} is more surprised by the float than the fall; constant velocity the reverse`, async ({ open, assert }) => {
    const imp = await afterOnset(open, 'impossible');
    const pos = await afterOnset(open, 'possible');
    assert.ok(imp.onset !== null && imp.onset === pos.onset, `same onset in both conditions (${imp.onset}, ${pos.onset})`);
    const a = imp.mean[oldest], b = pos.mean[oldest];
    assert.ok(a > b, `${oldest}: impossible ${a?.toFixed(1)} > possible ${b?.toFixed(1)}`);
    const c = imp.mean['constant-velocity'], d = pos.mean['constant-velocity'];
    assert.ok(c < d, `constant velocity: impossible ${c?.toFixed(1)} < possible ${d?.toFixed(1)}`);
    for (const run of [imp, pos]) {
      assert.equal(await run.page.evaluate(() => window.__surpriseLab.chartLines()), 2, 'the chart draws a line per observer');
      assert.equal(await run.page.locator('[data-testid=meter] .meter-row').count(), 2, 'a meter row per observer');
    }
  });

  test('the ghost: the learner expects the floating car to fall', async ({ open, assert }) => {
    const page = await open({ query: `?scene=car-off-platform&condition=impossible&models=${oldest}&autoplay` });
    await ready(page);
    await modelsReady(page);
    await waitFor(page, () => { const l = window.__surpriseLab; return l.onsetFrame !== null && l.frame >= l.onsetFrame + 20; });
    await pause(page);
    const g = await page.evaluate(() => window.__surpriseLab.ghost());
    const car = await page.evaluate(() => window.__surpriseLab.snapshot().bodies.find((b) => b.kind === 'car'));
    assert.ok(g && g.paths.length >= 1, 'a ghost is drawn');
    const path = g.paths.find((p) => p.id === car.id);
    assert.equal(g.start, (await hook(page)).frame, 'paused: the ghost starts at the frame on screen');
    assert.ok(Math.abs(path.y[0] - car.y) < 1e-6, 'it starts where the car is');
    assert.ok(path.y[30] < car.y - 0.2, `half a second on it expects the car lower (${path.y[30].toFixed(2)} m vs ${car.y.toFixed(2)} m)`);
  });

  test('step back and scrub: the past is shown exactly, the chart cursor follows; → returns', async ({ open, assert }) => {
    const page = await open({ query: '?models=constant-velocity&autoplay' });
    await ready(page);
    await waitFor(page, () => window.__surpriseLab.frame >= 90);
    await pause(page);
    const head = (await hook(page)).frame;
    const earlier = await page.evaluate((f) => window.__surpriseLab.snapshot(f - 1), head);
    await page.keyboard.press('ArrowLeft');
    let h = await hook(page);
    assert.equal(h.frame, head - 1, '← steps back one frame');
    assert.deepEqual(await page.evaluate(() => window.__surpriseLab.snapshot()), earlier, 'the snapshot on screen is the recorded one');
    await page.keyboard.press('ArrowRight');
    assert.equal((await hook(page)).frame, head, '→ returns');
    // Scrub: click a third of the way along the timeline.
    const box = await page.locator('[data-testid=timeline]').boundingBox();
    await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
    h = await hook(page);
    assert.ok(h.frame < head && h.frame > 0, `scrubbed back to frame ${h.frame}`);
    await waitFor(page, (f) => document.querySelector('[data-testid=timeline]').getAttribute('aria-valuenow') === String(f), h.frame);
    // Changing the past (adding a body) re-simulates exactly up to the cursor.
    const recorded = await page.evaluate((f) => window.__surpriseLab.snapshot(f), h.frame);
    await page.click('[data-testid=add-ball]');
    const now = await page.evaluate(() => window.__surpriseLab.snapshot());
    const car = (s) => s.bodies.find((b) => b.kind === 'car');
    assert.deepEqual(car(now), car(recorded), 'the car is exactly where it was at that frame');
    assert.equal((await hook(page)).head, h.frame, 'the old future is dropped');
    assert.ok(now.bodies.some((b) => b.id === 'ball1'), 'the new ball is there');
  });

  test('slow motion: same trajectory, fewer steps per second', async ({ open, assert }) => {
    const track = async (query) => {
      const page = await open({ query });
      await ready(page);
      await waitFor(page, () => window.__surpriseLab.frame >= 70, undefined, 90_000);
      await pause(page);
      const xs = await page.evaluate(() => Array.from({ length: 71 }, (_, f) => window.__surpriseLab.snapshot(f).bodies.find((b) => b.kind === 'car')));
      return { page, xs };
    };
    const normal = await track('?models=&autoplay');
    const slow = await track('?models=&speed=0.25&autoplay');
    assert.deepEqual(slow.xs, normal.xs, 'identical car states, frame by frame');
    assert.equal((await hook(slow.page)).speed, 0.25);
    assert.equal(await slow.page.inputValue('[data-testid=speed]'), '0.25');
    // Steps per animation frame, measured in the page at each speed.
    const rate = async (page, speed) => page.evaluate(async (sp) => {
      const sel = document.querySelector('[data-testid=speed]');
      sel.value = String(sp);
      sel.dispatchEvent(new Event('change'));
      document.querySelector('[data-testid=reset]').click();
      if (!window.__surpriseLab.running) document.querySelector('[data-testid=play]').click();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < 5; i++) await frame();
      const f0 = window.__surpriseLab.frame;
      for (let i = 0; i < 40; i++) await frame();
      return (window.__surpriseLab.frame - f0) / 40;
    }, speed);
    const fast = await rate(normal.page, 1);
    const quarter = await rate(normal.page, 0.25);
    assert.ok(quarter > 0 && quarter < fast * 0.6, `steps per frame: ${quarter.toFixed(2)} at ¼× vs ${fast.toFixed(2)} at 1×`);
  });

  test('the cohort: other seeds are folded away by seed, and one picked in the address loads and opens its fold', async ({ open, assert }) => {
    const cohort = (Array.isArray(index) ? index : index.models).filter((m) => String(m.path ?? '').includes('/'));
    assert.ok(cohort.length > 0, 'public/models/index.json lists the cohort (seed-S folders)');
    const plain = await open({ query: '?scene=car-off-platform' });
    await ready(plain);
    await modelsReady(plain);
    assert.equal(await plain.locator('[data-testid=model-cohort]').evaluate((d) => d.open), false, 'the cohort starts folded');
    assert.equal(await plain.locator('[data-testid=models] > fieldset:first-child input').count(), list.length, 'the first group is the main series only');
    const other = cohort.filter((m) => m.experience_frames === list[list.length - 1].experience_frames).pop();
    const page = await open({ query: `?scene=car-off-platform&condition=impossible&models=${other.name},${oldest}` });
    await ready(page);
    await modelsReady(page);
    assert.deepEqual(await page.evaluate(() => window.__surpriseLab.models), [other.name, oldest]);
    assert.equal(await page.locator('[data-testid=model-cohort]').evaluate((d) => d.open), true, 'a picked seed opens the fold');
    assert.equal(await page.isChecked(`[data-testid=model-${other.name}]`), true);
    await page.keyboard.press('Space');
    await waitFor(page, () => window.__surpriseLab.frame >= window.__surpriseLab.frames, undefined, 60_000);
    const onset = await page.evaluate(() => window.__surpriseLab.onsetFrame);
    const mean = await meanSurprise(page, onset, (await hook(page)).frames);
    assert.ok(Number.isFinite(mean[other.name]) && mean[other.name] > 0, `${other.name} gives a surprise trace (${mean[other.name]})`);
    // The Experiment screen folds the cohort the same way and takes a seed from its address.
    const study = await open({ query: `experiment.html?scenes=car-off-platform&models=${other.name}` });
    await study.waitForSelector('[data-testid=study-cohort]');
    assert.equal(await study.locator('[data-testid=study-cohort]').evaluate((d) => d.open), true);
    assert.equal(await study.isChecked(`[data-testid=model-${other.name}]`), true);
    assert.equal(await study.isChecked(`[data-testid=model-${oldest}]`), false);
  });

  test('URL parameters: read at start, written back as the state changes, and they round-trip', async ({ open, assert }) => {
    const query = `?scene=car-off-platform&condition=impossible&variant=2&seed=3&speed=0.5&models=${youngest},oracle`;
    const page = await open({ query });
    await ready(page);
    await modelsReady(page);
    let h = await hook(page);
    assert.equal(h.sceneId, 'car-off-platform');
    assert.equal(h.condition, 'impossible');
    assert.equal(h.speed, 0.5);
    assert.deepEqual(h.running, false, 'no autoplay unless asked');
    assert.deepEqual(await page.evaluate(() => window.__surpriseLab.models), [youngest, 'oracle']);
    assert.equal(await page.inputValue('[data-testid=variant]'), '2');
    assert.equal(await page.inputValue('[data-testid=seed]'), '3');
    assert.equal(await page.evaluate(() => location.search), query, 'the URL is kept as given');
    await page.keyboard.press('i');
    await page.click('[data-testid=model-constant-velocity]');
    await page.keyboard.press('Space');
    await waitFor(page, () => location.search.includes('autoplay'));
    const written = await page.evaluate(() => location.search);
    assert.equal(written, `?scene=car-off-platform&condition=possible&variant=2&seed=3&speed=0.5&models=${youngest},oracle,constant-velocity&autoplay`);
    const again = await open({ query: written });
    await ready(again);
    await modelsReady(again);
    h = await hook(again);
    assert.equal(h.condition, 'possible');
    assert.equal(h.running, true, 'autoplay');
    assert.deepEqual(await again.evaluate(() => window.__surpriseLab.models), [youngest, 'oracle', 'constant-velocity']);
    await settle(again);
    assert.equal(await again.evaluate(() => location.search), written, 'round trip');
  });

  test('gravity-only: listed among the baselines, it draws its own curve; the car resting on the platform surprises it', async ({ open, assert }) => {
    const page = await open({ query: '?scene=car-off-platform&condition=possible&models=gravity-only,constant-velocity&autoplay' });
    await ready(page);
    await modelsReady(page);
    const box = page.locator('[data-testid=model-gravity-only]');
    assert.ok(await box.isChecked(), 'its box in the Observers panel is ticked');
    assert.equal(await box.locator('xpath=ancestor::fieldset/legend').textContent(), 'Baselines');
    await waitFor(page, () => window.__surpriseLab.frame >= 90);
    await pause(page);
    assert.equal(await page.evaluate(() => window.__surpriseLab.chartLines()), 2, 'a line per observer');
    // Before the push the car rests on the platform: gravity-only expected it 0.57 m lower, constant velocity where it is.
    const mean = await meanSurprise(page, 20, 25);
    assert.ok(mean['gravity-only'] > 50, `gravity-only surprised by the resting car (${mean['gravity-only']?.toFixed(1)})`);
    assert.ok(mean['constant-velocity'] < 1, `constant velocity not (${mean['constant-velocity']?.toFixed(1)})`);
    const line = await measureColour(page, '#a21caf', 24, '#surprise-chart canvas');
    assert.ok(line.count > 50, `its fuchsia curve is on the chart (${line.count} px)`);
    // The Plan screen offers it as a planner too.
    const plan = await open({ query: 'plan.html?family=basket&task=0&seed=1&models=gravity-only' });
    await plan.waitForSelector('[data-testid="planner-gravity-only"]', { timeout: 30_000 });
    assert.ok(await plan.getByTestId('planner-gravity-only').isChecked(), 'the Plan screen lists it, ticked from the address');
  });
}
