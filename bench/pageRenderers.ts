// Which renderer draws the other pixi pages faster in headless Chromium: the Experiment screen
// playing trials, the Plan screen playing its plans, the Studio playing both twins. Each is measured
// as built and with WebGL refused (an init script makes getContext('webgl'/'webgl2') return null, so
// createPixiApp falls back to pixi's canvas renderer, drawn as ?renderer=auto draws it): the page's
// frame intervals (a requestAnimationFrame recorder) and the main thread's busy time (CDP metrics).
// Since these pages draw with 'auto' (commit 25ae056), "as built" is the canvas renderer here too,
// so the two arms agree; check out 4265f80 to see WebGL's arm again. On a shared machine the busy
// time is the steadier figure: two identical arms' p95 differed by one vsync (16.8 / 33.4 ms).
// Run: npx tsx bench/pageRenderers.ts [--ms 6000]   (the playground is in `npm run bench browser`)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: plain ES modules shared with the browser tests (no type declarations).
import { findChromium } from '../tests/browser/findChromium.mjs';
// @ts-expect-error: as above.
import { startPreview } from '../tests/browser/previewServer.mjs';
// @ts-expect-error: as above.
import { CHROMIUM_ARGS } from '../tests/browser/chromiumArgs.mjs';

interface Case { name: string; url: string; start(page: Page): Promise<void>; during?(page: Page, ms: number): Promise<void> }

const CASES: Case[] = [
  {
    name: 'Experiment: car-off-platform trials at speed 1 (learner-100k, constant velocity)',
    url: 'experiment.html?scenes=car-off-platform&models=learner-100k,constant-velocity&pairs=4&fam=0&seed=1&speed=1',
    async start(page) {
      await page.getByTestId('study-start').click();
      await page.waitForTimeout(1500);
    },
  },
  {
    name: 'Plan: basket-1-0, each planner\'s push watched in turn',
    url: 'plan.html?family=basket&task=0&seed=1&models=oracle,learner-100k,constant-velocity',
    async start(page) {
      await page.waitForFunction(() => (window as unknown as { __plan: { ready: boolean } }).__plan.ready, null, { timeout: 60_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as { __plan: { state: string } }).__plan.state === 'done', null, { timeout: 120_000 });
    },
    async during(page, ms) {
      const ids = ['oracle', 'learner-100k', 'constant-velocity'];
      for (let k = 0; k * 2000 < ms; k++) {
        await page.getByTestId(`plan-play-${ids[k % ids.length]}`).click();
        await page.waitForTimeout(2000);
      }
    },
  },
  {
    name: 'Studio: both twins of car-off-platform playing',
    url: 'studio.html?copy=car-off-platform',
    async start(page) {
      await page.getByTestId('twins-play').waitFor();
      await page.waitForTimeout(1000);
      await page.getByTestId('twins-play').click();
    },
  },
];

/** Records every animation frame's time once `__frameLog.on` is set (added before the page loads). */
const RECORDER = `(() => {
  const log = { on: false, times: [] };
  window.__frameLog = log;
  const tick = (t) => { if (log.on) log.times.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;

/** Makes WebGL unavailable, so that pixi draws with its canvas renderer. */
const REFUSE_WEBGL = `(() => {
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return /webgl/i.test(type) ? null : get.call(this, type, ...rest); };
})();`;

const pct = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function measure(page: Page, c: Case, ms: number): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics') as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')!.value;
  };
  await c.start(page);
  const drawnBy = await page.evaluate(() => [...document.querySelectorAll('canvas')]
    // pixi's canvases (uPlot's charts draw in 2D; a canvas holding WebGL refuses a 2D context).
    .filter((el) => el.closest('.uplot') === null && el.width > 0)
    .map((el) => (el.getContext('2d') ? 'canvas' : 'webgl')).join(', '));
  const before = await busy();
  await page.evaluate(() => { (window as unknown as { __frameLog: { on: boolean } }).__frameLog.on = true; });
  if (c.during) await c.during(page, ms);
  else await page.waitForTimeout(ms);
  const times = await page.evaluate(() => { const log = (window as unknown as { __frameLog: { on: boolean; times: number[] } }).__frameLog; log.on = false; return log.times; });
  const work = (await busy()) - before;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const span = (times[times.length - 1]! - times[0]!) / 1000;
  return `frames ${gaps.length + 1} in ${span.toFixed(1)} s, interval p50 ${pct(gaps, 0.5).toFixed(1)} / p95 ${pct(gaps, 0.95).toFixed(1)} / max ${Math.max(...gaps).toFixed(1)} ms; main thread busy ${(work / span * 100).toFixed(0)}% (drawn by: ${drawnBy || '?'})`;
}

const { values } = parseArgs({ options: { ms: { type: 'string', default: '6000' } } });
const ROOT = resolve(import.meta.dirname, '..');
execFileSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const server = await startPreview(ROOT) as { url: string; stop: () => void };
const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[], headless: true });
try {
  console.log(`headless Chromium ${browser.version()}, 1280×800, ${values.ms} ms per case; load average ${loadavg()[0]!.toFixed(1)}`);
  for (const c of CASES) {
    console.log(c.name);
    for (const [arm, scripts] of [['as built', [RECORDER]], ['WebGL refused', [RECORDER, REFUSE_WEBGL]]] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      for (const s of scripts) await context.addInitScript(s);
      const page = await context.newPage();
      await page.goto(`${server.url}${c.url}`);
      console.log(`  ${arm.padEnd(14)} ${await measure(page, c, Number(values.ms))}`);
      await context.close();
    }
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await browser.close();
  server.stop();
}
