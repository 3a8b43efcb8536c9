// Reads scene files from disk for the CLI: file errors become BadInput naming the file.
import { MAX_SCENE_BYTES, parseSceneText } from '../scenes/parse';
import type { SceneFile } from '../scenes/schema';
import { describeFsError, readRegularFile } from './regularFile';
import { decodeJsonBytes } from '../scenes/jsonText';

/** Reads a scene file's text: only a regular file (a pipe or device would block), refusing files far too
 * big to be a scene without reading them. UTF-8, or UTF-16 with its byte-order mark (decodeJsonBytes). */
export function readSceneText(file: string): string {
  // A UTF-8 byte is at least a third of a UTF-16 code unit, so this only skips certain refusals;
  // parseSceneText makes the exact check (and writes the message) for everything smaller.
  // The limit is in characters (parseSceneText): say so in the same words as it does.
  const bytes = readRegularFile(file, 'a scene file', 3 * MAX_SCENE_BYTES, `${MAX_SCENE_BYTES / 1e6} MB`);
  return decodeJsonBytes(bytes);
}

/** The file each scene id was read from in this run, so that a problem met later, in a trial of a
 * suite, a study or a development run (where only the scene is at hand), names the file. */
const filesById = new Map<string, string>();

/** Reads and checks a scene file, keeping its text (a study records it); throws BadInput (file
 * problems) or SceneError (content problems). */
export function loadSceneFileText(file: string): { scene: SceneFile; text: string } {
  const text = readSceneText(file);
  const scene = parseSceneText(text, file);
  filesById.set(scene.id, file);
  return { scene, text };
}

/** Reads and checks a scene file; throws BadInput (file problems) or SceneError (content problems). */
export function loadSceneFile(file: string): SceneFile {
  return loadSceneFileText(file).scene;
}

/** The file a scene with this id was loaded from by loadSceneFile (undefined: none). */
export function sceneFileOf(id: string): string | undefined {
  return filesById.get(id);
}

export { describeFsError };
