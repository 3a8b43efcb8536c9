// Browser tests: builds the site (unless --no-build), serves it with `vite preview`, drives
// headless Chromium with playwright-core, and prints `browser: N passed, N failed`.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromiumArgs.mjs';
import { findChromium, missingChromiumMessage } from './findChromium.mjs';
import { startPreview } from './previewServer.mjs';
import { createSuite, runSuite } from './harness.mjs';
import { registerPlaygroundTests } from './playground.tests.mjs';
import { registerSurpriseTests } from './surprise.tests.mjs';
import { registerGhostTests } from './ghost.tests.mjs';
import { registerFreePlayTests } from './freeplay.tests.mjs';
import { registerLearnTests } from './learn.tests.mjs';
import { registerDeterminismTests } from './determinism.tests.mjs';
import { registerFuzzTests } from './fuzz.tests.mjs';
import { registerRecordingTests } from './recordings.tests.mjs';
import { registerExperimentTests } from './experiment.tests.mjs';
import { registerOfflineTests } from './offline.tests.mjs';
import { registerPlanTests } from './plan.tests.mjs';
import { registerHostileTests } from './hostile.tests.mjs';
import { registerClassroomTests } from './classroom.tests.mjs';
import { registerRealTimeTests } from './realtime.tests.mjs';
import { registerCohortTests } from './cohort.tests.mjs';
import { registerStudioTests } from './studio.tests.mjs';
import { registerStudioFileTests } from './studioFiles.tests.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('--'));


async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(`browser: ${missingChromiumMessage()}`);
    return 1;
  }
  if (!args.includes('--no-build')) {
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const suite = createSuite();
  const outDir = join(root, 'test-results');
  registerPlaygroundTests(suite.test, { root, outDir });
  registerSurpriseTests(suite.test, { root, outDir });
  registerGhostTests(suite.test, { root, outDir });
  registerFreePlayTests(suite.test, { root, outDir });
  registerLearnTests(suite.test, { root, outDir });
  registerDeterminismTests(suite.test, { root, outDir });
  registerExperimentTests(suite.test, { root, outDir });
  registerOfflineTests(suite.test, { root, outDir });
  registerPlanTests(suite.test, { root, outDir });
  registerRecordingTests(suite.test, { root, outDir });
  registerHostileTests(suite.test, { root, outDir });
  registerClassroomTests(suite.test, { root, outDir });
  registerFuzzTests(suite.test, { root, outDir });
  registerRealTimeTests(suite.test, { root, outDir });
  registerCohortTests(suite.test, { root, outDir });
  registerStudioTests(suite.test, { root, outDir });
  registerStudioFileTests(suite.test);

  const server = await startPreview(root);
  let browser = null;
  const cleanup = () => server.stop();
  process.on('SIGINT', () => { cleanup(); process.exit(130); });
  process.on('SIGTERM', () => { cleanup(); process.exit(143); });
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    console.log(`browser: ${executablePath} (${browser.version()}), site at ${server.url}`);
    const { passed, failed } = await runSuite(suite.tests, browser, server.url, only);
    console.log(`browser: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    cleanup();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`browser: could not run: ${e?.stack ?? e}`);
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
});
