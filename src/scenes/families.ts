// Scenes and their controls: a scene file may say `"control_of": "<scene id>"`; these helpers keep
// each control next to the scene it controls (suite order, tables) and check the link.
import type { SceneFile } from './schema';
import type { SceneIssue } from './sceneError';

type Linked = Pick<SceneFile, 'id' | 'concept' | 'control_of'>;

/** Each scene followed by its controls (in their given order); scenes whose partner is not in the
 * list keep their place. Stable: a list without controls comes back unchanged. */
export function orderWithControls<S extends Pick<Linked, 'id' | 'control_of'>>(scenes: readonly S[]): S[] {
  const ids = new Set(scenes.map((s) => s.id));
  const isPlacedByPartner = (s: S): boolean => s.control_of !== undefined && s.control_of !== s.id && ids.has(s.control_of);
  const out: S[] = [];
  for (const s of scenes) {
    if (isPlacedByPartner(s)) continue;
    out.push(s, ...scenes.filter((c) => c.control_of === s.id && isPlacedByPartner(c)));
  }
  return out;
}

/** The scene a control belongs to and its controls, by id: `{ "car-off-platform": ["car-stops-on-platform"] }`. */
export function controlsByScene(scenes: readonly Linked[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of scenes) {
    if (!s.control_of) continue;
    out.set(s.control_of, [...(out.get(s.control_of) ?? []), s.id]);
  }
  return out;
}

/** What is wrong with a control's link, given its partner's file (undefined: not found). A control
 * names another scene of the same concept, and that scene is not itself a control. */
export function controlLinkIssues(scene: Linked, partner: Linked | undefined, where: string): SceneIssue[] {
  if (!scene.control_of) return [];
  const path = 'control_of';
  if (scene.control_of === scene.id) return [{ path, message: 'a scene cannot be its own control' }];
  if (!partner) return [{ path, message: `no scene "${scene.control_of}" beside this file (expected ${where})` }];
  if (partner.id !== scene.control_of) return [{ path, message: `${where} has id "${partner.id}", not "${scene.control_of}"` }];
  if (partner.concept !== scene.concept) return [{ path, message: `"${partner.id}" is about ${partner.concept}, this scene about ${scene.concept}: a control tests the same concept` }];
  if (partner.control_of) return [{ path, message: `"${partner.id}" is itself a control (of "${partner.control_of}"): name the scene it controls` }];
  return [];
}
