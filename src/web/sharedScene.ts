// Opens the scene a link carries (`?shared=…`, declared in queryParams.ts): decoded, then read by the
// same parser and validator as a scene file, so a bad one is named by its JSON path and changes nothing.
import { parseSceneText } from '../scenes/parse';
import { SceneError } from '../scenes/sceneError';
import type { SceneFile } from '../scenes/schema';
import { SHARED_SCENE_PARAM, readQuery } from './queryParams';
import { decodeSceneLink } from './sceneLink';
import type { CatalogEntry } from './catalogEntry';

export type SharedScene = { text: string; scene: SceneFile; encoded: string } | { error: string };

/** The link's shared scene, null when the link carries none. */
export async function readSharedScene(search: string): Promise<SharedScene | null> {
  const { values } = readQuery({ shared: SHARED_SCENE_PARAM }, search);
  if (values.shared === undefined) {
    return new URLSearchParams(search).has('shared') ? { error: 'the shared scene in this link is not base64url text (letters, digits, - and _), so it was ignored' } : null;
  }
  try {
    const text = await decodeSceneLink(values.shared);
    return { text, scene: parseSceneText(text, 'shared scene'), encoded: values.shared };
  } catch (e) {
    return { error: e instanceof SceneError ? e.message.split('\n').join('; ') : e instanceof Error ? e.message : String(e) };
  }
}

/** The `&shared=…` a page keeps on the addresses it writes while it shows a shared scene. */
export const sharedSuffix = (shared: SharedScene | null): string => (shared && 'encoded' in shared ? `&shared=${shared.encoded}` : '');

/** The catalogue with the shared scene in it: in place of a shipped scene with the same id (a
 * studio copy keeps its original's id), else at the end. */
export function withSharedScene(catalog: readonly CatalogEntry[], shared: SharedScene | null): CatalogEntry[] {
  if (!shared || !('scene' in shared)) return [...catalog];
  const entry: CatalogEntry = { file: `shared/${shared.scene.id}.json`, id: shared.scene.id, scene: shared.scene, errors: null };
  const at = catalog.findIndex((e) => e.id === shared.scene.id);
  return at >= 0 ? catalog.map((e, i) => (i === at ? entry : e)) : [...catalog, entry];
}
