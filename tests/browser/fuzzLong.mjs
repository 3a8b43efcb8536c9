// `npm run fuzz`: a longer fuzz of the built page over several seeds, assertions on. Not part of
// `npm test`. Usage: npm run fuzz -- [--seeds=1-8] [--events=2000] [--rate=100] [--page=experiment] [--no-build]
// (--page=experiment fuzzes the Experiment screen instead of the playground).
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findChromium, missingChromiumMessage } from './findChromium.mjs';
import { startPreview } from './previewServer.mjs';
import { describeFailure, fuzzQuery, runFuzz, watchProblems } from './fuzzRun.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const [lo, hi] = opt('seeds', '1-8').split('-').map(Number);
const seeds = Array.from({ length: (hi ?? lo) - lo + 1 }, (_, i) => lo + i);
const events = Number(opt('events', '2000'));
const rate = Number(opt('rate', '100'));
// The Experiment screen scores whole trials between events (seconds with many observers), so its events come slower.
const pagePath = opt('page', '') ? `${opt('page', '')}.html` : '';

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(`fuzz: ${missingChromiumMessage()}`);
    return 1;
  }
  if (!args.includes('--no-build')) execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const server = await startPreview(root);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  let total = 0;
  const failed = [];
  try {
    for (const seed of seeds) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const problems = [];
      watchProblems(page, problems);
      await page.goto(server.url + pagePath + fuzzQuery(seed, rate), { waitUntil: 'load' });
      const result = await runFuzz(page, problems, { events, timeoutMs: Math.max(60_000, (events / rate) * (pagePath ? 12_000 : 4000)) });
      await context.close().catch(() => {});
      total += result.events;
      if (result.problems.length > 0) {
        failed.push(seed);
        console.log(`FAIL ${describeFailure(seed, rate, result)}`);
      } else console.log(`ok   seed ${seed}: ${result.events} events`);
    }
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  console.log(`fuzz: ${total} events over ${seeds.length} seeds, ${failed.length} failed${failed.length ? ` (seeds ${failed.join(', ')})` : ''}`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`fuzz: could not run: ${e?.stack ?? e}`);
  process.exit(1);
});
