// Browser tests of the Plan screen: basket task 0 (seed 1) planned by the ideal observer, learner-100k
// and constant velocity; the simulator's plan lands it, every planner's predicted and real paths are
// in the hook and on the canvas (pixels of its colour appear when paths are shown), a table row per
// planner, the exported JSON holds the very plans `lab plan` makes in Node, the address round-trips,
// ←/→ on the focused stage and a drag move the basket, and screenshots at 1280×800 and 420 px wide
// with no sideways scrolling.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureColour } from './pagePixels.mjs';

const QUERY = 'plan.html?family=basket&task=0&seed=1&models=oracle,learner-100k,constant-velocity';
const PLANNERS = ['oracle', 'learner-100k', 'constant-velocity'];

const waitPlan = (page, fn, arg, timeout = 80_000) => page.waitForFunction(fn, arg, { timeout, polling: 100 });
const ready = (page) => waitPlan(page, () => window.__plan?.ready === true && window.__plan.state === 'idle', null, 30_000);
const hook = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__plan)));

/** Pixels of the stage's canvas within `tol` of each colour. */
const countColours = async (page, hexes, tol = 10) => {
  const counts = [];
  for (const hex of hexes) counts.push((await measureColour(page, hex, tol, '#plan-stage canvas')).count);
  return counts;
};

/** Each planner's colour as the page shows it (its swatch in the planner list). */
const swatchColours = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
  const rgb = getComputedStyle(document.querySelector(`[data-testid="planner-${id}"] + .swatch`)).backgroundColor.match(/\d+/g).map(Number);
  return [id, `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`];
})), PLANNERS);

const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

export function registerPlanTests(test, { root, outDir }) {
  test('plan: basket-1-0 planned by the ideal observer, learner-100k and constant velocity; paths drawn, table, verdict', async ({ open, assert }) => {
    const page = await open({ query: QUERY });
    await ready(page);
    const before = await hook(page);
    assert.equal(before.taskId, 'basket-1-0');
    assert.equal(new URL(page.url()).search, QUERY.slice('plan.html'.length), 'the address is written back as it came');
    for (const id of PLANNERS) assert.equal(await page.getByTestId(`planner-${id}`).isChecked(), true, `${id} ticked from the address`);

    await page.keyboard.press('Enter');
    await waitPlan(page, () => window.__plan.state === 'done');
    const s = await hook(page);
    assert.deepEqual(Object.keys(s.results).sort(), [...PLANNERS].sort());
    assert.equal(s.results.oracle.success, true, 'the ideal observer lands it (the task is solvable by construction)');
    for (const id of PLANNERS) {
      const r = s.results[id];
      assert.ok(r.predictedPathLength > 1 && r.realPathLength > 1, `${id}: paths in the hook (${r.predictedPathLength}, ${r.realPathLength})`);
      assert.ok(s.drawn[id].predictedDashes > 0 && s.drawn[id].realPoints === r.realPathLength, `${id}: drawn (${JSON.stringify(s.drawn[id])})`);
    }
    assert.ok(s.verdict.includes('ideal observer'), s.verdict);
    assert.equal(await page.getByTestId('plan-verdict').textContent(), s.verdict);
    const rows = await page.getByTestId('plan-rows').locator('tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-planner')));
    assert.deepEqual(rows, ['learner-100k', 'constant-velocity', 'oracle'], 'a row per planner, in the planner list’s order');
    assert.match(await page.getByTestId('plan-outcome-oracle').textContent(), /✓/);

    await page.screenshot({ path: join(outDir, 'plan-1280.png') });
    await page.screenshot({ path: join(outDir, 'plan-1280-full.png'), fullPage: true });

    // Pixels: each planner's colour appears on the canvas when the paths are shown, not otherwise.
    const colours = await swatchColours(page);
    const hexes = PLANNERS.map((id) => colours[id]);
    const shown = await countColours(page, hexes);
    await page.getByTestId('plan-show-paths').uncheck();
    const hidden = await countColours(page, hexes);
    await page.getByTestId('plan-show-paths').check();
    PLANNERS.forEach((id, k) => assert.ok(shown[k] - hidden[k] > 60, `${id} (${hexes[k]}): ${shown[k]} pixels with paths, ${hidden[k]} without`));

    // The JSON export holds the same plans, to the last digit, as `lab plan` makes in Node.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-json').click()]);
    assert.equal(file.suggestedFilename(), 'plan-basket-1-0.json');
    const exported = JSON.parse(readFileSync(await file.path(), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'plan', '--model', PLANNERS.join(','), '--family', 'basket', '--tasks', '1', '--seed', '1', '--out', dir], { cwd: root, stdio: 'pipe' });
    const cli = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).rows.filter((r) => r.task === 'basket-1-0');
    for (const id of PLANNERS) {
      const mine = exported.results.find((r) => r.planner === id);
      const theirs = cli.find((r) => r.model === id);
      assert.deepEqual([mine.action.vx, mine.action.vy, mine.predictedEntryX, mine.realEntryX, mine.success, mine.evaluations],
        [theirs.vx, theirs.vy, theirs.predicted_entry_x, theirs.real_entry_x, theirs.success, theirs.evaluations], `${id}: the page's plan is the CLI's`);
    }
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-svg').click()]);
    assert.match(readFileSync(await svg.path(), 'utf8'), /stroke-dasharray/);

    assert.ok(await noSidewaysScroll(page), 'no sideways scrolling at 1280 px');
    console.log(`     plan times (ms): ${PLANNERS.map((id) => `${id} ${s.results[id].planMs.toFixed(0)}`).join(', ')}; renderer ${s.renderer}`);
  });

  test('plan: ←/→ move the basket, the address keeps it, New task goes to the next number', async ({ open, assert }) => {
    const page = await open({ query: QUERY });
    await ready(page);
    const start = (await hook(page)).zone;
    await page.getByTestId('plan-stage').focus();
    await page.keyboard.press('ArrowRight');
    let s = await hook(page);
    assert.ok(Math.abs(s.zone.xMin - start.xMin - 0.05) < 1e-9 && Math.abs(s.zone.xMax - start.xMax - 0.05) < 1e-9, `moved 5 cm right: ${JSON.stringify(s.zone)}`);
    assert.equal(s.moved, true);
    await page.keyboard.press('Shift+ArrowRight');
    s = await hook(page);
    assert.ok(Math.abs(s.zone.xMin - start.xMin - 0.3) < 1e-9, `then 25 cm more: ${s.zone.xMin - start.xMin}`);
    const x = Number(new URL(page.url()).searchParams.get('x'));
    assert.ok(Math.abs(x - ((s.zone.xMin + s.zone.xMax) / 2)) < 0.006, `the address has the basket at ${x}`);
    await waitPlan(page, () => window.__plan.reach !== null, null, 30_000);
    const reach = (await hook(page)).reach;
    assert.equal(reach.total, 24);
    assert.match(await page.getByTestId('plan-status').textContent(), /simulator lands it with|none of 24/);

    // The same address opens the same moved basket.
    const again = await open({ query: `plan.html${new URL(page.url()).search}` });
    await ready(again);
    const z = (await hook(again)).zone;
    assert.ok(Math.abs(z.xMin - s.zone.xMin) < 0.006, `reopened at ${z.xMin} (was ${s.zone.xMin})`);

    // Back where the task put it: 30 cm left.
    await page.getByTestId('plan-stage').focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    s = await hook(page);
    assert.equal(s.moved, false);
    assert.equal(new URL(page.url()).searchParams.has('x'), false);

    // Dragging the basket with the pointer: 80 px to the right moves it by 80 px worth of metres.
    // The world (8 m wide) fills the stage's width, its floor at the stage's bottom: aim at the basket's mouth.
    const at = await page.evaluate(() => {
      const z = window.__plan.zone, host = document.getElementById('plan-stage'), r = host.getBoundingClientRect();
      const perM = host.clientWidth / 8;
      return { perM, mid: (z.xMin + z.xMax) / 2, x: r.left + host.clientLeft + ((z.xMin + z.xMax) / 2) * perM, y: r.top + host.clientTop + host.clientHeight - (z.y + z.height / 2) * perM };
    });
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y, { steps: 4 });
    await page.mouse.move(at.x + 80, at.y, { steps: 4 });
    await page.mouse.up();
    s = await hook(page);
    const dragged = (s.zone.xMin + s.zone.xMax) / 2 - at.mid;
    assert.ok(Math.abs(dragged - 80 / at.perM) < 0.02, `dragged ${dragged.toFixed(3)} m (expected ${(80 / at.perM).toFixed(3)})`);
    assert.equal(s.moved, true);

    await page.getByTestId('plan-new-task').click();
    await waitPlan(page, () => window.__plan.taskId === 'basket-1-1' && window.__plan.state === 'idle', null, 30_000);
    assert.equal(new URL(page.url()).searchParams.get('task'), '1');
  });

  test('plan: 420 px wide, no sideways scrolling; planned and shown', async ({ open, assert }) => {
    const page = await open({ width: 420, height: 900, query: QUERY });
    await ready(page);
    await page.getByTestId('plan-run').click();
    await waitPlan(page, () => window.__plan.state === 'done');
    assert.ok(await noSidewaysScroll(page), 'no sideways scrolling at 420 px');
    await page.screenshot({ path: join(outDir, 'plan-420.png'), fullPage: true });
  });
}
