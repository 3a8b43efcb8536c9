// Test helpers: small scenes built as JSON values, trials run in both conditions, per-body tracks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSceneText, parseSceneValue } from '../../../src/scenes/parse';
import { resolveScene, type VariantChoice } from '../../../src/scenes/resolve';
import type { SceneFile } from '../../../src/scenes/schema';
import { simulateTrial, type SimulatedTrial } from '../../../src/experiment/trial';
import type { BodyState } from '../../../src/sim/snapshot';
import type { Condition, WorldSpec } from '../../../src/sim/spec';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(`${REPO_ROOT}${path}`, 'utf8');
}

export function loadRepoScene(name: string): SceneFile {
  return parseSceneText(readRepoFile(`scenes/${name}.json`), `scenes/${name}.json`);
}

/** A floor 6 m wide in a 6 × 3 m world; tests add bodies, actions and a violation. */
export function testScene(extra: Record<string, unknown>): Record<string, unknown> {
  const { bodies, ...rest } = extra;
  return {
    format: 1,
    id: 'test-scene',
    title: 'test scene',
    concept: 'free-play',
    study: { citation: 'none: a unit test' },
    world: { width: 6, height: 3, gravity: 9.81, substeps: 4 },
    duration: 2,
    bodies: [{ id: 'floor', kind: 'ground', x: 3, y: 0.15, width: 6, height: 0.3 }, ...(bodies as unknown[] ?? [])],
    ...rest,
  };
}

/** A trial as the tests look at it: the resolved world beside what it did (snapshots from frame 0). */
export interface Trial extends SimulatedTrial {
  world: WorldSpec;
}

/** A trial of a scene through the one trial runner (src/experiment/trial.ts), keeping its world. */
export function runTrial(scene: SceneFile, condition: Condition, choice: VariantChoice & { frames?: number } = {}): Trial {
  const { world } = resolveScene(scene, choice);
  return { world, ...simulateTrial(world, condition, choice.frames ?? world.frames) };
}

/** Both twins of a trial: same scene, same variant. */
export function runPair(scene: unknown, choice: VariantChoice & { frames?: number } = {}): { possible: Trial; impossible: Trial } {
  const parsed = parseSceneValue(scene, 'test');
  return { possible: runTrial(parsed, 'possible', choice), impossible: runTrial(parsed, 'impossible', choice) };
}

/** One body's state at every frame. */
export function track(trial: Trial, id: string): BodyState[] {
  return trial.snapshots.map((s) => {
    const b = s.bodies.find((x) => x.id === id);
    if (!b) throw new Error(`no body "${id}" at frame ${s.frame}`);
    return b;
  });
}
