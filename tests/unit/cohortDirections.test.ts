// The cohort table by direction: a concept's classic scenes and its reverse scenes or controls
// (`control_of`) are scored apart, a mirrored side counts with its scene, and a seed passes a
// direction only when every scene of it passes; develop --cohort writes the table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseSceneId, cohortDirections, cohortDirectionTable, sceneDirection } from '../../src/experiment/cohortDirections';
import type { ConceptResult, SceneScore } from '../../src/experiment/development';
import { lab } from './support/lab';

const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-directions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scene = (wins: number, pairs: number, ci: [number, number]): SceneScore => ({
  pairs, wins, ties: 0, losses: pairs - wins, pairwise_accuracy: wins / pairs, pairwise_ci95: ci, auroc: wins / pairs, passed: wins / pairs >= 0.8 && ci[0] > 0.5,
});
// Exact 95% intervals for 8 pairs: 8/8 → [0.631, 1], 7/8 → [0.473, 0.997], 0/8 → [0, 0.369].
const ALL = scene(8, 8, [0.631, 1]);
const SEVEN = scene(7, 8, [0.473, 0.997]);
const NONE = scene(0, 8, [0, 0.369]);

function result(model: string, frames: number, perScene: Record<string, SceneScore>): ConceptResult {
  const scores = Object.values(perScene);
  const acc = scores.reduce((s, x) => s + x.pairwise_accuracy, 0) / scores.length;
  return {
    concept: 'collision', model, experience_frames: frames, scenes: Object.keys(perScene), pairs: 8 * scores.length, wins: 0, ties: 0, losses: 0,
    pairwise_accuracy: acc, pairwise_ci95: [0, 1], pairwise_ci95_bootstrap: [0, 1], auroc: acc, per_scene: perScene,
    passed: scores.every((s) => s.passed), scenes_passed: scores.filter((s) => s.passed).length,
    weakest_scene: 'x', weakest_accuracy: Math.min(...scores.map((s) => s.pairwise_accuracy)), weakest_ci95: [0, 1],
  };
}

describe('cohortDirections', () => {
  const controlOf = new Map<string, string | undefined>([['launch', undefined], ['no-launch', 'launch']]);
  // Seed 1 passes the launch both sides and loses the contact without launch; seed 2 passes the
  // launch as drawn, nearly mirrored (7 of 8), and the contact without launch on both sides.
  const results = [
    result('old-s1', 100_000, { launch: ALL, 'launch (mirrored)': ALL, 'no-launch': NONE, 'no-launch (mirrored)': NONE }),
    result('old-s2', 100_000, { launch: ALL, 'launch (mirrored)': SEVEN, 'no-launch': ALL, 'no-launch (mirrored)': ALL }),
  ];
  const members = [{ model: 'old-s1', seed: 1, experience_frames: 100_000 }, { model: 'old-s2', seed: 2, experience_frames: 100_000 }];
  const t = cohortDirections(results, members, controlOf);

  it('tells a reverse scene or control by its control_of, on either side', () => {
    expect(baseSceneId('no-launch (mirrored)')).toBe('no-launch');
    expect(sceneDirection(controlOf, 'no-launch (mirrored)')).toBe('reverse');
    expect(sceneDirection(controlOf, 'launch (mirrored)')).toBe('classic');
  });

  it('scores each direction over its own scenes and sides, and passes a seed only when every one of them passes', () => {
    const classic = t.directions.find((c) => c.row === 'classic')!;
    const reverse = t.directions.find((c) => c.row === 'reverse')!;
    expect(classic.scenes).toEqual(['launch', 'launch (mirrored)']);
    expect(classic.per_seed).toEqual({ 1: 1, 2: (1 + 7 / 8) / 2 });
    expect(classic.passing).toBe(1);
    expect(reverse.per_seed).toEqual({ 1: 0, 2: 1 });
    expect(reverse.passing).toBe(1);
    expect(reverse.mean).toBeCloseTo(0.5, 12);
    expect(reverse.sd).toBeCloseTo(Math.SQRT1_2, 12);
    expect([reverse.min, reverse.max]).toEqual([0, 1]);
    const noLaunch = t.scenes.find((c) => c.row === 'no-launch')!;
    expect(noLaunch.scenes).toEqual(['no-launch', 'no-launch (mirrored)']);
    expect(noLaunch.passing).toBe(1);
  });

  it('prints one row per concept and direction, then per scene', () => {
    const table = cohortDirectionTable(t);
    expect(table).toContain('| collision, classic (2) | 0.97 ± 0.04 [0.94–1.00] (1/2) |');
    expect(table).toContain('| collision, reverse/control (2) | 0.50 ± 0.71 [0.00–1.00] (1/2) |');
    expect(table).toContain('| no-launch (collision, reverse/control) | 0.50 ± 0.71 [0.00–1.00] (1/2) |');
  });
});

describe('develop --cohort', () => {
  it('writes cohort-directions.md and .json, with control_of recorded in development.json', async () => {
    const out = join(tmp, 'dev');
    const r = await lab('develop', '--cohort', 'public/models', '--models', 'newborn,newborn-s2', '--pairs', '2', '--seed', '0',
      '--scenes', 'scenes/ball-launches-without-contact.json,scenes/ball-hits-ball-that-does-not-move.json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const dev = JSON.parse(readFileSync(join(out, 'development.json'), 'utf8')) as { scenes: { id: string; control_of?: string }[] };
    expect(dev.scenes).toEqual([
      { id: 'ball-launches-without-contact', concept: 'collision' },
      { id: 'ball-hits-ball-that-does-not-move', concept: 'collision', control_of: 'ball-launches-without-contact' },
    ]);
    const md = readFileSync(join(out, 'cohort-directions.md'), 'utf8');
    expect(md).toMatch(/\| collision, classic \(1\) \| [0-9.]+ ± [0-9.]+ \[[0-9.]+–[0-9.]+\] \(\d\/2\) \|/);
    expect(md).toContain('| ball-hits-ball-that-does-not-move (collision, reverse/control) |');
    const json = JSON.parse(readFileSync(join(out, 'cohort-directions.json'), 'utf8')) as { directions: { row: string }[] };
    expect(json.directions.map((d) => d.row)).toEqual(['classic', 'reverse']);
  }, 300_000);
});
