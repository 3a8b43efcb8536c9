// `npm test`: unit tests (vitest), then a production build, then the browser tests against it.
// Checks for Chromium before anything else; exits non-zero if any stage fails.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, missingChromiumMessage } from './browser/findChromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

if (!findChromium()) {
  console.error(`npm test: ${missingChromiumMessage()}`);
  process.exit(1);
}

const stages = [
  { name: 'unit tests', cmd: bin('vitest'), args: ['run'] },
  { name: 'build', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  { name: 'browser tests', cmd: process.execPath, args: [join(root, 'tests/browser/run.mjs'), '--no-build'], needs: 'build' },
];

const results = new Map();
for (const stage of stages) {
  if (stage.needs && results.get(stage.needs) !== 'passed') {
    results.set(stage.name, `skipped (${stage.needs} failed)`);
    continue;
  }
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const run = spawnSync(stage.cmd, stage.args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = run.status === 0;
  const why = run.error ? ` (${run.error.message})` : run.status === null ? ` (killed by ${run.signal})` : '';
  results.set(stage.name, `${ok ? 'passed' : `FAILED${why}`}`);
  console.log(`=== ${stage.name}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log('\nsummary:');
for (const [name, result] of results) console.log(`  ${name}: ${result}`);
process.exit([...results.values()].every((r) => r === 'passed') ? 0 : 1);
