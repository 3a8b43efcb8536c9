// Browser test of the real-time note: a crowd that no machine steps in real time with three learners
// watching; the page says it runs slower than real time and what costs most, and its button drops it.
import { hook, modelsReady, ready, waitFor } from './lab.mjs';

/** 100 boxes and balls stacked between two walls: every step is many contacts and, for each
 * learner, 100 receivers × 8 senders × 20 rollouts of its relation network. */
function crowdSceneText() {
  const bodies = [
    { id: 'floor', kind: 'ground', x: 5, y: 0.15, width: 10, height: 0.3 },
    { id: 'left', kind: 'wall', x: 0.1, y: 3.5, width: 0.2, height: 6.4 },
    { id: 'right', kind: 'wall', x: 9.9, y: 3.5, width: 0.2, height: 6.4 },
  ];
  for (let i = 0; i < 100; i++) {
    const x = 0.8 + (i % 10) * 0.92;
    const y = 0.9 + Math.floor(i / 10) * 0.62;
    bodies.push(i % 2 === 0
      ? { id: `box${i}`, kind: 'box', x, y, width: 0.35, height: 0.3, angle: 0.1 * (i % 7) - 0.3 }
      : { id: `ball${i}`, kind: 'ball', x, y, radius: 0.17, restitution: 0.3 });
  }
  return JSON.stringify({
    format: 1, id: 'crowd-100', title: '100 falling bodies', concept: 'free-play', study: { citation: 'none: a browser test' },
    world: { width: 10, height: 7.5, gravity: 9.81, substeps: 4 }, duration: 60, bodies,
  });
}

export function registerRealTimeTests(test) {
  test('real time: a crowd with three learners runs slower than real time; the note names what costs most and its button drops it', async ({ open, assert }) => {
    const page = await open({ query: '?models=learner-100k,learner-30k,learner-10k' });
    await ready(page);
    await modelsReady(page);
    assert.equal(await page.isVisible('[data-testid=realtime-note]'), false, 'no note before anything runs');
    await page.setInputFiles('[data-testid=scene-file]', { name: 'crowd-100.json', mimeType: 'application/json', buffer: Buffer.from(crowdSceneText()) });
    await waitFor(page, () => window.__surpriseLab.sceneId === 'crowd-100');
    await modelsReady(page);
    if (!(await hook(page)).running) await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid=realtime-note]:not([hidden])', { timeout: 60_000 });
    const text = await page.textContent('[data-testid=realtime-text]');
    const button = await page.textContent('[data-testid=realtime-drop]');
    const pace = Number(/\(([0-9.]+)×\)/.exec(text)?.[1]);
    assert.ok(pace > 0 && pace < 0.9, `the note gives the pace, below real time: "${text}"`);
    assert.match(text, /a step costs [0-9.]+ ms here, and (.*learner.*|the ghost|the physics) takes most of it \([0-9.]+ ms\)/, `the note names what costs most: "${text}"`);
    const dropsModel = /^Drop /.test(button);
    assert.ok(dropsModel || button === 'Turn the ghost off' || button === 'Run at half speed', `the button offers to drop it: "${button}"`);
    if (dropsModel) assert.ok(text.includes(`and ${button.slice('Drop '.length)} takes most`), `the button drops what the note names: "${button}" / "${text}"`);
    const watching = (await page.evaluate(() => window.__surpriseLab.models)).length;
    await page.click('[data-testid=realtime-drop]');
    if (dropsModel) {
      await waitFor(page, (n) => window.__surpriseLab.models.length === n - 1, watching);
    } else if (button === 'Turn the ghost off') {
      await waitFor(page, () => window.__surpriseLab.ghost() === null);
    } else {
      await waitFor(page, () => window.__surpriseLab.speed === 0.5);
    }
    // Judged afresh after the drop: the note does not go on naming what was dropped.
    const after = await page.textContent('[data-testid=realtime-drop]');
    assert.notEqual(after, button, 'the note no longer offers the same drop');
  });
}
