// A concept scored over its whole design: it is passed only when every one of its scenes (both
// directions of the violation, and the controls where the object stays) is passed on its own.
import type { SuiteResult } from './suite';

/** A scene is passed at this pairwise accuracy or more, with its interval's lower end above chance. */
export const SCENE_PASS = 0.8;

export interface SceneVerdict {
  scene: string;
  pairwise_accuracy: number;
  pairwise_ci95: [number, number];
  passed: boolean;
}

export interface ConceptVerdict {
  /** One per scene of the concept, in scene-id order. */
  scenes: SceneVerdict[];
  scenes_passed: number;
  /** Every scene passed: the concept is acquired at this checkpoint. */
  passed: boolean;
  /** The scene with the lowest accuracy (ties: the first by id) and that accuracy: the concept's score. */
  weakest_scene: string;
  weakest_accuracy: number;
  weakest_ci95: [number, number];
}

export function scenePassed(r: Pick<SuiteResult, 'pairwise_accuracy' | 'pairwise_ci95'>, pass = SCENE_PASS): boolean {
  return r.pairwise_accuracy >= pass && r.pairwise_ci95[0] > 0.5;
}

/** The verdict on one concept for one observer, from that observer's results on the concept's scenes. */
export function conceptVerdict(sceneResults: readonly Pick<SuiteResult, 'scene' | 'pairwise_accuracy' | 'pairwise_ci95'>[], pass = SCENE_PASS): ConceptVerdict {
  if (sceneResults.length === 0) throw new Error('a concept verdict needs at least one scene');
  const scenes = [...sceneResults].sort((a, b) => a.scene.localeCompare(b.scene)).map((r) => ({
    scene: r.scene, pairwise_accuracy: r.pairwise_accuracy, pairwise_ci95: r.pairwise_ci95, passed: scenePassed(r, pass),
  }));
  let weakest = scenes[0]!;
  for (const s of scenes) if (s.pairwise_accuracy < weakest.pairwise_accuracy) weakest = s;
  const passed = scenes.filter((s) => s.passed).length;
  return {
    scenes, scenes_passed: passed, passed: passed === scenes.length,
    weakest_scene: weakest.scene, weakest_accuracy: weakest.pairwise_accuracy, weakest_ci95: weakest.pairwise_ci95,
  };
}
