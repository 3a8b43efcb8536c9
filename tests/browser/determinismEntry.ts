// Bundled into a page by determinism.tests.mjs (and run in Node by it): a trial's trajectory, as the
// 6-decimal CSV and as a full-precision dump of every snapshot, computed in whichever engine runs it.
import { parseSceneText } from '../../src/scenes/parse';
import { resolveScene, type Split } from '../../src/scenes/resolve';
import { Simulation } from '../../src/sim/simulation';
import type { Condition } from '../../src/sim/spec';
import type { WorldSnapshot } from '../../src/sim/snapshot';
import { trajectoryCsv } from '../../src/experiment/trajectoryCsv';

/** Mirrored left–right and/or drawn from the held-out ranges (absent: as drawn, default split). */
export interface DumpView { mirrored?: boolean; split?: Split }

function snapshots(sceneText: string, condition: Condition, variant: number, seed: number, view: DumpView = {}): WorldSnapshot[] {
  const resolved = resolveScene(parseSceneText(sceneText, 'scene'), { variant, seed, mirrored: view.mirrored, split: view.split });
  const sim = new Simulation(resolved.world, condition);
  const out = [sim.snapshot()];
  for (let f = 0; f < resolved.world.frames; f++) {
    sim.step();
    out.push(sim.snapshot());
  }
  return out;
}

export function trajectory(sceneText: string, condition: Condition, variant: number, seed: number): string {
  return trajectoryCsv(snapshots(sceneText, condition, variant, seed));
}

/** Every snapshot as JSON: numbers print as the shortest text that reads back to the same double,
 * so two dumps are equal only if every double is; −0 is written "-0", as JSON would lose its sign. */
export function snapshotDump(sceneText: string, condition: Condition, variant: number, seed: number, view: DumpView = {}): string {
  return JSON.stringify(snapshots(sceneText, condition, variant, seed, view), (_key, v: unknown) => (Object.is(v, -0) ? '-0' : v));
}
