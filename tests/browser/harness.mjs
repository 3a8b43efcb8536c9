// A tiny test runner for the browser tests: runs tests one after another, each with fresh
// pages that record console errors and page errors (any one of them fails the test).
import assert from 'node:assert/strict';

const TEST_TIMEOUT_MS = 90_000;

export function createSuite() {
  const tests = [];
  return { tests, test: (name, fn) => tests.push({ name, fn }) };
}

/** Opens pages for one test and remembers every console error and uncaught page error. */
function pageFactory(browser, baseUrl, problems) {
  const contexts = [];
  // `bypassCSP` only for tests that inject their own script into a page (the pages' strict
  // policy forbids inline scripts, as it should).
  const open = async ({ width = 1280, height = 800, query = '?autoplay', bypassCSP = false } = {}) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, bypassCSP });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    await page.goto(baseUrl + query, { waitUntil: 'load' });
    return page;
  };
  const closeAll = async () => {
    for (const c of contexts) await c.close().catch(() => {});
  };
  return { open, closeAll };
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runSuite(tests, browser, baseUrl, only) {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) continue;
    const problems = [];
    const pages = pageFactory(browser, baseUrl, problems);
    const started = Date.now();
    try {
      await withTimeout(fn({ open: pages.open, assert }), TEST_TIMEOUT_MS);
      assert.deepEqual(problems, [], 'the page reported errors');
      passed++;
      console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 12).join('\n     ')}`);
      if (problems.length > 0) console.log(`     page problems:\n       ${problems.join('\n       ')}`);
    } finally {
      await pages.closeAll();
    }
  }
  return { passed, failed };
}
