// One scene file as the page knows it: the parsed scene, or the errors that kept it out.
import type { SceneFile } from '../scenes/schema';

export interface CatalogEntry {
  /** The file it came from, e.g. `scenes/car-off-platform.json`. */
  file: string;
  /** The scene's id, or the file name (without .json) when the file did not parse. */
  id: string;
  scene: SceneFile | null;
  /** One line per problem, each naming the JSON path (null when the scene is fine). */
  errors: string[] | null;
}
