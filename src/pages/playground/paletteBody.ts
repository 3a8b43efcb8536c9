// A new body for free play (box, ball or car), with the scene format's defaults: it is resolved
// through the same code as a scene file, so it behaves exactly like one written by hand.
import { parseSceneValue } from '../../scenes/parse';
import { resolveScene } from '../../scenes/resolve';
import type { BodySpec, WorldSpec } from '../../sim/spec';
import type { PaletteKind } from '../../ui/commands';

const SHAPES: Record<PaletteKind, Record<string, number | string>> = {
  box: { width: 0.36, height: 0.36, color: '#3a86c8' },
  ball: { radius: 0.16, restitution: 0.35, color: '#2a9d8f' },
  car: { width: 0.5, height: 0.25, wheelRadius: 0.07, color: '#e4572e' },
};

/** A body of `kind` dropped in from above, at a spot that depends only on how many were added. */
export function paletteBody(world: WorldSpec, kind: PaletteKind, taken: readonly string[], count: number): BodySpec {
  let n = 1;
  while (taken.includes(`${kind}${n}`)) n++;
  const id = `${kind}${n}`;
  // Spread drops across the middle of the world: 0.5, 0.3, 0.7, 0.4, 0.6 … of its width.
  const spots = [0.5, 0.32, 0.68, 0.41, 0.59, 0.24, 0.76];
  const x = world.width * spots[count % spots.length]!;
  const y = Math.max(world.height - 0.45, 0.5);
  const scene = parseSceneValue({
    format: 1, id: 'palette', title: 'palette', concept: 'free-play', study: { citation: 'palette' },
    world: { width: world.width, height: world.height, gravity: world.gravity, substeps: world.substeps },
    duration: 1,
    bodies: [{ id, kind, x, y, ...SHAPES[kind] }],
  }, 'palette');
  return resolveScene(scene).world.bodies[0]!;
}
