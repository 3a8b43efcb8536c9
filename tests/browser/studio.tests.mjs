// Browser tests of the Studio (issue 20): the car-off-platform study built from a blank stage with
// the mouse, and again with the keyboard alone, exports a file equal in content to the shipped one
// that `lab suite` runs to the same results; a body that leaves the world and a trigger that never
// fires are pinned on the stage before export; undo/redo; a shared link opens the same scene in
// the playground and the Experiment screen; screenshots at 1280×800 and 420 px.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { axeViolations } from './classroom.tests.mjs';

import { KEYBOARD, MOUSE, SHOTS, canonical, checked, ready, studio, typeInto } from './studioDrivers.mjs';

const body = (s, id) => s.doc.bodies.find((b) => b.id === id);

/** Builds car-off-platform from a blank stage, as a person would with `input`, and returns the exported file's text. */
async function buildCarOffPlatform(page, input, assert) {
  const shipped = JSON.parse(readFileSync('scenes/car-off-platform.json', 'utf8'));
  await input.press(page, 'place-ground');
  await input.press(page, 'place-platform');
  await page.waitForFunction(() => window.__studio.doc.bodies.length === 2 && window.__studio.selected === 'platform');
  // The platform, placed mid-air, is brought down onto the floor: its bottom snaps to the floor's top.
  await input.select(page, 'platform', [3.5, 2.1]);
  await input.move(page, [3.5, 2.1], [1.3, 0.8]);
  await page.waitForFunction(() => { const p = window.__studio.doc.bodies[1]; return p.x === 1.3 && p.y === 0.8; }, null, { timeout: 10_000 });
  let s = await studio(page);
  const moves = s.undoCount;
  await input.press(page, 'undo');
  await page.waitForFunction((n) => window.__studio.undoCount === n - 1, moves);
  await input.press(page, 'redo');
  await page.waitForFunction(() => { const p = window.__studio.doc.bodies[1]; return p.x === 1.3 && p.y === 0.8 && window.__studio.redoCount === 0; });

  await input.press(page, 'place-car');
  await page.waitForFunction(() => window.__studio.selected === 'car');
  await input.move(page, [3.5, 2.1], [0.7, 1.4]);
  await page.waitForFunction(() => window.__studio.doc.bodies[2].y === 1.425, null, { timeout: 10_000 })
    .catch(async (e) => { throw new Error(`${e.message}: the car is at ${JSON.stringify((await studio(page)).doc.bodies[2])}`); });

  // The platform's size varies: its height and width become params, its place follows them.
  await input.select(page, 'platform', [1.3, 0.5]);
  await input.press(page, 'vary-bodies.1.height');
  await page.waitForFunction(() => window.__studio.doc.bodies[1].height === 'platformHeight');
  await input.press(page, 'vary-bodies.1.width');
  await page.waitForFunction(() => window.__studio.doc.bodies[1].width === 'platformWidth');
  await input.type(page, 'field-bodies.1.x', '0.3 + platformWidth / 2');
  await input.type(page, 'field-bodies.1.y', '0.3 + platformHeight / 2');

  await input.select(page, 'car', [0.7, 1.425]);
  await input.press(page, 'vary-bodies.2.width');
  await input.press(page, 'vary-bodies.2.height');
  await page.waitForFunction(() => window.__studio.doc.bodies[2].height === 'carHeight');
  await input.type(page, 'field-bodies.2.x', '0.3 + 0.15 + carWidth / 2');
  await input.type(page, 'field-bodies.2.y', '0.3 + platformHeight + carHeight / 2');
  await input.type(page, 'field-bodies.2.wheelRadius', 'carHeight * 0.28');
  await input.type(page, 'field-bodies.2.color', '#e4572e');

  // The hand pushes the car; its time and speed vary.
  await input.press(page, 'place-hand');
  await page.waitForFunction(() => window.__studio.doc.actions?.length === 1);
  await input.type(page, 'field-actions.0.velocity.x', '1.7');
  await input.press(page, 'vary-actions.0.at');
  await input.press(page, 'vary-actions.0.velocity.x');
  await page.waitForFunction(() => window.__studio.doc.actions[0].velocity.x === 'carPushVelocityX');
  await input.type(page, 'param-name-carPushAt', 'pushTime');
  await input.type(page, 'param-name-carPushVelocityX', 'pushSpeed');
  await page.waitForFunction(() => window.__studio.doc.actions[0].at === 'pushTime' && window.__studio.doc.actions[0].velocity.x === 'pushSpeed');

  // The magic: the car floats on from the moment it loses support (the registry's words shown).
  await input.press(page, 'add-violation');
  await page.waitForFunction(() => window.__studio.doc.violation?.type === 'float');
  assert.match(await page.getByTestId('trigger-words-0').textContent(), /loses its support/);

  // The ranges, words and study, as in the shipped file.
  for (const [name, p] of Object.entries(shipped.params)) {
    for (const key of ['default', 'min', 'max']) await input.type(page, `field-params.${name}.${key}`, String(p[key]));
    await input.type(page, `field-params.${name}.description`, p.description);
    if (p.heldout) {
      await input.type(page, `field-params.${name}.heldout.min`, String(p.heldout.min));
      await input.type(page, `field-params.${name}.heldout.max`, String(p.heldout.max));
    }
    if (p.diet) await input.type(page, `field-params.${name}.diet`, p.diet);
  }
  await input.type(page, 'field-id', shipped.id);
  await input.type(page, 'field-title', shipped.title);
  await input.choose(page, 'field-concept', shipped.concept);
  await input.type(page, 'field-description', shipped.description);
  await input.type(page, 'field-study.citation', shipped.study.citation);
  await input.type(page, 'field-study.infants', shipped.study.infants);
  await input.type(page, 'field-conditions.possible', shipped.conditions.possible);
  await input.type(page, 'field-conditions.impossible', shipped.conditions.impossible);
  await checked(page);
  s = await studio(page);
  assert.deepEqual(s.issues, []);
  assert.equal(s.checks.status, 'done');
  assert.deepEqual(s.checks.problems, [], 'the live checks find nothing wrong');
  assert.equal(s.markers.length, 0);
  assert.equal(s.onion, 6, 'six variants drawn as the onion-skin');
  const [file] = await Promise.all([page.waitForEvent('download'), input.press(page, 'export-scene')]);
  assert.equal(file.suggestedFilename(), 'car-off-platform.json');
  return readFileSync(await file.path(), 'utf8');
}

/** `lab suite` on a scene file: its summary and trials, as written. */
function suiteOf(root, file, dir) {
  execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'suite', '--scenes', file, '--models', 'oracle,constant-velocity', '--pairs', '6', '--seed', '7', '--out', dir], { cwd: root, stdio: 'pipe' });
  return { summary: readFileSync(join(dir, 'summary.json'), 'utf8'), trials: readFileSync(join(dir, 'trials.csv'), 'utf8') };
}

export function registerStudioTests(test, { root }) {
  test('studio: car-off-platform built from a blank stage with the mouse exports the shipped scene; lab suite gives identical results', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html' });
    await ready(page);
    const text = await buildCarOffPlatform(page, MOUSE, assert);
    const shipped = readFileSync(join(root, 'scenes/car-off-platform.json'), 'utf8');
    assert.equal(canonical(JSON.parse(text)), canonical(JSON.parse(shipped)), 'the same content as the shipped file');
    const dir = mkdtempSync(join(tmpdir(), 'studio-'));
    mkdirSync(join(dir, 'made'));
    writeFileSync(join(dir, 'made', 'car-off-platform.json'), text);
    const made = suiteOf(root, join(dir, 'made', 'car-off-platform.json'), join(dir, 'made-out'));
    const original = suiteOf(root, 'scenes/car-off-platform.json', join(dir, 'shipped-out'));
    assert.equal(made.trials, original.trials, 'trials.csv byte for byte');
    assert.equal(made.summary, original.summary, 'summary.json byte for byte');
  });

  // The same build from the keyboard alone (Tab, Enter, arrows, typing); its export equals the
  // shipped file in content, so `lab suite` reads the very scene the test above runs.
  test('studio: car-off-platform built from a blank stage with the keyboard alone exports the shipped scene', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html' });
    await ready(page);
    const text = await buildCarOffPlatform(page, KEYBOARD, assert);
    const shipped = readFileSync(join(root, 'scenes/car-off-platform.json'), 'utf8');
    assert.equal(canonical(JSON.parse(text)), canonical(JSON.parse(shipped)), 'the same content as the shipped file');
  });

  test('studio: a body that leaves the world and a trigger that never fires are pinned on the stage before export; Ctrl+Z takes them back', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html?copy=car-off-platform', bypassCSP: true });
    await ready(page);
    await checked(page);
    assert.equal((await studio(page)).origin, 'copy of car-off-platform');
    assert.deepEqual((await studio(page)).checks.problems, []);
    // A floor narrower than the car's travel, and a reaches-x trigger beyond the world.
    await MOUSE.select(page, 'floor', [6.5, 0.15]);
    await page.waitForFunction(() => window.__studio.selected === 'floor');
    await typeInto(page, 'field-bodies.0.width', '2.4');
    await typeInto(page, 'field-bodies.0.x', '1.2');
    await page.getByTestId('field-violation.trigger.on').selectOption('reaches-x');
    await typeInto(page, 'field-violation.trigger.x', '9');
    await page.waitForFunction(() => window.__studio.checks.status === 'done' && window.__studio.markers.length >= 2, null, { timeout: 60_000 });
    const s = await studio(page);
    const paths = s.checks.problems.map((p) => p.path);
    assert.ok(paths.includes('bodies[2]') && paths.includes('violation.trigger'), paths.join(', '));
    const pins = await page.locator('.studio-pin').evaluateAll((els) => els.map((el) => ({ path: el.dataset.path, text: el.textContent, left: parseFloat(el.style.left), top: parseFloat(el.style.top) })));
    const box = await page.getByTestId('studio-stage').boundingBox();
    const leaves = pins.find((p) => p.path === 'bodies[2]');
    const trigger = pins.find((p) => p.path === 'violation.trigger');
    assert.match(leaves.text, /"car" leaves the world/);
    assert.match(trigger.text, /trigger “reaches-x” never fires/);
    for (const p of [leaves, trigger]) assert.ok(p.left >= 0 && p.left <= box.width && p.top >= 0 && p.top <= box.height, `pinned inside the stage: ${JSON.stringify(p)}`);
    const floorEnd = await page.evaluate(() => window.__studio.toScreen(2.4, 0.3));
    assert.ok(leaves.left > floorEnd.x, `the car is pinned past the floor's end (${leaves.left} > ${floorEnd.x})`);
    assert.match(await page.getByTestId('checks-summary').textContent(), /problem/);
    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'studio-flagged-1280.png') });
    // With an object's properties open and the pins on the stage, still nothing axe-core objects to.
    const axeSource = readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');
    assert.deepEqual(await axeViolations(page, axeSource), []);
    // Undo with the keyboard, four times: the shipped scene again, nothing flagged.
    await page.getByTestId('studio-stage').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
    await page.waitForFunction(() => window.__studio.undoCount === 0 && window.__studio.checks.status === 'done' && window.__studio.markers.length === 0, null, { timeout: 60_000 });
    assert.equal(canonical((await studio(page)).doc), canonical(JSON.parse(readFileSync(join(root, 'scenes/car-off-platform.json'), 'utf8'))));
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction(() => window.__studio.redoCount === 3 && window.__studio.doc.bodies[0].width === 2.4);
  });

  test('studio: a shared link opens the same scene in the studio, the playground and the Experiment screen', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html?copy=ball-rolls-through-wall' });
    await ready(page);
    await typeInto(page, 'field-id', 'my-wall-study');
    await typeInto(page, 'field-title', 'My wall study');
    await page.waitForFunction(() => window.__studio.doc.id === 'my-wall-study');
    await page.getByTestId('make-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=share-link]').value.includes('shared='));
    const link = await page.getByTestId('share-link').inputValue();
    const doc = (await studio(page)).doc;
    assert.ok(link.length < 8000 + 100, `${link.length} characters`);
    assert.match(await page.getByTestId('share-note').textContent(), /of at most 8000 characters/);
    const shared = new URL(link).searchParams.get('shared');

    const again = await open({ query: `studio.html?shared=${shared}` });
    await ready(again);
    assert.equal(canonical((await studio(again)).doc), canonical(doc), 'the studio opens the very scene');
    assert.equal((await studio(again)).origin, 'the shared link');

    const play = await open({ query: `index.html?shared=${shared}` });
    await play.waitForFunction(() => window.__surpriseLab?.sceneId === 'my-wall-study' && window.__surpriseLab.frames > 0, null, { timeout: 60_000 });
    await play.waitForFunction(() => location.search.includes('shared='), null, { timeout: 10_000 });
    assert.ok(new URL(play.url()).searchParams.get('shared') === shared, 'the playground keeps the shared scene in its address');

    const exp = await open({ query: `experiment.html?shared=${shared}&models=oracle&pairs=2&fam=0&speed=instant` });
    await exp.waitForFunction(() => window.__study?.ready === true, null, { timeout: 60_000 });
    assert.equal(await exp.getByTestId('scene-my-wall-study').isChecked(), true, 'the shared scene is offered and chosen');
    assert.equal(new URL(exp.url()).searchParams.get('shared'), shared);

    const broken = await open({ query: `studio.html?shared=${shared.slice(0, 40)}` });
    await ready(broken);
    assert.match(await broken.getByTestId('studio-notice').textContent(), /was not opened: the shared scene in this link is damaged or cut short/);
    assert.equal((await studio(broken)).origin, 'blank stage');
  });

  test('studio: “Try it on the learners” gives the suite’s accuracy and exact interval; screenshots at 1280×800 and 420 px', async ({ open, assert }) => {
    const page = await open({ query: 'studio.html?copy=car-off-platform' });
    await ready(page);
    for (const id of ['newborn', 'learner-100k', 'constant-velocity', 'oracle', 'learner-1k']) {
      const box = page.getByTestId(`learner-${id}`);
      if (await box.count()) await box.setChecked(id === 'oracle' || id === 'constant-velocity');
    }
    await page.getByTestId('learners-pairs').fill('4');
    await page.getByTestId('learners-seed').fill('7');
    await page.getByTestId('learners-run').click();
    await page.waitForFunction(() => { const l = window.__studio.learners(); return !l.running && l.results.length === 2; }, null, { timeout: 60_000 });
    const { results } = (await studio(page)).learners;
    const dir = mkdtempSync(join(tmpdir(), 'studio-suite-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'constant-velocity,oracle', '--pairs', '4', '--seed', '7', '--out', dir], { cwd: root, stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).results;
    for (const r of results) {
      const c = cli.find((x) => x.model === r.model);
      assert.equal(r.pairwise_accuracy, c.pairwise_accuracy, r.model);
      assert.deepEqual(r.pairwise_ci95, c.pairwise_ci95, `${r.model}: Clopper–Pearson interval`);
    }
    assert.match(await page.getByTestId('learners-results').textContent(), /Clopper–Pearson/);
    const href = await page.getByTestId('open-in-experiment').getAttribute('href');
    assert.match(href, /^experiment\.html\?shared=[A-Za-z0-9_-]+&scenes=car-off-platform&models=/);
    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('studio-stage').click({ position: { x: 5, y: 5 } });
    await page.screenshot({ path: join(SHOTS, 'studio-1280.png') });
    await page.screenshot({ path: join(SHOTS, 'studio-1280-full.png'), fullPage: true });
    const narrow = await open({ width: 420, height: 900, query: 'studio.html?copy=box-gone-when-screen-lowers' });
    await ready(narrow);
    assert.equal(await narrow.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), true, 'no sideways scroll at 420 px');
    await narrow.screenshot({ path: join(SHOTS, 'studio-420.png') });
    await narrow.screenshot({ path: join(SHOTS, 'studio-420-full.png'), fullPage: true });
  });
}
