// The scene drawn with pixi: builds every body's drawing once (and once more for a body added in
// free play), then each frame moves them to the snapshot blended at alpha, with the observer's
// ghost, the glow of surprise and the selection on top. A thin view: it never steps physics.
import { Container, type Application } from 'pixi.js';
import type { WorldSnapshot } from '../sim/snapshot';
import type { BodySpec, OccluderSpec, WorldSpec } from '../sim/spec';
import { occluderRectAt } from '../sim/occluders';
import { STEP_S } from '../sim/units';
import type { GhostDivergence } from '../experiment/ghostDivergence';
import type { Ghost } from './ghost';
import type { BodyNode } from './bodyNode';
import { createBodyNode } from './createBodyNode';
import { designPosition, markScale, worldLayerTransform } from './designUnits';
import { GhostLayer } from './ghostLayer';
import { createHandNode, type HandNode } from './handNode';
import { isHandAction } from './handPose';
import { blendBody, blendTime } from './interpolate';
import { createOccluderNode } from './occluderNode';
import { createGlowNode, type GlowNode } from './surpriseGlow';
import { createSelectionNode, type SelectionNode } from './selectionNode';
import { fitBand, fitWorld, type ViewTransform } from './viewTransform';

export interface Overlays {
  /** Body id → 0..1: how strongly it glows (its surprise for the observer in focus). */
  glow: ReadonlyMap<string, number>;
  ghost: Ghost | null;
  /** How far the ghost strayed where the real frames are known; `ghostVersion` changes with either
   * (pages without a ghost leave both out). */
  ghostJudged?: GhostDivergence | null;
  ghostVersion?: string;
  /** The frame on screen (the ghost shows its expectation for this frame onward). */
  frame: number;
  selected: string | null;
}

export class SceneView {
  private readonly world = new Container({ label: 'world' });
  private readonly staticLayer = new Container({ label: 'static' });
  private readonly glowLayer = new Container({ label: 'glow' });
  private readonly dynamicLayer = new Container({ label: 'dynamic' });
  private readonly ghostLayer = new GhostLayer();
  private readonly occluderLayer = new Container({ label: 'occluders' });
  private readonly selectionLayer = new Container({ label: 'selection' });
  private readonly handLayer = new Container({ label: 'hands' });
  private nodes = new Map<string, { body: BodyNode; glow: GlowNode | null }>();
  private hands: { node: HandNode; bodyId: string }[] = [];
  private screens: { spec: OccluderSpec; view: Container }[] = [];
  private selection: SelectionNode | null = null;
  private spec: WorldSpec | null = null;
  /** markScale of the world shown: how big ghost dots, halos, selection corners and hands are drawn. */
  private marks = 1;
  private specOf: (id: string) => BodySpec | undefined = () => undefined;
  private size = { width: 1, height: 1 };
  private band = Number.POSITIVE_INFINITY;
  private view: ViewTransform = fitWorld(1, 1, 1, 1);

  constructor(app: Application) {
    this.world.addChild(this.staticLayer, this.glowLayer, this.dynamicLayer, this.ghostLayer.view, this.occluderLayer, this.selectionLayer, this.handLayer);
    app.stage.addChild(this.world);
  }

  /** The current world → screen transform (CSS pixels relative to the canvas). */
  get transform(): ViewTransform {
    return this.view;
  }

  /** Builds the drawings for a new trial's world. `specOf` gives the spec of a body added later;
   * `viewHeight` (m) is the band from the floor up that the camera fits (default: the whole world). */
  show(spec: WorldSpec, specOf: (id: string) => BodySpec | undefined, viewHeight = spec.height): void {
    this.band = viewHeight;
    for (const layer of [this.staticLayer, this.glowLayer, this.dynamicLayer, this.occluderLayer, this.selectionLayer, this.handLayer]) {
      for (const child of layer.removeChildren()) child.destroy({ children: true });
    }
    this.spec = spec;
    this.specOf = specOf;
    this.nodes = new Map();
    this.selection = null;
    this.marks = markScale(spec.width, spec.height);
    this.ghostLayer.reset(spec.height, this.marks);
    for (const b of spec.bodies) this.addNode(b);
    this.screens = spec.occluders.map((o) => {
      const view = createOccluderNode(o, spec.height);
      this.occluderLayer.addChild(view);
      return { spec: o, view };
    });
    this.hands = spec.actions.filter(isHandAction).map((a) => {
      const node = createHandNode(a, spec.height, this.marks);
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
  draw(before: WorldSnapshot, after: WorldSnapshot, alpha: number, overlays: Overlays): void {
    this.syncBodies(after);
    let selectedState;
    for (let i = 0; i < after.bodies.length; i++) {
      const id = after.bodies[i]!.id;
      const node = this.nodes.get(id);
      const state = node ? blendBody(before, after, i, alpha) : null;
      if (!node || !state) continue;
      node.body.update(state);
      node.glow?.update(state, overlays.glow.get(id) ?? 0);
      if (id === overlays.selected) selectedState = state;
    }
    this.drawSelection(overlays.selected, selectedState);
    this.drawScreens(blendTime(before, after, alpha) / STEP_S);
    this.ghostLayer.draw(overlays.ghost, overlays.frame, overlays.ghostJudged ?? null, overlays.ghostVersion ?? `${overlays.ghost?.start}|${overlays.ghost?.built}`);
    if (this.hands.length === 0) return;
    const t = blendTime(before, after, alpha);
    for (const hand of this.hands) {
      const i = after.bodies.findIndex((b) => b.id === hand.bodyId);
      hand.node.update(i >= 0 ? blendBody(before, after, i, alpha) ?? undefined : undefined, t);
    }
  }

  /** Screens that rise, lower or slide: placed and stretched to their rectangle at this (fractional) frame. */
  private drawScreens(frame: number): void {
    if (!this.spec) return;
    for (const { spec, view } of this.screens) {
      if (!spec.moves || spec.moves.length === 0) continue;
      const rect = occluderRectAt(spec, frame);
      const p = designPosition(this.spec.height, rect.x, rect.y);
      view.position.set(p.x, p.y);
      view.scale.set(rect.width / spec.width, rect.height / spec.height);
    }
  }

  private drawSelection(id: string | null, state: Parameters<SelectionNode['update']>[0]): void {
    if (this.selection && (this.selection.id !== id || !state)) {
      this.selection.view.destroy({ children: true });
      this.selection = null;
    }
    if (!id || !state || !this.spec) return;
    this.selection ??= (() => {
      const node = createSelectionNode(state, this.spec!.height, this.marks);
      this.selectionLayer.addChild(node.view);
      return node;
    })();
    this.selection.update(state);
  }

  private addNode(b: BodySpec): void {
    if (!this.spec) return;
    const body = createBodyNode(b, this.spec.height);
    (b.isStatic ? this.staticLayer : this.dynamicLayer).addChild(body.view);
    let glow: GlowNode | null = null;
    if (!b.isStatic) {
      const w = b.kind === 'ball' ? b.radius * 2 : b.width;
      const h = b.kind === 'ball' ? b.radius * 2 : b.height;
      glow = createGlowNode(b.kind, w, h, this.spec.height, this.marks);
      this.glowLayer.addChild(glow.view);
    }
    this.nodes.set(b.id, { body, glow });
  }

  /** Bodies added or removed in free play (or by stepping back past such a change). */
  private syncBodies(snap: WorldSnapshot): void {
    if (snap.bodies.length === this.nodes.size && snap.bodies.every((b) => this.nodes.has(b.id))) return;
    const ids = new Set(snap.bodies.map((b) => b.id));
    for (const [id, node] of this.nodes) {
      if (ids.has(id)) continue;
      node.body.view.destroy({ children: true });
      node.glow?.view.destroy({ children: true });
      this.nodes.delete(id);
    }
    for (const b of snap.bodies) {
      if (this.nodes.has(b.id)) continue;
      const spec = this.specOf(b.id);
      if (spec) this.addNode(spec);
    }
  }

  private layout(): void {
    if (!this.spec) return;
    this.view = fitBand(this.spec.width, this.spec.height, this.band, this.size.width, this.size.height);
    const layer = worldLayerTransform(this.view);
    this.world.position.set(layer.x, layer.y);
    this.world.scale.set(layer.scale);
  }
}
