// One trial on screen: a Simulation of a resolved scene in one condition, with the last two
// snapshots kept so the view can interpolate between fixed steps.
import { Simulation } from '../sim/simulation';
import type { WorldSnapshot } from '../sim/snapshot';
import type { Condition } from '../sim/spec';
import type { ResolvedScene } from '../scenes/resolve';

export class TrialSession {
  readonly resolved: ResolvedScene;
  readonly condition: Condition;
  private sim: Simulation;
  private before: WorldSnapshot;
  private after: WorldSnapshot;

  constructor(resolved: ResolvedScene, condition: Condition) {
    this.resolved = resolved;
    this.condition = condition;
    this.sim = new Simulation(resolved.world, condition);
    this.after = this.sim.snapshot();
    this.before = this.after;
  }

  /** The snapshot before the latest step (equal to `current` right after a build). */
  get previous(): WorldSnapshot {
    return this.before;
  }
  get current(): WorldSnapshot {
    return this.after;
  }
  get frame(): number {
    return this.sim.frame;
  }
  get frames(): number {
    return this.resolved.world.frames;
  }
  get ended(): boolean {
    return this.sim.frame >= this.resolved.world.frames;
  }
  get onsetFrame(): number | null {
    return this.sim.onsetFrame;
  }
  get events(): Simulation['events'] {
    return this.sim.events;
  }

  /** One fixed step; false (and no step) once the trial is over. Simulation errors propagate. */
  step(): boolean {
    if (this.ended) return false;
    this.sim.step();
    this.before = this.after;
    this.after = this.sim.snapshot();
    return true;
  }

  /** Back to frame 0 of the same variant and condition (a fresh, deterministic build). */
  reset(): void {
    this.sim = new Simulation(this.resolved.world, this.condition);
    this.after = this.sim.snapshot();
    this.before = this.after;
  }
}
