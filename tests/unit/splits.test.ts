// Mirrored and held-out splits: the mirror maps every directed quantity, mirrored trials are
// deterministic and the ideal observer passes them; held-out draws stay in their ranges, outside the diet's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorWorld } from '../../src/scenes/mirror';
import { drawParams, resolveScene } from '../../src/scenes/resolve';
import { parseSceneValue } from '../../src/scenes/parse';
import { DIET_RANGES, heldoutRelation } from '../../src/scenes/dietRanges';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { runSuite } from '../../src/experiment/suite';
import { heldoutRows, mirrorGaps } from '../../src/experiment/splits';
import { ORACLE } from '../../src/experiment/observers';
import { useWasmBackend } from '../../src/predictor/backend';
import { runCli } from '../../src/cli/runCli';
import { loadRepoScene, runTrial, testScene } from './support/trials';
import { shippedSceneNames } from './support/sceneDigests';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-splits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => { await useWasmBackend(); });

describe('mirrored scenes', () => {
  it('mirror every position, horizontal velocity, angle, push, carry, trigger and violation direction', () => {
    const scene = parseSceneValue(testScene({
      bodies: [
        { id: 'box', kind: 'box', x: 1, y: 0.5, width: 0.4, height: 0.4, angle: 0.2, velocity: { x: 1.5, y: 0.5 }, held: true },
        { id: 'ball', kind: 'ball', x: 4, y: 0.5, radius: 0.1 },
      ],
      occluders: [{ id: 'screen', x: 2, y: 1, width: 1, height: 2, moves: [{ at: 1, duration: 0.5, x: 2.5 }] }],
      actions: [
        { type: 'carry', body: 'box', at: 0.1, duration: 0.5, to: { x: 2, y: 0.5 } },
        { type: 'push', body: 'ball', at: 0.2, velocity: { x: -1, y: 0.2 } },
        { type: 'drop', body: 'box', at: 1, velocity: { x: 0.7, y: 0 } },
      ],
      violation: [
        { type: 'teleport', body: 'ball', trigger: { on: 'reaches-x', x: 3 }, to: { x: 5, y: 1 } },
        { type: 'deflect', body: 'box', trigger: { on: 'time', at: 1 }, angle: 0.5 },
        { type: 'set-velocity', body: 'box', trigger: { on: 'contact', other: 'ball' }, velocity: { x: 2, y: 1 } },
        { type: 'scale-velocity', body: 'box', trigger: { on: 'comes-to-rest' }, by: { x: -1, y: 1 } },
      ],
    }));
    const w = resolveScene(scene).world;
    const m = mirrorWorld(w);
    expect(m.bodies.map((b) => [b.x, b.angle, b.vx, b.vy])).toEqual([[3, 0, 0, 0], [5, -0.2, -1.5, 0.5], [2, 0, 0, 0]]);
    expect(m.occluders[0]!.x).toBe(4);
    expect(m.occluders[0]!.moves![0]!.x).toBe(3.5);
    expect(m.actions).toEqual([
      { type: 'carry', body: 'box', at: 0.1, duration: 0.5, x: 4, y: 0.5 },
      { type: 'push', body: 'ball', at: 0.2, vx: 1, vy: 0.2, by: 'hand' },
      { type: 'drop', body: 'box', at: 1, vx: -0.7, vy: 0 },
    ]);
    expect(m.violation).toEqual({ type: 'teleport', body: 'ball', trigger: { on: 'reaches-x', x: 3 }, x: 1, y: 1 });
    expect(m.moreViolations).toEqual([
      { type: 'deflect', body: 'box', trigger: { on: 'time', at: 1 }, angle: -0.5 },
      { type: 'set-velocity', body: 'box', trigger: { on: 'contact', other: 'ball' }, vx: -2, vy: 1 },
      { type: 'scale-velocity', body: 'box', trigger: { on: 'comes-to-rest', below: 0.02 }, sx: -1, sy: 1 },
    ]);
    expect(mirrorWorld(m)).toEqual(w); // mirroring twice gives the scene back
  });

  it.each(shippedSceneNames())('%s mirrored is deterministic and runs the mirror image of the scene, with the same onset', (name) => {
    const scene = loadRepoScene(name);
    const choice = { variant: 3, seed: 11 };
    const drawn = runTrial(scene, 'impossible', choice);
    const a = runTrial(scene, 'impossible', { ...choice, mirrored: true });
    const b = runTrial(scene, 'impossible', { ...choice, mirrored: true });
    expect(trajectoryCsv(a.snapshots)).toBe(trajectoryCsv(b.snapshots));
    expect(a.onsetFrame).toBe(drawn.onsetFrame);
    // Up to the onset the mirror image holds to a millimetre (matter-js is not exactly symmetric in floating point).
    const width = drawn.world.width;
    for (let f = 0; f <= drawn.onsetFrame!; f++) {
      drawn.snapshots[f]!.bodies.forEach((s, i) => {
        const t = a.snapshots[f]!.bodies[i]!;
        if (!s.present) return;
        expect(Math.abs(width - s.x - t.x)).toBeLessThan(1e-3);
        expect(Math.abs(s.y - t.y)).toBeLessThan(1e-3);
      });
    }
  });

  it('the ideal observer scores 1.00 on the mirrored pairs of every shipped scene; the gap is reported', () => {
    const scenes = shippedSceneNames().map(loadRepoScene);
    const out = runSuite({ scenes, observers: [ORACLE], pairs: 4, seed: 5, mirror: 'both' });
    const mirrored = out.results.filter((r) => r.mirrored);
    expect(mirrored).toHaveLength(scenes.length);
    for (const r of mirrored) expect(r.pairwise_accuracy, r.scene).toBe(1);
    const gaps = mirrorGaps(out.results);
    expect(gaps).toHaveLength(scenes.length);
    for (const g of gaps) expect(g).toMatchObject({ model: 'oracle', accuracy: 1, accuracy_mirrored: 1, gap: 0 });
    expect(out.trials.filter((t) => t.mirrored)).toHaveLength(scenes.length * 4 * 2);
  });
});

describe('held-out split', () => {
  const scene = parseSceneValue(testScene({
    params: {
      a: { default: 1, min: 0.5, max: 1.5, heldout: { min: 2, max: 3 }, diet: 'platform-height' },
      b: { default: 0.3, min: 0.2, max: 0.4 },
      fixed: { default: 0.02, min: 0.02, max: 0.02, heldout: { min: 0.1, max: 0.3 }, diet: 'box-friction' },
    },
  }));

  it('draws held-out params from their held-out range, the others as in the default split', () => {
    for (let v = 0; v < 50; v++) {
      const d = drawParams(scene, { variant: v, seed: 1 });
      const h = drawParams(scene, { variant: v, seed: 1, split: 'heldout' });
      expect(d.a).toBeGreaterThanOrEqual(0.5);
      expect(d.a).toBeLessThan(1.5);
      expect(h.a).toBeGreaterThanOrEqual(2);
      expect(h.a).toBeLessThan(3);
      expect(d.fixed).toBe(0.02);
      expect(h.fixed).toBeGreaterThanOrEqual(0.1);
    }
  });

  it('a fixed param draws nothing: adding one for the held-out split keeps the default variants', () => {
    const without = parseSceneValue(testScene({ params: { a: { default: 1, min: 0.5, max: 1.5 }, b: { default: 0.3, min: 0.2, max: 0.4 } } }));
    for (let v = 0; v < 10; v++) {
      const { fixed, ...rest } = drawParams(scene, { variant: v, seed: 1 });
      expect(fixed).toBe(0.02);
      expect(rest).toEqual(drawParams(without, { variant: v, seed: 1 }));
    }
  });

  it('every shipped held-out range lies outside the diet range it names', () => {
    let rows = 0;
    for (const name of shippedSceneNames()) {
      for (const row of heldoutRows(loadRepoScene(name))) {
        rows++;
        expect(row.diet, `${name} ${row.param}`).not.toBeNull();
        expect(row.diet!.relation, `${name} ${row.param}`).toBe('outside');
      }
    }
    expect(rows).toBeGreaterThanOrEqual(15);
    expect(heldoutRelation({ min: 1, max: 2 }, DIET_RANGES['platform-height'])).toBe('overlaps');
  });

  it('names bad held-out ranges and unknown diet ranges by path', () => {
    const bad = testScene({ params: { a: { default: 1, min: 0.5, max: 1.5, heldout: { min: 3, max: 2 }, diet: 'moon-gravity' } } });
    expect(() => parseSceneValue(bad)).toThrow(/params\.a\.heldout: expected min ≤ max, got 3, 2/);
    expect(() => parseSceneValue(bad)).toThrow(/params\.a\.diet: no diet range "moon-gravity" \(known: platform-height/);
  });

  it('lab suite --split heldout prints each held-out range beside the diet\'s and records them', async () => {
    let stdout = '';
    const io = { stdout: (t: string) => { stdout += t; }, stderr: () => {} };
    const out = join(tmp, 'heldout');
    const code = await runCli(['suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'oracle', '--pairs', '2', '--split', 'heldout', '--mirror', 'both', '--out', out], io);
    expect(code).toBe(0);
    expect(stdout).toContain('car-off-platform\tplatformHeight\theld-out [1.7, 2.2]\ttraining [0.7, 1.3]\tdiet platform-height [0.25, 1.6] m (outside)\n');
    expect(stdout).toContain('car-off-platform\tcarWidth\theld-out [0.75, 0.9]\ttraining [0.4, 0.6]\tdiet car-width [0.3, 0.7] m (outside)\n');
    expect(stdout).toContain('car-off-platform\toracle\tleft/right gap +0.000 (as drawn 1.000, mirrored 1.000)\n');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ split: 'heldout', mirror: 'both' });
    expect(summary.heldout['car-off-platform'].map((r: { param: string }) => r.param)).toEqual(['platformHeight', 'carWidth']);
    expect(summary.mirror_gaps).toHaveLength(1);
    const header = readFileSync(join(out, 'trials.csv'), 'utf8').split('\n')[0]!;
    expect(header.endsWith(',plausibility,mirrored,split')).toBe(true);
  });
});
