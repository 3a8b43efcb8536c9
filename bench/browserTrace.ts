// Where a Sandbox frame's time goes in headless Chromium: the 10-toy Sandbox of `bench browser`
// (two oldest learners, the ideal observer, 1 s ghost) played under a Chromium trace; prints each
// thread's busy time and the longest trace events, with the page's own frame intervals.
// Run: npx tsx bench/browserTrace.ts [--renderer webgl|auto|canvas] [--ms 6000]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { sandboxWithToys } from './browser';
// @ts-expect-error: plain ES modules shared with the browser tests (no type declarations).
import { findChromium } from '../tests/browser/findChromium.mjs';
// @ts-expect-error: as above.
import { startPreview } from '../tests/browser/previewServer.mjs';
// @ts-expect-error: as above.
import { CHROMIUM_ARGS } from '../tests/browser/chromiumArgs.mjs';

interface TraceEvent { ph: string; name: string; cat?: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }

/** Busy time per thread (top-level tasks) and total time per event name and thread, in ms. */
export function summarizeTrace(events: readonly TraceEvent[]): { spanMs: number; threads: [string, number][]; events: [string, number][] } {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.ph === 'M' && e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '');
  }
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const from = Math.min(...complete.map((e) => e.ts));
  const to = Math.max(...complete.map((e) => e.ts + e.dur!));
  const thread = (e: TraceEvent): string => `${processName.get(e.pid) ?? e.pid} / ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  const busy = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const e of complete) {
    if (e.cat?.includes('toplevel')) busy.set(thread(e), (busy.get(thread(e)) ?? 0) + e.dur! / 1000);
    const k = `${e.name} [${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}]`;
    byName.set(k, (byName.get(k) ?? 0) + e.dur! / 1000);
  }
  const top = (m: Map<string, number>, n: number): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { spanMs: (to - from) / 1000, threads: top(busy, 8), events: top(byName, 25) };
}

const { values } = parseArgs({ options: { renderer: { type: 'string', default: 'webgl' }, ms: { type: 'string', default: '6000' } } });
const ROOT = resolve(import.meta.dirname, '..');
execFileSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const server = await startPreview(ROOT) as { url: string; stop: () => void };
const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[], headless: true });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
  await page.goto(`${server.url}?models=learner-30k,learner-100k,oracle&renderer=${values.renderer}`);
  await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 120_000 });
  await page.setInputFiles('[data-testid=scene-file]', { name: 'sandbox-10.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sandboxWithToys(10))) });
  await page.waitForFunction(() => window.__surpriseLab?.sceneId === 'sandbox-10');
  await page.keyboard.press('r');
  if (!(await page.evaluate(() => window.__surpriseLab!.running))) await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await page.keyboard.press('r');
  await page.evaluate(() => window.__surpriseLab!.perfReset());
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'viz', 'gpu', 'cc', 'benchmark', 'blink'] });
  await page.waitForTimeout(Number(values.ms));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const perf = await page.evaluate(() => window.__surpriseLab!.perf());
  const drawnBy = await page.evaluate(() => window.__surpriseLab!.renderer);
  const s = summarizeTrace(trace.traceEvents);
  console.log(`?renderer=${values.renderer} (drawn by ${drawnBy}), Chromium ${browser.version()}, load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`page: ${perf.frames} frames, ${perf.steps} steps; frame interval p50 ${perf.intervalP50.toFixed(1)} ms, p95 ${perf.intervalP95.toFixed(1)} ms; main-thread work p50 ${perf.workP50.toFixed(1)} ms, p95 ${perf.workP95.toFixed(1)} ms`);
  console.log(`trace span ${s.spanMs.toFixed(0)} ms; busy per thread (top-level tasks):`);
  for (const [k, v] of s.threads) console.log(`  ${v.toFixed(0).padStart(6)} ms (${(v / s.spanMs * 100).toFixed(0)}%)  ${k}`);
  console.log('longest events (total ms, nested events counted in each of their parents):');
  for (const [k, v] of s.events) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
} finally {
  await browser.close();
  server.stop();
}
