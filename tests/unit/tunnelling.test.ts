// Sub-steps keep fast bodies from tunnelling through the thin static bodies of the shipped scenes:
// a small box fired at every platform, shelf, wall and floor, far faster than any scene moves
// anything, ends up on the side it came from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSceneText } from '../../src/scenes/parse';
import { resolveScene } from '../../src/scenes/resolve';
import { Simulation } from '../../src/sim/simulation';
import type { BodySpec, WorldSpec } from '../../src/sim/spec';
import { REPO_ROOT } from './support/trials';

const SIZE = 0.05;
const SPEEDS = [5, 10, 20];

const projectile = (x: number, y: number, vx: number, vy: number): BodySpec => ({
  id: 'projectile', kind: 'box', x, y, width: SIZE, height: SIZE, radius: SIZE / 2, wheelRadius: 0, angle: 0, isStatic: false,
  friction: 0.5, restitution: 0, density: 1, rollingResistance: 0, held: false, present: true, vx, vy,
});

/** The scene's own dynamic bodies are left out, so that only the fired box meets the target. */
const staticOnly = (world: WorldSpec): WorldSpec => ({ ...world, bodies: world.bodies.filter((b) => b.isStatic), actions: [], violation: null });

const sceneFiles = readdirSync(join(REPO_ROOT, 'scenes')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

describe('no tunnelling through the shipped scenes\' static bodies', () => {
  it('covers every shipped scene', () => expect(sceneFiles.length).toBeGreaterThan(10));
  for (const file of sceneFiles) {
    it(file, () => {
      const scene = parseSceneText(readFileSync(join(REPO_ROOT, 'scenes', file), 'utf8'), file);
      const world = staticOnly(resolveScene(scene).world);
      for (const target of world.bodies) {
        const top = target.y + target.height / 2;
        const tall = target.height > target.width;
        for (const speed of SPEEDS) {
          // Fired down onto the top from 1 m above; at a tall body (a wall) also sideways from 1 m away.
          const shots = [{ from: projectile(target.x, top + 1, 0, -speed), side: (b: { y: number }) => b.y > top }];
          if (tall) {
            const left = target.x - target.width / 2;
            shots.push({ from: projectile(left - 1, target.y, speed, 0), side: (b: { x: number }) => b.x < left } as never);
          }
          for (const shot of shots) {
            const sim = new Simulation({ ...world, bodies: [...world.bodies, shot.from], frames: 90 }, 'possible');
            for (let f = 0; f < 90; f++) sim.step();
            const b = sim.snapshot().bodies.find((s) => s.id === 'projectile')!;
            if (b.present && !shot.side(b)) expect.fail(`${file}: a ${SIZE * 100} cm box at ${speed} m/s passed through "${target.id}" (ended at x ${b.x.toFixed(3)}, y ${b.y.toFixed(3)})`);
          }
        }
      }
    });
  }
});
