// Determinism across environments: the same scene, variant and seed give a byte-identical
// trajectory in Node (the CLI; V8 11.3) and in Chromium (the core bundled into a page; a newer V8
// whose Math.sin/Math.cos round differently): as the 6-decimal CSV, and to the last bit of every double.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** The core's trajectory functions as one IIFE script defining `SurpriseLabCore`. */
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

/** Defines `window.SurpriseLabCore` in the page. The site's Content Security Policy refuses inline
 * scripts (addScriptTag), so the bundle is evaluated through the DevTools protocol instead. */
async function loadCore(page, bundle) {
  await page.evaluate(`${bundle}\n;globalThis.SurpriseLabCore = SurpriseLabCore; true;`);
}

/** Runs `code` (an ES module body that may `await`) in Node with tsx, the way the CLI runs, with
 * `input` on its stdin, and returns its stdout. */
function runInNode(root, code, input) {
  return execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', code],
    { cwd: root, input, maxBuffer: 256 << 20 }).toString('utf8');
}

/** Where two full-precision dumps first differ, in words: frame, body, field and both values. */
function firstDifference(nodeDump, browserDump) {
  const a = JSON.parse(nodeDump);
  const b = JSON.parse(browserDump);
  if (a.length !== b.length) return `${a.length} snapshots in Node, ${b.length} in Chromium`;
  let count = 0;
  let first = '';
  for (let f = 0; f < a.length; f++) {
    for (let i = 0; i < a[f].bodies.length; i++) {
      for (const [key, value] of Object.entries(a[f].bodies[i])) {
        const other = b[f].bodies[i]?.[key];
        if (Object.is(value, other)) continue;
        count++;
        first ||= `frame ${a[f].frame} ${a[f].bodies[i].id}.${key}: ${value} in Node, ${other} in Chromium`;
      }
    }
  }
  return `${count} values differ; first at ${first || '(the frame or event fields)'}`;
}

/** A pile of boxes set at assorted angles and balls, tumbling between two walls: the shipped scenes'
 * bodies start level and turn little, so on their own they would not catch sin/cos differences. */
function tumblingSceneText() {
  const bodies = [
    { id: 'floor', kind: 'ground', x: 5, y: 0.15, width: 10, height: 0.3 },
    { id: 'left', kind: 'wall', x: 0.1, y: 3.5, width: 0.2, height: 6.4 },
    { id: 'right', kind: 'wall', x: 9.9, y: 3.5, width: 0.2, height: 6.4 },
  ];
  for (let i = 0; i < 24; i++) {
    const x = 0.8 + (i % 8) * 1.1;
    const y = 0.9 + Math.floor(i / 8) * 0.9;
    bodies.push(i % 3 === 2
      ? { id: `ball${i}`, kind: 'ball', x, y, radius: 0.18, restitution: 0.4, velocity: { x: 1.5 - (i % 4), y: 0 } }
      : { id: `box${i}`, kind: 'box', x, y, width: 0.5, height: 0.22, angle: 0.37 * i - 3.1, friction: 0.4, restitution: 0.2 });
  }
  return JSON.stringify({
    format: 1, id: 'tumbling-pile', title: 'A tumbling pile', concept: 'free-play', study: { citation: 'none: a determinism test' },
    world: { width: 10, height: 7, gravity: 9.81, substeps: 4 }, duration: 4, bodies,
  });
}

/** Boxes set along a ramp whose positions and angles come from sin, cos and atan2 expressions, a
 * ball released to roll down it, weightless once it leaves the ramp's end (and stopped at rest). */
function expressionSceneText() {
  const bodies = [
    { id: 'floor', kind: 'ground', x: 4, y: 0.15, width: 8, height: 0.3 },
    { id: 'ramp', kind: 'platform', x: 2, y: '0.3 + 0.5 + sin(slope)', width: 3, height: 0.1, angle: '-slope' },
    { id: 'ball', kind: 'ball', x: '2 - 1.3 * cos(slope)', y: '0.3 + 0.5 + sin(slope) + 1.3 * sin(slope) + 0.2', radius: 0.12, held: true, restitution: 0.3 },
  ];
  for (let i = 0; i < 6; i++) {
    bodies.push({ id: `box${i}`, kind: 'box', x: `4.5 + ${i} * 0.5 * cos(atan2(${i + 1}, 7))`, y: `0.6 + floor(${i} / 2) * 0.45 + round(slope * 3) * 0.1`,
      width: 0.3, height: 0.3, angle: `atan2(${i} - 2.5, 9) + sin(${i})`, friction: 0.3 });
  }
  return JSON.stringify({
    format: 1, id: 'ramp-expressions', title: 'Expressions', concept: 'free-play', study: { citation: 'none: a determinism test' },
    world: { width: 8, height: 4, gravity: 9.81, substeps: 4 }, duration: 4,
    params: { slope: { default: 0.35, min: 0.25, max: 0.5, heldout: { min: 0.55, max: 0.7 } } },
    bodies, actions: [{ type: 'release', body: 'ball', at: 0.2 }],
    violation: [
      { type: 'weightless', body: 'ball', trigger: { on: 'reaches-x', x: 3.2 } },
      { type: 'scale-velocity', body: 'ball', trigger: { on: 'contact', other: 'box0' }, by: { x: -1, y: 1 } },
    ],
  });
}

export function registerDeterminismTests(test, { root }) {
  const cases = [
    { scene: 'scenes/car-off-platform.json', condition: 'impossible', variant: 3, seed: 7 },
    { scene: 'scenes/car-off-platform.json', condition: 'possible', variant: 11, seed: 2026 },
    { scene: 'scenes/box-released-beyond-platform.json', condition: 'possible', variant: 5, seed: 1 },
  ];
  test('determinism: the same scene, variant and seed give byte-identical trajectory CSVs in Node and in Chromium', async ({ open, assert }) => {
    const bundle = await coreBundle(root);
    const page = await open({ query: '?' });
    await loadCore(page, bundle);
    for (const c of cases) {
      const node = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), 'run',
        '--scene', join(root, c.scene), '--condition', c.condition, '--variant', String(c.variant), '--seed', String(c.seed)], { cwd: root, maxBuffer: 64 << 20 }).toString('utf8');
      const text = readFileSync(join(root, c.scene), 'utf8');
      const browser = await page.evaluate(([t, c2]) => window.SurpriseLabCore.trajectory(t, c2.condition, c2.variant, c2.seed), [text, c]);
      assert.ok(node.split('\n').length > 500, `${c.scene}: a full trajectory from Node`);
      assert.equal(browser, node, `${c.scene} ${c.condition} variant ${c.variant} seed ${c.seed}: Chromium and Node differ`);
    }
  });

  // The 6-decimal CSV hides differences in the last bits, which the learned observers' surprise
  // (computed from these snapshots) then shows. Every scene, both conditions, the car case that
  // first showed it (variant 4, seed 4: Math.pow in matter-js's chamfer) and a tumbling pile (sin/cos).
  test('determinism: every scene gives the same snapshots to the last bit in Node and in Chromium', async ({ open, assert }) => {
    const scenes = readdirSync(join(root, 'scenes')).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').sort();
    const fullCases = [{ scene: 'scenes/car-off-platform.json', condition: 'possible', variant: 4, seed: 4 }];
    scenes.forEach((file, i) => {
      for (const condition of ['possible', 'impossible']) fullCases.push({ scene: `scenes/${file}`, condition, variant: i + 1, seed: 100 + i });
    });
    const withText = fullCases.map((c) => ({ ...c, text: readFileSync(join(root, c.scene), 'utf8') }));
    withText.push({ scene: 'tumbling pile (inline)', condition: 'possible', variant: 0, seed: 1, text: tumblingSceneText() });
    const nodeDumps = JSON.parse(runInNode(root, `
      import { readFileSync } from 'node:fs';
      const { snapshotDump } = await import(${JSON.stringify(join(root, 'tests/browser/determinismEntry.ts'))});
      const cases = JSON.parse(readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(cases.map((c) => snapshotDump(c.text, c.condition, c.variant, c.seed))));
    `, JSON.stringify(withText)));
    const bundle = await coreBundle(root);
    const page = await open({ query: '?' });
    await loadCore(page, bundle);
    const browserDumps = await page.evaluate((cs) => cs.map((c) => window.SurpriseLabCore.snapshotDump(c.text, c.condition, c.variant, c.seed)), withText);
    const differing = [];
    withText.forEach((c, i) => {
      if (nodeDumps[i] !== browserDumps[i]) {
        differing.push(`${c.scene} ${c.condition} variant ${c.variant} seed ${c.seed}: ${firstDifference(nodeDumps[i], browserDumps[i])}`);
      }
    });
    assert.ok(nodeDumps.length === withText.length && nodeDumps.every((d) => d.length > 10_000), 'full dumps from Node');
    assert.deepEqual(differing, [], `${differing.length} of ${withText.length} cases differ between Node and Chromium`);
  });

  // Mirrored scenes, held-out draws and expressions through the portable ports are built by the same
  // core: they too must agree to the last bit.
  test('determinism: mirrored and held-out scenes and expression functions give the same snapshots in Node and in Chromium', async ({ open, assert }) => {
    const scenes = readdirSync(join(root, 'scenes')).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').sort();
    const cases = scenes.map((file, i) => ({
      scene: `scenes/${file}`, text: readFileSync(join(root, 'scenes', file), 'utf8'), condition: i % 2 ? 'possible' : 'impossible',
      variant: i + 3, seed: 300 + i, view: { mirrored: true, split: i % 3 === 0 ? 'heldout' : 'default' },
    }));
    for (const condition of ['possible', 'impossible']) {
      for (const view of [{}, { mirrored: true, split: 'heldout' }]) cases.push({ scene: 'ramp with expressions (inline)', text: expressionSceneText(), condition, variant: 2, seed: 9, view });
    }
    const nodeDumps = JSON.parse(runInNode(root, `
      import { readFileSync } from 'node:fs';
      const { snapshotDump } = await import(${JSON.stringify(join(root, 'tests/browser/determinismEntry.ts'))});
      const cases = JSON.parse(readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(cases.map((c) => snapshotDump(c.text, c.condition, c.variant, c.seed, c.view))));
    `, JSON.stringify(cases)));
    const bundle = await coreBundle(root);
    const page = await open({ query: '?' });
    await loadCore(page, bundle);
    const browserDumps = await page.evaluate((cs) => cs.map((c) => window.SurpriseLabCore.snapshotDump(c.text, c.condition, c.variant, c.seed, c.view)), cases);
    const differing = [];
    cases.forEach((c, i) => {
      if (nodeDumps[i] !== browserDumps[i]) differing.push(`${c.scene} ${c.condition} ${JSON.stringify(c.view)}: ${firstDifference(nodeDumps[i], browserDumps[i])}`);
    });
    assert.ok(nodeDumps.length === cases.length && nodeDumps.every((d) => d.length > 10_000), 'full dumps from Node');
    assert.deepEqual(differing, [], `${differing.length} of ${cases.length} cases differ between Node and Chromium`);
  });
}
