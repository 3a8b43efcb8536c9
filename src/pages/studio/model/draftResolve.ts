// The document as the simulator sees it: validated by the scene schema and meaning checks (the same
// ones `lab validate` runs), resolved to a world, and its first frame; or the problems, by JSON path.
import { parseSceneValue } from '../../../scenes/parse';
import { resolveScene } from '../../../scenes/resolve';
import { SceneError, type SceneIssue } from '../../../scenes/sceneError';
import type { SceneFile } from '../../../scenes/schema';
import type { WorldSpec } from '../../../sim/spec';
import type { WorldSnapshot } from '../../../sim/snapshot';
import { Simulation } from '../../../sim/simulation';
import type { SceneDraft } from './sceneDraft';

export type Resolution =
  | { ok: true; scene: SceneFile; world: WorldSpec; first: WorldSnapshot }
  | { ok: false; issues: SceneIssue[] };

const issuesOf = (e: unknown): SceneIssue[] => (e instanceof SceneError ? e.issues : [{ path: '', message: e instanceof Error ? e.message : String(e) }]);

export function resolveDraft(doc: SceneDraft): Resolution {
  if (doc.bodies.length === 0) return { ok: false, issues: [{ path: 'bodies', message: 'the stage is empty: place a body (a floor, a platform, a ball…) from the palette' }] };
  try {
    const scene = parseSceneValue(doc, 'scene');
    const { world } = resolveScene(scene);
    return { ok: true, scene, world, first: new Simulation(world, 'possible').snapshot() };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}

/** The worlds of `count` variants drawn with `seed` (for the onion-skin); none if they do not resolve. */
export function variantWorlds(scene: SceneFile, seed: number, count: number): WorldSpec[] {
  if (Object.keys(scene.params ?? {}).length === 0) return [];
  try {
    return Array.from({ length: count }, (_, variant) => resolveScene(scene, { variant, seed }).world);
  } catch {
    return [];
  }
}
