// Picks the drawing for a body by its kind.
import type { BodySpec } from '../sim/spec';
import type { BodyNode } from './bodyNode';
import { createBallNode } from './ballNode';
import { createBlockNode } from './blockNode';
import { createCarNode } from './carNode';
import { createGroundNode } from './groundNode';
import { createPlatformNode } from './platformNode';

export function createBodyNode(spec: BodySpec, worldHeight: number): BodyNode {
  switch (spec.kind) {
    case 'car': return createCarNode(spec, worldHeight);
    case 'platform': return createPlatformNode(spec, worldHeight);
    case 'ground': return createGroundNode(spec, worldHeight);
    case 'ball': return createBallNode(spec, worldHeight);
    case 'box':
    case 'wall': return createBlockNode(spec, worldHeight);
  }
}
