// Reads a scene file a person dropped on the page or picked in the file dialog: a catalog entry
// for a scene that parses and builds, or the problems with it, each naming the JSON path.
// Nothing on screen changes here.
import { parseSceneText } from '../scenes/parse';
import { resolveScene } from '../scenes/resolve';
import { SceneError } from '../scenes/sceneError';
import type { CatalogEntry } from './catalogEntry';

export function readSceneFile(name: string, text: string): { entry: CatalogEntry } | { errors: string[] } {
  try {
    const scene = parseSceneText(text, name);
    // It must also build (ids that exist, sizes that make sense) before it replaces anything.
    resolveScene(scene, {}, name);
    return { entry: { file: `dropped/${name}`, id: scene.id, scene, errors: null } };
  } catch (e) {
    return { errors: e instanceof SceneError ? e.message.split('\n') : [`${name}: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
