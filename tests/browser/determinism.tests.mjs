// Determinism across environments: the same scene, variant and seed give a byte-identical
// trajectory CSV in Node (the CLI) and in Chromium (the core bundled into a page).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** The core's trajectory function as one IIFE script defining `SurpriseLabCore`. */
async function coreBundle(root) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'tests/browser/determinismEntry.ts'), formats: ['iife'], name: 'SurpriseLabCore' },
    },
  });
  const output = (Array.isArray(out) ? out[0] : out).output;
  return output.find((chunk) => chunk.type === 'chunk').code;
}

export function registerDeterminismTests(test, { root }) {
  const cases = [
    { scene: 'scenes/car-off-platform.json', condition: 'impossible', variant: 3, seed: 7 },
    { scene: 'scenes/car-off-platform.json', condition: 'possible', variant: 11, seed: 2026 },
    { scene: 'scenes/box-released-beyond-platform.json', condition: 'possible', variant: 5, seed: 1 },
  ];
  test('the same scene, variant and seed give byte-identical trajectories in Node and in Chromium', async ({ open, assert }) => {
    const bundle = await coreBundle(root);
    const page = await open({ query: '?' });
    await page.addScriptTag({ content: bundle });
    for (const c of cases) {
      const node = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), 'run',
        '--scene', join(root, c.scene), '--condition', c.condition, '--variant', String(c.variant), '--seed', String(c.seed)], { cwd: root, maxBuffer: 64 << 20 }).toString('utf8');
      const text = readFileSync(join(root, c.scene), 'utf8');
      const browser = await page.evaluate(([t, c2]) => window.SurpriseLabCore.trajectory(t, c2.condition, c2.variant, c2.seed), [text, c]);
      assert.ok(node.split('\n').length > 500, `${c.scene}: a full trajectory from Node`);
      assert.equal(browser, node, `${c.scene} ${c.condition} variant ${c.variant} seed ${c.seed}: Chromium and Node differ`);
    }
  });
}
