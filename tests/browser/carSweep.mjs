// Not a test: the measurements behind carOnCanvas.mjs's limits. Steps the car scene frame by frame
// (→) under WebGL and the canvas renderer, both conditions, and prints every 5th frame's edge gaps
// (left/right/top, CSS px inward from the simulated body's box; (sN): a tilt's allowance) and fill
// share, with the worst from frame 40 on. Needs the built site: `npx vite build`, then
// `node tests/browser/carSweep.mjs [viewport width, default 1280]`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findChromium } from './findChromium.mjs';
import { startPreview } from './previewServer.mjs';
import { carEdgeGaps, carOnCanvas } from './carOnCanvas.mjs';
import { pause, ready, settle, waitFor } from './lab.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const width = Number(process.argv[2] ?? 1280);
const car = JSON.parse((await import('node:fs')).readFileSync(resolve(root, 'scenes/car-off-platform.json'), 'utf8')).bodies.find((b) => b.kind === 'car').color;
const server = await startPreview(root);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  for (const renderer of ['webgl', 'canvas']) {
    for (const condition of ['possible', 'impossible']) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}?renderer=${renderer}&condition=${condition}`);
      await ready(page);
      await pause(page);
      const rows = [];
      const worst = { left: 0, right: 0, top: 0, share: 1 };
      for (let f = 1; f <= 230; f++) {
        await page.keyboard.press('ArrowRight');
        await waitFor(page, (n) => window.__surpriseLab.frame === n, f);
        if (f % 5) continue;
        await settle(page);
        const c = await carOnCanvas(page, car);
        if (!c.drawn.count) {
          rows.push(`${f}: none`);
          continue;
        }
        const g = carEdgeGaps(c);
        const share = c.drawn.count / (c.body.width * c.body.height);
        const tilt = Math.abs(Math.sin(c.body.angle)) * c.body.width / 2;
        rows.push(`${f}: ${g.left.toFixed(1)}/${g.right.toFixed(1)}/${g.top.toFixed(1)}${tilt > 0.5 ? ` (s${tilt.toFixed(1)})` : ''} ${share.toFixed(2)}`);
        if (f < 40) continue;
        for (const k of ['left', 'right', 'top']) worst[k] = Math.max(worst[k], Math.abs(g[k]) - tilt);
        worst.share = Math.min(worst.share, share);
      }
      console.log(`${renderer} ${condition} at ${width} px, worst from frame 40: edge gaps left ${worst.left.toFixed(1)}, right ${worst.right.toFixed(1)}, top ${worst.top.toFixed(1)} px; fill share ${worst.share.toFixed(2)}`);
      console.log(`  ${rows.join('  ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
