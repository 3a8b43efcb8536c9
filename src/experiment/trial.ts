// Runs one trial of a scene (a variant in one condition) and what each observer makes of it.
import type { SceneFile } from '../scenes/schema';
import { resolveScene, type Split } from '../scenes/resolve';
import { Simulation } from '../sim/simulation';
import type { Condition, WorldSpec } from '../sim/spec';
import type { SimEvent, WorldSnapshot } from '../sim/snapshot';
import { observe, type Observation } from '../predictor/observation';
import { viewsOf, type ViewFrame } from '../predictor/view';
import { asTrial } from './trialFailure';

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

/** What a world does in one condition: snapshots, the magic's onset and the events. */
export interface SimulatedTrial {
  /** Frame 0 (the initial state, before any step), then one snapshot after each step. */
  snapshots: WorldSnapshot[];
  onsetFrame: number | null;
  events: SimEvent[];
}

/** The one way a trial is run (the suite, the CLI's `run`, the pages' twins and the tests all come
 * here): build the world in a condition and step it `frames` times (default: the scene's duration).
 * Throws SimulationError if the physics fails. `onFrame` hears each step done (the CLI's progress
 * on long scenes). */
export function simulateTrial(world: WorldSpec, condition: Condition, frames: number = world.frames, onFrame?: (done: number) => void): SimulatedTrial {
  const sim = new Simulation(world, condition);
  const snapshots = [sim.snapshot()];
  for (let f = 0; f < frames; f++) {
    sim.step();
    snapshots.push(sim.snapshot());
    onFrame?.(f + 1);
  }
  return { snapshots, onsetFrame: sim.onsetFrame, events: [...sim.events] };
}

/** How a trial is drawn besides its variant: mirrored left–right, from the held-out ranges. */
export interface TrialView { mirrored?: boolean | undefined; split?: Split | undefined }

/** A trial of a scene's variant (`variant` undefined: the canonical scene), with what the observer sees.
 * Throws TrialFailure (a SimulationError naming the trial) when the physics fails, and a SceneError
 * marked with the variant when a drawn variant's numbers break. */
export function runTrial(scene: SceneFile, condition: Condition, variant: number | undefined, seed: number, frames?: number, view: TrialView = {}): TrialRun {
  const label = { scene: scene.id, variant, seed, mirrored: view.mirrored ?? false, heldout: view.split === 'heldout', condition };
  const resolved = asTrial(label, () => resolveScene(scene, { variant, seed, mirrored: view.mirrored, split: view.split }));
  const total = frames ?? resolved.world.frames;
  const { snapshots, onsetFrame, events } = asTrial(label, () => simulateTrial(resolved.world, condition, total));
  return {
    sceneId: scene.id, condition, variant: variant ?? null, seed, params: resolved.params,
    snapshots, onsetFrame, events, views: viewsOf(resolved.world, total),
  };
}

export const observations = (run: TrialRun): Observation[] => run.snapshots.map(observe);
