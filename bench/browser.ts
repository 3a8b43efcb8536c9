// Browser benchmark: the built playground in headless Chromium (WebGL there is SwiftShader, so the
// default ?renderer=auto draws with pixi's canvas renderer; the Sandbox is also played on WebGL),
// 10 s of playing per case: frame intervals (p50/p95) and each physics step's cost, split into the
// scene's physics, the ideal observer's twin, each model's live surprise and the ghost. Verdicts
// are issue 15's targets, each printed beside the case it is set for.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { crowdScene } from './physics';
import { SANDBOX_SCENE_TEXT } from '../src/pages/playground/sandboxScene';
// @ts-expect-error: plain ES modules shared with the browser tests (no type declarations).
import { findChromium, missingChromiumMessage } from '../tests/browser/findChromium.mjs';
// @ts-expect-error: as above.
import { startPreview } from '../tests/browser/previewServer.mjs';
// @ts-expect-error: as above.
import { CHROMIUM_ARGS } from '../tests/browser/chromiumArgs.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const MEASURE_MS = 10_000;

interface Summary {
  frames: number; steps: number; intervalP50: number; intervalP95: number; workP50: number; workP95: number;
  physics: number; twin: number; ghost: number; models: Record<string, number>;
}
/** Issue 15's targets that a case is judged against (its "Targets" table). */
interface Goals {
  /** "Sandbox, 10 bodies, 2 learners + ideal observer + ghost": ≥ 1× real time, p95 frame ≤ 20 ms. */
  sandbox?: boolean;
  /** "50 bodies, 1 learner, headless Chromium": ≥ 30 steps/s. */
  pileWithLearner?: boolean;
  /** "live surprise per frame, one learner, car scene / physics step": ≤ 5×. */
  carLiveSurprise?: boolean;
}
interface Row { label: string; models: string[]; s: Summary; suspended: Record<string, string>; drawnBy: string; goals: Goals }

const SANDBOX_P95_MS = 20;
const SANDBOX_REAL_TIME = 1;
const PILE_STEPS_PER_S = 30;
const LIVE_SURPRISE_RATIO = 5;
/** "1 s ghost per frame / physics step, both in Chromium": ≤ 3×. */
const GHOST_RATIO = 3;

/** The built-in Sandbox (floor, table, box, car, ball) with toys added up to `toys` moving bodies. */
export function sandboxWithToys(toys: number): object {
  const scene = JSON.parse(SANDBOX_SCENE_TEXT) as { id: string; bodies: Record<string, unknown>[] };
  const moving = scene.bodies.filter((b) => !['ground', 'platform', 'wall'].includes(b.kind as string)).length;
  for (let k = 0; k < toys - moving; k++) {
    const x = [3.6, 4.5, 6.5, 7.3][k % 4]!;
    const y = 0.55 + Math.floor(k / 4) * 0.75;
    scene.bodies.push(k % 3 === 0 ? { id: `ball${k}`, kind: 'ball', x, y, radius: 0.15 }
      : k % 3 === 1 ? { id: `box${k}`, kind: 'box', x, y, width: 0.35, height: 0.3 }
        : { id: `car${k}`, kind: 'car', x, y, width: 0.5, height: 0.25, wheelRadius: 0.07 });
  }
  return { ...scene, id: 'sandbox-10', title: `Sandbox with ${toys} toys` };
}

async function measure(page: Page, label: string, models: string[], goals: Goals = {}): Promise<Row> {
  await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 120_000 });
  // Warm up (checkpoint loaded, wasm compiled, first rollouts), then 10 s of playing from the start.
  await page.keyboard.press('r');
  if (!(await page.evaluate(() => window.__surpriseLab!.running))) await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await page.keyboard.press('r');
  await page.evaluate(() => window.__surpriseLab!.perfReset());
  await page.waitForTimeout(MEASURE_MS);
  const s = await page.evaluate(() => window.__surpriseLab!.perf()) as Summary;
  const suspended = await page.evaluate(() => window.__surpriseLab!.suspended);
  const drawnBy = await page.evaluate(() => window.__surpriseLab!.renderer ?? '?');
  return { label, models, s, suspended, drawnBy, goals };
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '—');
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

function format(rows: Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const modelCost = r.models.map((m) => r.s.models[m] ?? NaN);
    const learner = r.models.find((m) => m.startsWith('learner') || m === 'newborn');
    const predictor = learner ? r.s.models[learner] ?? NaN : NaN;
    const stepsPerS = r.s.steps / (MEASURE_MS / 1000);
    const realTime = stepsPerS / 60;
    out.push(`  ${r.label}  [models: ${r.models.join(', ')}; drawn by: ${r.drawnBy}]`);
    out.push(`    frame interval  p50 ${ms(r.s.intervalP50)} ms  p95 ${ms(r.s.intervalP95)} ms  (${r.s.frames} frames, ${r.s.steps} steps in ${MEASURE_MS / 1000} s)`);
    out.push(`    main-thread work per animation frame  p50 ${ms(r.s.workP50)} ms  p95 ${ms(r.s.workP95)} ms (the rest of the interval is the browser: compositing, SwiftShader, and waiting for a CPU on a busy machine)`);
    out.push(`    per step (mean ms)  physics ${ms(r.s.physics)}  twin (ideal observer) ${ms(r.s.twin)}  ${r.models.map((m, i) => `${m} ${ms(modelCost[i]!)}`).join('  ')}  ghost ${ms(r.s.ghost)}`);
    out.push(`    real time: ${realTime.toFixed(2)}× (${stepsPerS.toFixed(1)} steps/s of 60)`);
    if (r.goals.sandbox) {
      out.push(`    issue 15 target (Sandbox): ≥ ${SANDBOX_REAL_TIME}× real time and p95 frame ≤ ${SANDBOX_P95_MS} ms: ${verdict(realTime >= SANDBOX_REAL_TIME && r.s.intervalP95 <= SANDBOX_P95_MS)} (${realTime.toFixed(2)}×, ${ms(r.s.intervalP95)} ms)`);
    }
    if (r.goals.pileWithLearner) out.push(`    issue 15 target (50 bodies, 1 learner): ≥ ${PILE_STEPS_PER_S} steps/s: ${verdict(stepsPerS >= PILE_STEPS_PER_S)}`);
    if (learner) {
      const ratio = predictor / r.s.physics;
      const goal = r.goals.carLiveSurprise ? `; issue 15 target (car scene) ≤ ${LIVE_SURPRISE_RATIO}×: ${verdict(ratio <= LIVE_SURPRISE_RATIO)}` : '';
      out.push(`    live surprise / physics: ${ratio.toFixed(1)}× (${learner}, incl. its 20 batched rollouts${goal})`);
    }
    if (r.s.ghost > 0) out.push(`    1 s ghost / physics: ${(r.s.ghost / r.s.physics).toFixed(2)}× per step (issue 15 target ≤ ${GHOST_RATIO}×: ${verdict(r.s.ghost <= GHOST_RATIO * r.s.physics)})`);
    for (const [id, why] of Object.entries(r.suspended)) out.push(`    note: the page switched ${id} off: ${why}`);
  }
  return out.join('\n');
}

export async function benchBrowser(): Promise<string> {
  const executablePath = findChromium() as string | null;
  if (!executablePath) return `  skipped: ${missingChromiumMessage() as string}`;
  execFileSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await startPreview(ROOT) as { url: string; stop: () => void };
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[], headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const rows: Row[] = [];
    const learners = await (async () => {
      await page.goto(`${server.url}?models=`);
      await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 60_000 });
      return page.evaluate(async () => {
        const res = await fetch('models/index.json');
        type Entry = { name: string; experience_frames: number; path?: string };
        const j = await res.json() as { models?: Entry[] } | Entry[];
        // The main series (seed 1, at the top of models/): the cohort's other seeds live in seed-S/.
        const list = (Array.isArray(j) ? j : j.models ?? []).filter((m) => !(m.path ?? m.name).includes('/'))
          .sort((a, b) => a.experience_frames - b.experience_frames);
        return list.slice(-2).map((m) => m.name);
      });
    })();
    const oldest = learners[learners.length - 1] ?? 'newborn';
    const car = [oldest, 'constant-velocity'];
    await page.goto(`${server.url}?scene=car-off-platform&condition=impossible&models=${car.join(',')}&autoplay`);
    rows.push(await measure(page, 'car-off-platform (3 bodies, impossible)', car, { carLiveSurprise: true }));
    // The 50-body scene goes in through the page's own file dialog, as a person would load it.
    const crowd = { ...crowdScene(50), duration: 30 };
    for (const models of [['constant-velocity', 'oracle'], [oldest, 'constant-velocity']]) {
      await page.goto(`${server.url}?models=${models.join(',')}`);
      await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 60_000 });
      await page.setInputFiles('[data-testid=scene-file]', { name: 'crowd-50.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crowd)) });
      await page.waitForFunction(() => window.__surpriseLab?.sceneId === 'crowd-50');
      rows.push(await measure(page, '50 falling bodies (53 with floor and walls)', models, { pileWithLearner: models.some((m) => m !== 'constant-velocity' && m !== 'oracle') }));
    }
    // The Sandbox with ten toys, the two oldest learners and the ideal observer, the ghost on (1 s):
    // with the default renderer (?renderer=auto: the canvas renderer here), then forced to WebGL,
    // which here waits for SwiftShader's pixels every frame (docs/playground.md).
    const sandboxModels = [...learners, 'oracle'];
    for (const [how, param] of [['default renderer', ''], ['?renderer=webgl', '&renderer=webgl']] as const) {
      await page.goto(`${server.url}?models=${sandboxModels.join(',')}${param}`);
      await page.waitForFunction(() => window.__surpriseLab?.modelsReady === true, null, { timeout: 60_000 });
      await page.setInputFiles('[data-testid=scene-file]', { name: 'sandbox-10.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sandboxWithToys(10))) });
      await page.waitForFunction(() => window.__surpriseLab?.sceneId === 'sandbox-10');
      rows.push(await measure(page, `Sandbox with 10 toys (12 bodies with floor and table), ghost on, ${how}`, sandboxModels, { sandbox: true }));
    }
    const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
    return `  headless Chromium ${browser.version()} (WebGL is SwiftShader, software: the default renderer is the canvas one), 1280×800, TF.js wasm; load average now ${load}\n${format(rows)}`;
  } finally {
    await browser.close();
    server.stop();
  }
}
