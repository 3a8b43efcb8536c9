// Runs one trial of a scene (a variant in one condition) and what each observer makes of it.
import type { SceneFile } from '../scenes/schema';
import { resolveScene, type Split } from '../scenes/resolve';
import { Simulation } from '../sim/simulation';
import type { Condition } from '../sim/spec';
import type { SimEvent, WorldSnapshot } from '../sim/snapshot';
import { observe, type Observation } from '../predictor/observation';
import { viewsOf, type ViewFrame } from '../predictor/view';

export interface TrialRun {
  sceneId: string;
  condition: Condition;
  variant: number | null;
  seed: number;
  params: Record<string, number>;
  /** Snapshots from frame 0 (the initial state) to the last frame. */
  snapshots: WorldSnapshot[];
  onsetFrame: number | null;
  events: SimEvent[];
  /** What the observer knows of its view at every frame: the window and where the screens are. */
  views: ViewFrame[];
}

/** How a trial is drawn besides its variant: mirrored left–right, from the held-out ranges. */
export interface TrialView { mirrored?: boolean | undefined; split?: Split | undefined }

export function runTrial(scene: SceneFile, condition: Condition, variant: number | undefined, seed: number, frames?: number, view: TrialView = {}): TrialRun {
  const resolved = resolveScene(scene, { variant, seed, mirrored: view.mirrored, split: view.split });
  const sim = new Simulation(resolved.world, condition);
  const total = frames ?? resolved.world.frames;
  const snapshots = [sim.snapshot()];
  for (let f = 0; f < total; f++) {
    sim.step();
    snapshots.push(sim.snapshot());
  }
  return {
    sceneId: scene.id, condition, variant: variant ?? null, seed, params: resolved.params,
    snapshots, onsetFrame: sim.onsetFrame, events: sim.events, views: viewsOf(resolved.world, total),
  };
}

export const observations = (run: TrialRun): Observation[] => run.snapshots.map(observe);
