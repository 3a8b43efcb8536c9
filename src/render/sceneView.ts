// The scene drawn with pixi: builds every body's drawing once per trial, then each frame moves
// them to the snapshot blended at alpha. A thin view: it reads snapshots, it never steps physics.
import { Container, type Application } from 'pixi.js';
import type { WorldSnapshot } from '../sim/snapshot';
import type { WorldSpec } from '../sim/spec';
import type { BodyNode } from './bodyNode';
import { createBodyNode } from './createBodyNode';
import { worldLayerTransform } from './designUnits';
import { createHandNode, type HandNode } from './handNode';
import { isHandAction } from './handPose';
import { blendBody, blendTime } from './interpolate';
import { createOccluderNode } from './occluderNode';
import { fitWorld, type ViewTransform } from './viewTransform';

export class SceneView {
  private readonly app: Application;
  private readonly world = new Container({ label: 'world' });
  private readonly staticLayer = new Container({ label: 'static' });
  private readonly dynamicLayer = new Container({ label: 'dynamic' });
  private readonly occluderLayer = new Container({ label: 'occluders' });
  private readonly handLayer = new Container({ label: 'hands' });
  private nodes = new Map<string, BodyNode>();
  private hands: { node: HandNode; bodyId: string }[] = [];
  private spec: WorldSpec | null = null;
  private size = { width: 1, height: 1 };
  private view: ViewTransform = fitWorld(1, 1, 1, 1);

  constructor(app: Application) {
    this.app = app;
    this.world.addChild(this.staticLayer, this.dynamicLayer, this.occluderLayer, this.handLayer);
    app.stage.addChild(this.world);
  }

  /** The current world → screen transform (CSS pixels relative to the canvas). */
  get transform(): ViewTransform {
    return this.view;
  }

  /** Builds the drawings for a new trial's world (once; frames only move them). */
  show(spec: WorldSpec): void {
    for (const layer of [this.staticLayer, this.dynamicLayer, this.occluderLayer, this.handLayer]) {
      for (const child of layer.removeChildren()) child.destroy({ children: true });
    }
    this.spec = spec;
    this.nodes = new Map();
    for (const b of spec.bodies) {
      const node = createBodyNode(b, spec.height);
      (b.isStatic ? this.staticLayer : this.dynamicLayer).addChild(node.view);
      this.nodes.set(b.id, node);
    }
    for (const o of spec.occluders) this.occluderLayer.addChild(createOccluderNode(o, spec.height));
    this.hands = spec.actions.filter(isHandAction).map((a) => {
      const node = createHandNode(a, spec.height);
      this.handLayer.addChild(node.view);
      return { node, bodyId: a.body };
    });
    this.layout();
  }

  resize(width: number, height: number): void {
    this.size = { width: Math.max(width, 1), height: Math.max(height, 1) };
    this.layout();
  }

  /** Moves every drawing to the state `alpha` of the way from `before` to `after`. */
  draw(before: WorldSnapshot, after: WorldSnapshot, alpha: number): void {
    for (let i = 0; i < after.bodies.length; i++) {
      const node = this.nodes.get(after.bodies[i]!.id);
      const state = node ? blendBody(before, after, i, alpha) : null;
      if (node && state) node.update(state);
    }
    if (this.hands.length === 0) return;
    const t = blendTime(before, after, alpha);
    for (const hand of this.hands) {
      const i = after.bodies.findIndex((b) => b.id === hand.bodyId);
      hand.node.update(i >= 0 ? blendBody(before, after, i, alpha) ?? undefined : undefined, t);
    }
  }

  private layout(): void {
    if (!this.spec) return;
    this.view = fitWorld(this.spec.width, this.spec.height, this.size.width, this.size.height);
    const layer = worldLayerTransform(this.view);
    this.world.position.set(layer.x, layer.y);
    this.world.scale.set(layer.scale);
  }
}
