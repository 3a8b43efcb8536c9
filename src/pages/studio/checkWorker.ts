// The live scene checks (`lab check`'s findSceneProblems) off the page's thread, so that the stage
// stays quick while a sample of variants runs after each edit.
import { findSceneProblems, type SceneProblem } from '../../experiment/sceneCheck';
import type { SceneFile } from '../../scenes/schema';

export interface CheckRequest { id: number; scene: SceneFile; seed: number; variants: number }
export type CheckReply = { id: number; problems: SceneProblem[] } | { id: number; error: string };

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, scene, seed, variants } = e.data;
  let reply: CheckReply;
  try {
    reply = { id, problems: findSceneProblems(scene, { variants, seed }) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
