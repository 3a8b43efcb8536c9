// What `validate` accepts must simulate: bodies too small for matter-js (a 1e-6 m ball, a 1e-5 m
// car exploded at their first step while validate said "ok") and trials shorter than one frame are
// refused naming the JSON path; sizes from the 1 mm limit up simulate with finite states at every
// density the format allows.
import { describe, expect, it } from 'vitest';
import { parseSceneValue } from '../../src/scenes/parse';
import { MIN_DENSITY, MIN_SIZE_M, resolveScene } from '../../src/scenes/resolve';
import { SceneError } from '../../src/scenes/sceneError';
import { simulateTrial } from '../../src/experiment/trial';
import { testScene } from './support/trials';

/** The problems a scene is refused with ("" when accepted), as `path: message` lines. */
function refusal(scene: Record<string, unknown>): string {
  try {
    resolveScene(parseSceneValue(scene, 's.json'));
    return '';
  } catch (e) {
    if (e instanceof SceneError) return e.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    throw e;
  }
}

/** Every present body's state is finite at every frame of both twins. */
function simulatesFinite(scene: Record<string, unknown>): boolean {
  const { world } = resolveScene(parseSceneValue(scene, 's.json'));
  return (['possible', 'impossible'] as const).every((c) => simulateTrial(world, c).snapshots.every((s) =>
    s.bodies.every((b) => !b.present || [b.x, b.y, b.vx, b.vy, b.angle, b.angularVelocity].every(Number.isFinite))));
}

const ball = (radius: number, density = 10): Record<string, unknown> => ({ id: 'b', kind: 'ball', x: 2, y: 0.3 + radius, radius, density });
const car = (size: number, density = 10): Record<string, unknown> => ({ id: 'b', kind: 'car', x: 2, y: 0.3 + size / 2, width: 2 * size, height: size, density });
const box = (size: number, density = 10): Record<string, unknown> => ({ id: 'b', kind: 'box', x: 2, y: 0.3 + size / 2, width: size, height: size, density });

describe('body sizes', () => {
  it('below 1 mm are refused by path, where matter-js used to explode', () => {
    expect(refusal(testScene({ bodies: [ball(1e-6)] }))).toBe('bodies[1].radius: expected a size ≥ 0.001 m (1 mm), got 0.000001');
    expect(refusal(testScene({ bodies: [car(1e-5)] }))).toBe('bodies[1].width: expected a size ≥ 0.001 m (1 mm), got 0.00002\nbodies[1].height: expected a size ≥ 0.001 m (1 mm), got 0.00001');
    expect(refusal(testScene({ bodies: [box(0.5)], violation: { type: 'reshape', body: 'b', kind: 'ball', radius: 1e-4, trigger: { on: 'time', at: 1 } } })))
      .toBe('violation.radius: expected a size ≥ 0.001 m (1 mm), got 0.0001');
    // An expression that lands below the limit only at a range's end is caught at that end.
    expect(refusal(testScene({ params: { r: { default: 0.1, min: 1e-4, max: 0.2 } }, bodies: [{ id: 'b', kind: 'ball', x: 2, y: 1, radius: 'r' }] })))
      .toBe('bodies[1].radius: expected a size ≥ 0.001 m (1 mm), got 0.0001');
  });

  it('from 1 mm up simulate with finite states, at the lightest and a heavy density', () => {
    for (const density of [MIN_DENSITY, 10, 1e4]) {
      for (const body of [ball(MIN_SIZE_M, density), car(MIN_SIZE_M * 4.6, density), box(MIN_SIZE_M, density)]) {
        const scene = testScene({ bodies: [body] });
        expect(refusal(scene), JSON.stringify(body)).toBe('');
        expect(simulatesFinite(scene), JSON.stringify(body)).toBe(true);
      }
      const reshaped = testScene({ bodies: [box(0.5, density)], violation: { type: 'reshape', body: 'b', kind: 'ball', radius: MIN_SIZE_M, trigger: { on: 'time', at: 1 } } });
      expect(refusal(reshaped)).toBe('');
      expect(simulatesFinite(reshaped)).toBe(true);
    }
  });
});

describe('duration', () => {
  it('shorter than half a frame (no step at all) is refused; half a frame or more rounds to one', () => {
    expect(refusal({ ...testScene({}), duration: 0.001 })).toBe('duration: expected at least one frame (0.0083 s rounds up to 1/60 s), got 0.001 s: no step would be simulated');
    expect(refusal({ ...testScene({}), duration: 0.0084 })).toBe('');
  });
});
