// The gravity-only baseline: its one-step predictions and rollouts, and how it brackets support with
// constant velocity on classic pairs and stay controls, with the fall ending in view or out of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GravityOnlyPredictor } from '../../src/predictor/gravityOnly';
import { ConstantVelocityPredictor } from '../../src/predictor/predictor';
import { DV_SCALE, DW_SCALE, OUTPUTS } from '../../src/predictor/features';
import { rollout } from '../../src/predictor/rollout';
import { computeSurprise, HORIZON } from '../../src/predictor/surprise';
import type { ObjectState } from '../../src/predictor/observation';
import { parseSceneValue } from '../../src/scenes/parse';
import { runSuite, type SuiteOutput } from '../../src/experiment/suite';
import { runTrial, observations } from '../../src/experiment/trial';
import { ORACLE } from '../../src/experiment/observers';
import { STEP_S } from '../../src/sim/units';
import { runCli } from '../../src/cli/runCli';
import { LEARNER_COLOURS, modelColour, observerColour } from '../../src/web/observerColours';
import { loadRepoScene, readRepoFile, testScene } from './support/trials';

const gravity = new GravityOnlyPredictor();
const cv = new ConstantVelocityPredictor();

const object = (id: string, extra: Partial<ObjectState> = {}): ObjectState => ({
  id, kind: 'box', x: 1, y: 1, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 0.4, height: 0.4, isStatic: false, ...extra,
});

/** A box resting fully on a platform (a stay control). Possible: it stays. Impossible: at `dropTime`
 * it passes through the platform and falls. With `floor`, it lands on the floor in view; without,
 * the platform is a shelf over a drop and the box falls out of the bottom of the window. */
function boxStaysOnPlatform(floor: boolean) {
  const scene = testScene({
    id: floor ? 'box-stays-on-platform' : 'box-stays-on-shelf',
    concept: 'support',
    duration: 3,
    params: {
      platformHeight: { default: 1, min: 0.7, max: 1.3 },
      boxSize: { default: 0.4, min: 0.3, max: 0.5 },
      boxX: { default: 2, min: 1.6, max: 2.4 },
      dropTime: { default: 1.2, min: 1, max: 1.5 },
    },
    bodies: [
      floor
        ? { id: 'platform', kind: 'platform', x: 2, y: '0.3 + platformHeight / 2', width: 1.6, height: 'platformHeight' }
        : { id: 'platform', kind: 'platform', x: 2, y: '0.3 + platformHeight - 0.1', width: 1.6, height: 0.2 },
      { id: 'box', kind: 'box', x: 'boxX', y: '0.3 + platformHeight + boxSize / 2', width: 'boxSize', height: 'boxSize' },
    ],
    violation: { type: 'pass-through', body: 'box', other: 'platform', trigger: { on: 'time', at: 'dropTime' } },
  });
  if (!floor) scene.bodies = (scene.bodies as { id: string }[]).filter((b) => b.id !== 'floor');
  return parseSceneValue(scene, String(scene.id));
}

/** The classic pair with the platform on the edge of a drop: the possible car falls out of view. */
function carOffCliff() {
  const car = JSON.parse(JSON.stringify(loadRepoScene('car-off-platform'))) as { id: string; bodies: { id: string }[] };
  car.id = 'car-off-cliff';
  car.bodies = car.bodies.filter((b) => b.id !== 'floor');
  return parseSceneValue(car, 'car-off-cliff');
}

describe('gravity-only predictions', () => {
  it('predicts one step of free fall for every object: Δvy = −g·dt, no Δvx, no spin change', () => {
    const p = gravity.predict([[object('a'), object('b', { vx: 2, vy: -1, angularVelocity: 3 })], [object('c')]]);
    expect(p.n).toBe(2);
    for (let k = 0; k < 2 * p.n * OUTPUTS; k += OUTPUTS) {
      expect(p.mean[k]).toBe(0);
      expect(p.mean[k + 1]).toBe(Math.fround(-9.81 * STEP_S));
      expect(p.mean[k + 2]).toBe(0);
    }
  });

  it('has the spread of constant velocity (one step of free fall per axis): the same principle, the other half of support', () => {
    const frames = [[object('a'), object('b', { vx: 1 })]];
    const g = gravity.predict(frames);
    const c = cv.predict(frames);
    expect(Array.from(g.variance)).toEqual(Array.from(c.variance));
    expect(g.variance[0]).toBe(Math.fround(DV_SCALE * DV_SCALE));
    expect(g.variance[2]).toBe(Math.fround(DW_SCALE * DW_SCALE));
    // Their means differ only in the vertical: constant velocity expects no fall.
    expect(Array.from(c.mean).every((v) => v === 0)).toBe(true);
  });

  it('rolls a resting box down in free fall and leaves static objects where they are', () => {
    const table = object('table', { isStatic: true, y: 0.5, width: 2, height: 1 });
    const [r] = rollout(gravity, [[table, object('box', { x: 0.3, y: 1.2, vx: 0.6 })]], HORIZON);
    const box = r!.state[1]!;
    expect(r!.state[0]).toEqual(table);
    // Semi-implicit Euler: after n steps vy = −n·g·dt and the drop is g·dt²·n(n+1)/2, whatever lies below.
    const g = Math.fround(-9.81 * STEP_S);
    expect(box.vy).toBeCloseTo(HORIZON * g, 9);
    expect(box.y).toBeCloseTo(1.2 + g * STEP_S * (HORIZON * (HORIZON + 1)) / 2, 9);
    expect(box.x).toBeCloseTo(0.3 + 0.6 * HORIZON * STEP_S, 9);
    expect(box.angularVelocity).toBe(0);
  });

  it('is not surprised by an object falling in the open, and constant velocity is', () => {
    const scene = parseSceneValue(testScene({ duration: 0.6, bodies: [{ id: 'ball', kind: 'ball', x: 3, y: 2.8, radius: 0.1 }] }), 'free-fall');
    const frames = observations(runTrial(scene, 'possible', undefined, 0));
    const g = computeSurprise(gravity, frames);
    const c = computeSurprise(cv, frames);
    for (let t = HORIZON; t < frames.length; t++) {
      expect(g.total[t]!, `frame ${t}`).toBeLessThan(1);
      expect(c.total[t]!, `frame ${t}`).toBeGreaterThan(50);
    }
  });
});

describe('gravity-only and constant velocity bracket support', () => {
  const pairs = 12;
  const stay = boxStaysOnPlatform(true);
  let out: SuiteOutput;
  beforeAll(() => {
    out = runSuite({ scenes: [loadRepoScene('car-off-platform'), stay, carOffCliff(), boxStaysOnPlatform(false)], observers: [gravity, cv, ORACLE], pairs, seed: 13 });
  }, 300_000);
  const result = (scene: string, model: string) => out.results.find((r) => r.scene === scene && r.model === model)!;

  it('the stay control really is one: the possible box stays on the platform, the impossible one falls to the floor', () => {
    const possible = runTrial(stay, 'possible', 0, 13);
    const impossible = runTrial(stay, 'impossible', 0, 13);
    const y = (run: typeof possible) => run.snapshots.map((s) => s.bodies.find((b) => b.id === 'box')!.y);
    const top = 0.3 + possible.params.platformHeight! + possible.params.boxSize! / 2;
    for (const v of y(possible)) expect(Math.abs(v - top)).toBeLessThan(0.01);
    expect(y(impossible).at(-1)!).toBeCloseTo(0.3 + possible.params.boxSize! / 2, 1);
    expect(impossible.onsetFrame).toBe(Math.round(possible.params.dropTime! * 60));
  });

  const accuracy = (scene: string, model: string): number => result(scene, model).pairwise_accuracy;

  it('where the fall ends out of view, gravity-only passes the classic pair and fails the stay control', () => {
    // Car off a cliff: the floating car surprises it, the falling one does not.
    expect(accuracy('car-off-cliff', 'gravity-only')).toBe(1);
    // Box on a shelf: the box that stays surprises it more than the one that drops through and away.
    expect(accuracy('box-stays-on-shelf', 'gravity-only')).toBe(0);
    // Constant velocity the other way round: the bracket.
    expect(accuracy('car-off-cliff', 'constant-velocity')).toBe(0);
    expect(accuracy('box-stays-on-shelf', 'constant-velocity')).toBe(1);
  });

  it('where the fall ends on the floor in view, the landing it cannot foresee decides: it fails the classic pair and passes the stay control', () => {
    // A rollout started mid-fall expects the object on through the floor: up to ~2 m off, ~10x the
    // cost of a float (a steady 0.57 m miss), so the possible car costs it more than the floating one.
    expect(accuracy('car-off-platform', 'gravity-only')).toBe(0);
    expect(result('car-off-platform', 'gravity-only').mean_score_possible).toBeGreaterThan(result('car-off-platform', 'gravity-only').mean_score_impossible);
    expect(accuracy('box-stays-on-platform', 'gravity-only')).toBe(1);
    expect(accuracy('car-off-platform', 'constant-velocity')).toBe(0);
    expect(accuracy('box-stays-on-platform', 'constant-velocity')).toBe(1);
  });

  it('only the ideal observer, which knows support, passes all four', () => {
    for (const scene of ['car-off-platform', 'box-stays-on-platform', 'car-off-cliff', 'box-stays-on-shelf']) {
      expect(accuracy(scene, 'oracle'), scene).toBe(1);
      expect(result(scene, 'gravity-only').pairs).toBe(pairs);
    }
  });
});

describe('gravity-only in the command line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'surprise-lab-gravity-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const lab = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '', stderr = '';
    const code = await runCli(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { code, stdout, stderr };
  };

  it('`models` lists it beside constant velocity, and `run --model gravity-only` scores with it', async () => {
    const models = await lab('models');
    expect(models.stdout.split('\n').map((l) => l.split('\t')[0])).toContain('gravity-only');
    const run = await lab('run', '--scene', 'scenes/car-off-platform.json', '--condition', 'possible', '--frames', '30', '--model', 'gravity-only');
    expect(run.code, run.stderr).toBe(0);
    // The car rests on the platform at frame 30: gravity-only expected it ~0.57 m lower (about 99 nats).
    const car = run.stdout.trim().split('\n').filter((l) => l.startsWith('30,') && l.includes(',car,'))[0]!;
    expect(Number(car.split(',').at(-1))).toBeGreaterThan(90);
  });

  it('`suite --models gravity-only,...` and `plan --model gravity-only` take it', async () => {
    const suite = await lab('suite', '--scenes', 'scenes/car-off-platform.json', '--models', 'gravity-only,constant-velocity', '--pairs', '2', '--out', join(tmp, 'suite'));
    expect(suite.code, suite.stderr).toBe(0);
    expect(suite.stdout).toMatch(/^car-off-platform\tgravity-only\taccuracy /m);
    const plan = await lab('plan', '--model', 'gravity-only', '--tasks', '1', '--family', 'basket', '--population', '6', '--elites', '2', '--iterations', '2', '--chance', '2', '--out', join(tmp, 'plan'));
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout.split('\n')[0]!.split('\t')[0]).toBe('gravity-only');
  });
});

describe('gravity-only on the pages', () => {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string): number => {
    const [lo, hi] = [luminance(a), luminance(b)].sort((x, y) => x - y);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it('has its own colour, the same on every screen, readable on the page background (≥ 3:1)', () => {
    const bg = /--bg:\s*(#[0-9a-f]{6})/i.exec(readRepoFile('src/pages/playground/playground.css'))![1]!;
    const choice = { id: 'gravity-only', kind: 'gravity-only' as const, experienceFrames: 0, label: 'gravity only', note: '' };
    const cvChoice = { ...choice, id: 'constant-velocity', kind: 'constant-velocity' as const };
    const colour = modelColour(choice, [choice, cvChoice]);
    expect(colour).toBe(observerColour({ model: 'gravity-only', kind: 'gravity-only', experience_frames: 0 }, []));
    expect(colour).not.toBe(modelColour(cvChoice, [choice, cvChoice]));
    expect(LEARNER_COLOURS).not.toContain(colour);
    expect(contrast(colour, bg)).toBeGreaterThanOrEqual(3);
  });
});
