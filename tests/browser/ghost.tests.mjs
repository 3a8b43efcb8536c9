// Browser tests of the long ghost and its divergence: the length from the URL, the control and the
// G key; a 5 s ghost judged against what really happened after a step back (the hook, the sentence
// and the dot colours on the canvas); no ghost for the ideal observer; the cost of a 10 s ghost.
import { join } from 'node:path';
import { hook, modelsReady, ready, settle, waitFor } from './lab.mjs';
import { measureColour } from './pagePixels.mjs';

const ON_TRACK = '#16a34a';
const OFF_TRACK = '#e11d48';

/** Plays the trial to its end at full speed. */
async function playToEnd(page) {
  await page.keyboard.press('Space');
  await waitFor(page, () => window.__surpriseLab.frame >= window.__surpriseLab.frames, undefined, 60_000);
}

/** The first frame at which the car moves (the frame after the hand's push). */
async function firstMovingFrame(page) {
  return page.evaluate(() => {
    const lab = window.__surpriseLab;
    for (let f = 0; f <= lab.head; f++) if (lab.snapshot(f).bodies.find((b) => b.kind === 'car').vx > 0.5) return f;
    return null;
  });
}

/** Goes back to `frame` as a person would: a click on the timeline near it, then ← / →. */
async function goTo(page, frame) {
  const box = await page.locator('[data-testid=timeline] .timeline-track').boundingBox();
  const { frames } = await hook(page);
  await page.mouse.click(box.x + (box.width * frame) / frames, box.y + box.height / 2);
  for (let i = 0; i < 40; i++) {
    const at = (await hook(page)).frame;
    if (at === frame) return;
    await page.keyboard.press(at > frame ? 'ArrowLeft' : 'ArrowRight');
  }
  throw new Error(`could not reach frame ${frame}`);
}

/** Waits until the ghost on screen is fully predicted; returns the hook's account of it. */
async function wholeGhost(page) {
  await waitFor(page, () => { const g = window.__surpriseLab.ghost(); return g !== null && g.built === g.steps; }, undefined, 60_000);
  await settle(page);
  return page.evaluate(() => window.__surpriseLab.ghost());
}

export function registerGhostTests(test, { outDir }) {
  test('ghost 5 s: after a step back to the push, constant velocity leaves the track (hook, sentence, dot colours); the ideal observer has no ghost', async ({ open, assert }) => {
    const page = await open({ query: '?scene=car-off-platform&condition=impossible&models=constant-velocity,oracle&ghost=5' });
    await ready(page);
    await modelsReady(page);
    assert.equal(await page.inputValue('[data-testid=ghost-length]'), '5', 'the control shows the URL\'s length');
    await playToEnd(page);
    const push = await firstMovingFrame(page);
    assert.ok(push !== null && push > 0, `the car starts moving at frame ${push}`);
    await goTo(page, push);
    const g = await wholeGhost(page);
    const h = await hook(page);
    assert.equal(g.model, 'constant velocity', 'constant velocity is in focus (the ideal observer does not predict)');
    assert.equal(g.steps, 300, '5 s = 300 steps');
    assert.equal(g.start, h.frame, 'the ghost starts at the frame on screen');
    assert.equal(g.judged, Math.min(300, h.head - g.start), 'judged as far as the real frames are known');
    const car = g.paths.find((p) => p.id === 'car');
    assert.ok(car.exitStep !== null && car.exitStep > 1, `it leaves the track (step ${car.exitStep})`);
    assert.ok(car.maxDistance > 0.3, `and strays ${car.maxDistance.toFixed(2)} m`);
    const sentence = await page.textContent('[data-testid=ghost-note]');
    assert.match(sentence, /^Ghost of constant velocity, 5 s from \d\.\d\d s: on track for \d\.\d\d s \(within 5 cm\), then up to .+ off/, sentence);
    assert.ok(sentence.includes(`on track for ${((car.exitStep - 1) / 60).toFixed(2)} s`), 'the sentence names the exit');
    const green = await measureColour(page, ON_TRACK, 20);
    const red = await measureColour(page, OFF_TRACK, 20);
    assert.ok(green.count > 20 && red.count > 20, `both dot colours on the canvas (green ${green.count} px, red ${red.count} px)`);
    await page.screenshot({ path: join(outDir, 'ghost-5s-constant-velocity-1280.png') });

    // The ideal observer alone: it is the simulator itself, not a predictor, so there is no ghost.
    await page.click('[data-testid=model-constant-velocity]');
    await waitFor(page, () => window.__surpriseLab.ghost() === null);
    await settle(page);
    assert.equal((await page.textContent('[data-testid=ghost-note]')).trim(), '', 'no sentence without a ghost');
    assert.equal((await measureColour(page, OFF_TRACK, 20)).count, 0, 'no red dots left on the canvas');
  });

  test('ghost 10 s of learner-100k: built in slices while paused (cost reported), "so far" while running, G cycles the length and the URL follows', async ({ open, assert }) => {
    const page = await open({ query: '?scene=car-off-platform&condition=possible&models=learner-100k&ghost=10' });
    await ready(page);
    await modelsReady(page);
    await playToEnd(page);
    const push = await firstMovingFrame(page);
    await goTo(page, push);
    const g = await wholeGhost(page);
    assert.equal(g.model, 'learner-100k');
    assert.equal(g.steps, 600);
    console.log(`     10 s ghost of learner-100k: ${g.buildMs.toFixed(0)} ms of prediction for 600 steps; exit step ${g.exitStep}, up to ${g.paths[0].maxDistance.toFixed(2)} m off`);
    assert.ok(g.buildMs > 0, 'its cost is measured');
    assert.match(await page.textContent('[data-testid=ghost-note]'), /^Ghost of learner-100k, 10 s from /);
    await page.screenshot({ path: join(outDir, 'ghost-10s-learner-1280.png') });
    // Stepping while a long ghost grows stays quick: each step builds the first second at once.
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    const perStep = (Date.now() - t0) / 10;
    console.log(`     ← with a 10 s learner ghost: ${perStep.toFixed(0)} ms per press`);
    assert.ok(perStep < 400, `← stays responsive (${perStep.toFixed(0)} ms per press)`);

    // Running from frame 0: the ghost is judged only as far as time has run ("so far").
    await page.keyboard.press('r');
    await page.keyboard.press('Space');
    await waitFor(page, () => { const g2 = window.__surpriseLab.ghost(); return g2 !== null && g2.judged > 0 && window.__surpriseLab.running; }, undefined, 60_000);
    assert.match(await page.textContent('[data-testid=ghost-note]'), /so far/);
    await page.keyboard.press('Space');

    // G: 10 s → 1 s; the control and the address follow.
    await page.keyboard.press('g');
    await waitFor(page, () => document.querySelector('[data-testid=ghost-length]').value === '1');
    await waitFor(page, () => !location.search.includes('ghost='));
    await page.keyboard.press('g');
    await waitFor(page, () => location.search.includes('ghost=2'));
    const g2 = await wholeGhost(page);
    assert.equal(g2.steps, 120, 'G again: 2 s');
  });
}
