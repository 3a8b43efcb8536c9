// What every drawn body is: a pixi Container built once, then only moved, turned and scaled.
import type { Container } from 'pixi.js';
import type { BodyState } from '../sim/snapshot';
import type { BodySpec } from '../sim/spec';
import { designPosition } from './designUnits';

export interface BodyNode {
  readonly id: string;
  readonly view: Container;
  /** Every frame, with the body's blended state: changes transforms only. */
  update(state: BodyState): void;
}

/** Puts a body's view where its state says: centre, angle (SI counter-clockwise → screen), size
 * relative to the size it was drawn at (a resize violation), hidden when absent from the world. */
export function placeView(view: Container, spec: BodySpec, worldHeight: number, s: BodyState): void {
  view.visible = s.present;
  if (!s.present) return;
  const p = designPosition(worldHeight, s.x, s.y);
  view.position.set(p.x, p.y);
  view.rotation = -s.angle;
  const drawnW = spec.kind === 'ball' ? spec.radius * 2 : spec.width;
  const k = drawnW > 0 ? s.width / drawnW : 1;
  if (view.scale.x !== k) view.scale.set(k);
}
