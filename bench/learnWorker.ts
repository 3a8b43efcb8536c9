// Learn-screen benchmark: training throughput in the browser's worker against the same training in
// Node (frames of experience per second, same model, batch, replay and chunks), as a ratio; and the
// wall time until a learner grown on the Learn screen first reaches 0.95 on car-off-platform.
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { useWasmBackend } from '../src/predictor/backend';
import { Trainer } from '../src/predictor/trainer';
// @ts-expect-error: plain ES modules of the browser test harness, without type declarations
import { findChromium } from '../tests/browser/findChromium.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Frames of the throughput run: two chunks of 2048 (the CLI's chunk), seed 1, default diet. */
const FRAMES = 4096;
const PASS = 0.95;
const PAIRS = 10;
const MAX_FRAMES = 12_000;
/** Its own build and server: a build elsewhere (tests, another bench) empties dist/ under our feet. */
const OUT_DIR = join(tmpdir(), 'surprise-lab-learn-bench');
const PORT = 4391;
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Node: the same Trainer the worker steps, timed over its work only (setup excluded, as in the worker). */
async function nodeFramesPerSecond(): Promise<number> {
  await useWasmBackend();
  const trainer = new Trainer({ frames: FRAMES, checkpoints: [FRAMES], seed: 1 });
  const began = performance.now();
  while (!trainer.done) trainer.work();
  const seconds = (performance.now() - began) / 1000;
  trainer.dispose();
  return FRAMES / seconds;
}

async function serve(): Promise<{ url: string; stop(): void }> {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  const child = spawn(join(ROOT, 'node_modules/.bin/vite'), ['preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${PORT}/`;
  const stop = (): void => { if (child.exitCode === null) child.kill('SIGTERM'); };
  for (let k = 0; k < 200; k++) {
    try {
      if ((await fetch(`${url}learn.html`)).ok) return { url, stop };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  stop();
  throw new Error(`vite preview did not answer at ${url}`);
}

async function startRun(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => window.__surpriseLearn?.backend === 'wasm', null, { timeout: 60_000 });
  const started = Date.now();
  await page.getByTestId('run-start').click();
  return started;
}

export async function benchLearnWorker(): Promise<string> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) return '  skipped: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)';
  // Node before and after the browser run: the machine's load drifts, so both are shown.
  const nodeBefore = await nodeFramesPerSecond();
  const server = await serve();
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  try {
    const page = await (await browser.newContext()).newPage();
    // 1. Throughput: the same 4096 frames in the worker (measured at the start and the end only).
    await startRun(page, `${server.url}learn.html?frames=${FRAMES}&every=${FRAMES}&pairs=1&scenes=car-off-platform&save=&seed=1`);
    await page.waitForFunction(() => window.__surpriseLearn?.state === 'done', null, { timeout: 900_000, polling: 500 });
    const worker = await page.evaluate(() => window.__surpriseLearn!.progress!.framesPerSecond);
    const frames = await page.evaluate(() => window.__surpriseLearn!.frameStats());
    const nodeAfter = await nodeFramesPerSecond();
    const node = (nodeBefore + nodeAfter) / 2;

    // 2. Until the first measurement at or above 0.95 on car-off-platform (every 1k frames, 10 pairs).
    const started = await startRun(page, `${server.url}learn.html?frames=${MAX_FRAMES}&every=1k&pairs=${PAIRS}&scenes=car-off-platform&save=&seed=1`);
    const reached = await page.waitForFunction((pass) => {
      const l = window.__surpriseLearn!;
      const hit = (l.development()['car-off-platform'] ?? []).find(([, a]) => a >= pass);
      if (hit) return { frames: hit[0], accuracy: hit[1], training: l.progress?.trainingSeconds ?? NaN };
      return l.state === 'done' ? { frames: null, accuracy: NaN, training: NaN } : false;
    }, PASS, { timeout: 1_800_000, polling: 100 }).then((h) => h.jsonValue() as Promise<{ frames: number | null; accuracy: number; training: number }>);
    const wall = (Date.now() - started) / 1000;
    const curve = await page.evaluate(() => (window.__surpriseLearn!.development()['car-off-platform'] ?? []).map(([f, a]) => `${f / 1000}k: ${a.toFixed(2)}`).join(', '));
    await page.getByTestId('run-cancel').click().catch(() => {});
    return [
      `  training throughput (seed 1, ${FRAMES} frames, batch 128, replay 4, chunks of 2048): Node ${node.toFixed(0)} frames/s (${nodeBefore.toFixed(0)} before, ${nodeAfter.toFixed(0)} after), browser worker ${worker.toFixed(0)} frames/s; worker/Node = ${(worker / node).toFixed(2)}`,
      `  main thread while the worker trained: median frame interval ${frames.medianMs.toFixed(1)} ms, p95 ${frames.p95Ms.toFixed(1)} ms, max ${frames.maxMs.toFixed(0)} ms (${frames.frames} frames)`,
      `  developmental curve in the browser (car-off-platform, ${PAIRS} pairs, every 1k frames): ${curve}`,
      reached.frames !== null
        ? `  first ≥ ${PASS}: ${reached.accuracy.toFixed(2)} at ${reached.frames} frames (${(reached.frames / 3600).toFixed(1)} min of watching), ${wall.toFixed(0)} s of wall time after Start (${reached.training.toFixed(0)} s of it training, the rest setting up and measuring)`
        : `  did not reach ${PASS} within ${MAX_FRAMES} frames (${wall.toFixed(0)} s)`,
    ].join('\n');
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}
