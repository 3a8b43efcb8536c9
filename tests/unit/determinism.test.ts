// Same scene + seed ⇒ byte-identical CSV; other seeds ⇒ other variants; a golden file pins the car.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';
import { drawParams, resolveScene } from '../../src/scenes/resolve';
import { loadRepoScene, runTrial, testScene, type Trial } from './support/trials';
import { parseSceneValue } from '../../src/scenes/parse';
import { Simulation } from '../../src/sim/simulation';

const car = loadRepoScene('car-off-platform');
const box = loadRepoScene('box-released-beyond-platform');

const csvOf = (trial: Trial): string => trajectoryCsv(trial.snapshots);

/** A crowded scene: many contacts, so that matter-js's ids and pair order matter. */
const pile = parseSceneValue(testScene({
  bodies: Array.from({ length: 20 }, (_, i) => ({
    id: `b${i}`, kind: i % 2 ? 'box' : 'ball', x: 1 + (i % 5) * 0.9, y: 1 + Math.floor(i / 5) * 0.45,
    width: 0.3, height: 0.3, radius: 0.15, angle: i * 0.1,
  })),
}), 'pile');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('determinism', () => {
  it('gives byte-identical CSV for two runs of the same scene, variant and seed', () => {
    for (const condition of ['possible', 'impossible'] as const) {
      const a = csvOf(runTrial(car, condition, { variant: 5, seed: 17 }));
      const b = csvOf(runTrial(car, condition, { variant: 5, seed: 17 }));
      expect(a).toBe(b);
      expect(a.split('\n').length).toBeGreaterThan(700);
    }
  });

  it('gives the same world whatever was simulated before (matter-js globals are reset)', () => {
    const fresh = csvOf(runTrial(pile, 'possible', { frames: 90 }));
    runTrial(car, 'impossible');
    runTrial(box, 'possible');
    expect(csvOf(runTrial(pile, 'possible', { frames: 90 }))).toBe(fresh);
    // matter-js's own ids restart too, so anything keyed on them (pair order, groups) replays.
    const idsOf = (): number[] => {
      const sim = new Simulation(resolveScene(car).world, 'possible');
      return sim.bodyIds.map((id) => sim.get(id).body.id);
    };
    const first = idsOf();
    runTrial(pile, 'impossible', { frames: 5 });
    expect(idsOf()).toEqual(first);
  });

  it('draws a different variant for a different seed or variant number, the defaults when none is given', () => {
    const base = drawParams(car, { variant: 0, seed: 1 });
    expect(drawParams(car, { variant: 0, seed: 2 })).not.toEqual(base);
    expect(drawParams(car, { variant: 1, seed: 1 })).not.toEqual(base);
    expect(drawParams(car, { variant: 0, seed: 1 })).toEqual(base);
    for (const [name, p] of Object.entries(car.params!)) {
      expect(base[name]).toBeGreaterThanOrEqual(p.min);
      expect(base[name]).toBeLessThanOrEqual(p.max);
    }
    expect(drawParams(car)).toEqual(Object.fromEntries(Object.entries(car.params!).map(([n, p]) => [n, p.default])));
    expect(csvOf(runTrial(car, 'possible', { variant: 0, seed: 2 }))).not.toBe(csvOf(runTrial(car, 'possible', { variant: 0, seed: 1 })));
  });

  it('never calls Math.random while parsing, resolving or simulating', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random was called: the core must use its seeded generator');
    });
    for (const name of ['car-off-platform', 'box-released-beyond-platform']) {
      const scene = loadRepoScene(name);
      resolveScene(scene, { variant: 3, seed: 9 });
      for (const condition of ['possible', 'impossible'] as const) runTrial(scene, condition, { variant: 3, seed: 9 });
    }
    runTrial(pile, 'possible', { frames: 60 });
    expect(random).not.toHaveBeenCalled();
  });

  it('matches the golden trajectory of the car (canonical variant, possible)', async () => {
    const csv = csvOf(runTrial(car, 'possible'));
    const [header, ...rows] = csv.trimEnd().split('\n');
    const carRows = rows.filter((row) => row.split(',')[2] === 'car');
    expect(carRows).toHaveLength(241);
    // Regenerate after a deliberate physics change with `npx vitest run -u tests/unit/determinism.test.ts`.
    await expect(`${[header, ...carRows].join('\n')}\n`).toMatchFileSnapshot('./golden/car-off-platform.csv');
  });
});
