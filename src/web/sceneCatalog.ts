// Turns the raw texts of scenes/*.json into catalog entries: parsed scenes, or their errors.
// A bad file becomes an entry that lists its problems; it never stops the other scenes loading.
import { parseSceneText } from '../scenes/parse';
import { SceneError } from '../scenes/sceneError';
import type { CatalogEntry } from './catalogEntry';

/** `files` maps a path such as `/scenes/x.json` to the file's text. */
export function buildCatalog(files: Record<string, string>): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const path of Object.keys(files).sort()) {
    const file = path.replace(/^\//, '');
    const base = file.replace(/^.*\//, '').replace(/\.json$/, '');
    try {
      const scene = parseSceneText(files[path] ?? '', file);
      if (seen.has(scene.id)) {
        entries.push({ file, id: base, scene: null, errors: [`${file}: id: "${scene.id}" is already used by another scene file`] });
        continue;
      }
      seen.add(scene.id);
      entries.push({ file, id: scene.id, scene, errors: null });
    } catch (e) {
      const errors = e instanceof SceneError ? e.message.split('\n') : [`${file}: ${e instanceof Error ? e.message : String(e)}`];
      entries.push({ file, id: base, scene: null, errors });
    }
  }
  return entries;
}
