// The camera's band: as high as a trial reaches (both conditions) plus headroom, never above the world.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { usedHeight } from '../../src/render/sceneExtent';
import { fitBand, toScreenY, toWorldY } from '../../src/render/viewTransform';
import { resolveScene } from '../../src/scenes/resolve';
import { simulateTrial } from '../../src/experiment/trial';

const scene = (id: string) => resolveScene(JSON.parse(readFileSync(`scenes/${id}.json`, 'utf8')), {}).world;

describe('usedHeight', () => {
  it('crops the empty sky of the car scene but keeps the car and its headroom', () => {
    const world = scene('car-off-platform');
    const trials = [simulateTrial(world, 'possible').snapshots, simulateTrial(world, 'impossible').snapshots];
    const band = usedHeight(world, trials);
    const carTop = Math.max(...trials.flat().map((s) => s.bodies.find((b) => b.id === 'car')!).map((c) => c.y + c.height / 2));
    expect(band).toBeLessThan(world.height * 0.75);
    expect(band).toBeGreaterThanOrEqual(carTop + 0.5);
  });

  it('keeps the whole world when a body goes that high', () => {
    const world = scene('car-off-platform');
    const high = simulateTrial(world, 'possible', 1).snapshots.map((s) => ({ ...s, bodies: s.bodies.map((b) => (b.id === 'car' ? { ...b, y: world.height - 0.1 } : b)) }));
    expect(usedHeight(world, [high])).toBe(world.height);
  });
});

describe('fitBand', () => {
  it('puts the floor on the bottom edge and the band top on the top edge of a canvas of the band\'s aspect', () => {
    const t = fitBand(7, 3.5, 2, 700, 200);
    expect(toScreenY(t, 0)).toBeCloseTo(200, 9);
    expect(toScreenY(t, 2)).toBeCloseTo(0, 9);
    expect(toWorldY(t, toScreenY(t, 1.234))).toBeCloseTo(1.234, 9);
  });
});
