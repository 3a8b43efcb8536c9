// The ghost: a predictor's expectation of the next second, rolled out from an observed state.
// While time runs it is built a few prediction steps per physics step (so no frame stalls);
// when paused or scrubbing it is built at once from the frame on screen.
import { advanceRollouts, startRollout, type RolloutState } from '../predictor/rollout';
import type { StepPredictor } from '../predictor/predictor';
import type { Ghost, GhostPath } from '../render/ghost';
import type { FrameRecord } from './frameHistory';

export type { Ghost, GhostPath };

/** Steps of the rollout: one second. */
export const GHOST_STEPS = 60;
/** Prediction steps taken per physics step while running (a new ghost every 15 steps). */
const STEPS_PER_STEP = 4;

interface Building { start: number; rollout: RolloutState; paths: GhostPath[]; done: number }

function begin(record: FrameRecord): Building {
  const rollout = startRollout(record.obs);
  const paths = rollout.state.filter((o) => !o.isStatic).map((o) => {
    const p: GhostPath = { id: o.id, kind: o.kind, width: o.width, height: o.height, x: new Float64Array(GHOST_STEPS + 1), y: new Float64Array(GHOST_STEPS + 1), angle: new Float64Array(GHOST_STEPS + 1) };
    p.x[0] = o.x; p.y[0] = o.y; p.angle[0] = o.angle;
    return p;
  });
  return { start: record.snapshot.frame, rollout, paths, done: 0 };
}

function advance(predictor: StepPredictor, b: Building, steps: number): void {
  for (let s = 0; s < steps && b.done < GHOST_STEPS; s++) {
    advanceRollouts(predictor, [b.rollout]);
    b.done++;
    const byId = new Map(b.rollout.state.map((o) => [o.id, o]));
    for (const p of b.paths) {
      const o = byId.get(p.id);
      if (!o) continue;
      p.x[b.done] = o.x; p.y[b.done] = o.y; p.angle[b.done] = o.angle;
    }
  }
}

export class GhostRunner {
  private predictor: StepPredictor | null = null;
  private building: Building | null = null;
  private shown: Ghost | null = null;
  /** Milliseconds the last step's share of ghost building took (set by the caller's clock). */
  lastCost = 0;

  get ghost(): Ghost | null {
    return this.shown;
  }

  setPredictor(p: StepPredictor | null): void {
    if (p === this.predictor) return;
    this.predictor = p;
    this.clear();
  }

  clear(): void {
    this.building = null;
    this.shown = null;
  }

  /** After each new physics step. */
  afterStep(record: FrameRecord): void {
    if (!this.predictor) return;
    this.building ??= begin(record);
    advance(this.predictor, this.building, STEPS_PER_STEP);
    if (this.building.done >= GHOST_STEPS) {
      this.shown = { start: this.building.start, paths: this.building.paths };
      this.building = null;
    }
  }

  /** A whole ghost from this frame, now (paused, stepped back, scrubbed). */
  buildNow(record: FrameRecord): void {
    if (!this.predictor) return;
    const b = begin(record);
    advance(this.predictor, b, GHOST_STEPS);
    this.shown = { start: b.start, paths: b.paths };
    this.building = null;
  }
}
