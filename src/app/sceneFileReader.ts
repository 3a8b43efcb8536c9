// Reads a scene file a person dropped on the page or picked in the file dialog: a catalog entry,
// or the problems with it, each naming the JSON path. Nothing on screen changes here.
import { parseSceneText } from '../scenes/parse';
import { SceneError } from '../scenes/sceneError';
import type { CatalogEntry } from '../store/catalogEntry';

export function readSceneFile(name: string, text: string): { entry: CatalogEntry } | { errors: string[] } {
  try {
    const scene = parseSceneText(text, name);
    return { entry: { file: `dropped/${name}`, id: scene.id, scene, errors: null } };
  } catch (e) {
    return { errors: e instanceof SceneError ? e.message.split('\n') : [`${name}: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
