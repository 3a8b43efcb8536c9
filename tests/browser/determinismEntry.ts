// Bundled into a page by determinism.tests.mjs: the core's trajectory CSV, computed in Chromium.
import { parseSceneText } from '../../src/scenes/parse';
import { resolveScene } from '../../src/scenes/resolve';
import { Simulation } from '../../src/sim/simulation';
import type { Condition } from '../../src/sim/spec';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';

export function trajectory(sceneText: string, condition: Condition, variant: number, seed: number): string {
  const resolved = resolveScene(parseSceneText(sceneText, 'scene'), { variant, seed });
  const sim = new Simulation(resolved.world, condition);
  const snapshots = [sim.snapshot()];
  for (let f = 0; f < resolved.world.frames; f++) {
    sim.step();
    snapshots.push(sim.snapshot());
  }
  return trajectoryCsv(snapshots);
}
