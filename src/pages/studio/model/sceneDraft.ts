// The studio's document is a scene file's JSON as it stands (it may be unfinished): a blank one,
// new objects with their starting sizes, and fresh ids.
import type { SceneFile } from '../../../scenes/schema';

/** A scene being edited: the file's shape, but possibly invalid (no bodies yet, a typo in an expression). */
export type SceneDraft = Omit<SceneFile, 'bodies'> & { bodies: SceneFile['bodies'] };

/** What the palette places: the body kinds, a screen (occluder). */
export type PlaceKind = SceneFile['bodies'][number]['kind'] | 'screen';

export function blankScene(): SceneDraft {
  return {
    format: 1,
    id: 'my-scene',
    title: 'My scene',
    concept: 'free-play',
    study: { citation: 'Made in the Surprise Lab studio' },
    world: { width: 7, height: 3.5, gravity: 9.81, substeps: 4 },
    duration: 4,
    bodies: [],
  };
}

/** A copy of a shipped scene to edit, under a new id (its file stays as it is). */
export function copyOfScene(scene: SceneFile): SceneDraft {
  const copy = JSON.parse(JSON.stringify(scene)) as SceneDraft;
  return copy;
}

/** Every id the document uses (bodies and occluders share one namespace). */
export const usedIds = (doc: SceneDraft): Set<string> =>
  new Set([...doc.bodies.map((b) => b.id), ...(doc.occluders ?? []).map((o) => o.id)]);

/** `base`, or `base2`, `base3`… whichever is free. */
export function freshId(doc: SceneDraft, base: string): string {
  const used = usedIds(doc);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

const NAMES: Record<PlaceKind, string> = { ground: 'floor', platform: 'platform', box: 'box', ball: 'ball', car: 'car', wall: 'wall', screen: 'screen' };

/** The new object for a palette kind, centred at (x, y) unless the kind has its own place (a floor
 * spans the bottom of the world). Only the fields a kind needs are written: the rest keep the
 * format's defaults, so that a file made here says no more than it must. */
export function newObject(doc: SceneDraft, kind: PlaceKind, at: { x: number; y: number }): { list: 'bodies' | 'occluders'; value: Record<string, unknown> } {
  const id = freshId(doc, NAMES[kind]);
  const W = doc.world.width;
  switch (kind) {
    case 'ground': return { list: 'bodies', value: { id, kind, x: W / 2, y: 0.15, width: W, height: 0.3 } };
    case 'platform': return { list: 'bodies', value: { id, kind, x: at.x, y: at.y, width: 2, height: 1 } };
    case 'wall': return { list: 'bodies', value: { id, kind, x: at.x, y: at.y, width: 0.2, height: 1.5 } };
    case 'box': return { list: 'bodies', value: { id, kind, x: at.x, y: at.y, width: 0.4, height: 0.4 } };
    case 'ball': return { list: 'bodies', value: { id, kind, x: at.x, y: at.y, radius: 0.15 } };
    case 'car': return { list: 'bodies', value: { id, kind, x: at.x, y: at.y, width: 0.5, height: 0.25 } };
    case 'screen': return { list: 'occluders', value: { id, x: at.x, y: at.y, width: 1, height: 1.5 } };
  }
}

/** The kinds the palette offers, in its order, with their words. */
export const PLACE_KINDS: readonly { kind: PlaceKind; label: string }[] = [
  { kind: 'ground', label: 'Floor' }, { kind: 'platform', label: 'Platform' }, { kind: 'wall', label: 'Wall' },
  { kind: 'box', label: 'Box' }, { kind: 'ball', label: 'Ball' }, { kind: 'car', label: 'Car' }, { kind: 'screen', label: 'Screen' },
];
