// The ghost: a predictor's expectation of the next 1–10 s, rolled out from an observed state, and
// how far it strayed from what really happened. While time runs it is built a few prediction steps
// per physics step (so no frame stalls; a longer ghost simply refreshes less often). Paused or
// scrubbed, it is built from the frame on screen: the first second at once, the rest in slices of
// a few milliseconds per animation frame (a 10 s ghost is 600 predictions).
import { advanceRollouts, startRollout, type RolloutState } from '../../predictor/rollout';
import type { StepPredictor } from '../../predictor/predictor';
import { ghostDivergence, type GhostDivergence } from '../../experiment/ghostDivergence';
import type { Ghost, GhostPath } from '../../render/ghost';
import type { FrameHistory, FrameRecord } from './frameHistory';

export type { Ghost, GhostPath };

/** Prediction steps taken per physics step while running (a 1 s ghost is renewed every 15 steps). */
const STEPS_PER_STEP = 4;
/** Steps built at once when asked for a ghost now; the rest is left to work() (one second). */
const AT_ONCE_STEPS = 60;
/** Steps between two looks at the clock in work(). */
const SLICE_STEPS = 4;

interface Building { ghost: Ghost; rollout: RolloutState; ms: number }

export class GhostRunner {
  private predictor: StepPredictor | null = null;
  private model = '';
  private length = 60;
  /** The ghost being built; when `growing`, it is also the one on screen (paused builds). */
  private building: Building | null = null;
  private growing = false;
  private shown: Ghost | null = null;
  private shownMs = 0;
  private changes = 0;
  private judged: { key: string; value: GhostDivergence | null } = { key: '', value: null };

  constructor(private readonly clock: () => number = () => 0) {}

  get ghost(): Ghost | null {
    return this.shown;
  }
  /** Bumps whenever the ghost on screen changes (a new one, or one that grew). */
  get version(): number {
    return this.changes;
  }
  /** Wall time spent predicting the ghost on screen so far (ms, summed over its slices). */
  get buildMs(): number {
    return this.shownMs;
  }
  /** Whether a ghost asked for while paused is still growing (work() has more to do). */
  get pending(): boolean {
    return this.growing && this.building !== null;
  }
  /** The length asked for, in steps. */
  get steps(): number {
    return this.length;
  }

  /** The observer in focus (null: none that predicts, e.g. only the ideal observer). */
  setPredictor(p: StepPredictor | null, model = ''): void {
    if (p === this.predictor) return;
    this.predictor = p;
    this.model = model;
    this.clear();
  }

  setLength(steps: number): void {
    if (steps === this.length) return;
    this.length = steps;
    this.clear();
  }

  clear(): void {
    this.building = null;
    this.growing = false;
    this.show(null, 0);
  }

  /** After each new physics step. */
  afterStep(record: FrameRecord): void {
    if (!this.predictor) return;
    this.building ??= this.begin(record);
    this.advance(this.building, STEPS_PER_STEP);
    if (this.growing) this.changes++;
    this.finishIfDone();
  }

  /** A ghost from this frame, now (paused, stepped back, scrubbed): its first second at once. */
  buildNow(record: FrameRecord): void {
    if (!this.predictor) return;
    const b = this.begin(record);
    this.building = b;
    this.growing = true;
    this.advance(b, AT_ONCE_STEPS);
    this.show(b.ghost, b.ms);
    this.finishIfDone();
  }

  /** Once per animation frame: grows a ghost asked for while paused, for at most `budgetMs`. */
  work(budgetMs: number): void {
    const b = this.building;
    if (!b || !this.growing) return;
    const t0 = this.clock();
    while (b.ghost.built < b.ghost.steps && this.clock() - t0 < budgetMs) this.advance(b, SLICE_STEPS);
    this.shownMs = b.ms;
    this.changes++;
    this.finishIfDone();
  }

  /** How far the ghost on screen strayed from the frames `history` holds up to `head` (memoised;
   * `epoch` changes when the past was re-simulated). Null without a ghost or its start frame.
   * `every` > 1 judges only up to a multiple of that many steps (while time runs: the work grows
   * with bodies × steps, and a crowded scene would redo it every animation frame). */
  divergence(history: FrameHistory, head: number, epoch: number, every = 1): GhostDivergence | null {
    const g = this.shown;
    let known = g ? Math.min(head, g.start + g.built) : head;
    if (g && every > 1 && known > g.start) known -= (known - g.start) % every;
    const key = `${this.changes}|${known}|${epoch}|${history.first}`;
    if (key === this.judged.key) return this.judged.value;
    let value: GhostDivergence | null = null;
    if (g && g.start >= history.first) value = ghostDivergence(g, history.range(g.start, known).map((r) => r.obs));
    this.judged = { key, value };
    return value;
  }

  private show(g: Ghost | null, ms: number): void {
    this.shown = g;
    this.shownMs = ms;
    this.changes++;
  }

  private finishIfDone(): void {
    const b = this.building;
    if (!b || b.ghost.built < b.ghost.steps) return;
    if (!this.growing) this.show(b.ghost, b.ms);
    this.building = null;
    this.growing = false;
  }

  private begin(record: FrameRecord): Building {
    const rollout = startRollout(record.obs);
    const n = this.length;
    const paths = rollout.state.filter((o) => !o.isStatic).map((o) => {
      const p: GhostPath = { id: o.id, kind: o.kind, width: o.width, height: o.height, x: new Float64Array(n + 1), y: new Float64Array(n + 1), angle: new Float64Array(n + 1) };
      p.x[0] = o.x; p.y[0] = o.y; p.angle[0] = o.angle;
      return p;
    });
    return { ghost: { start: record.snapshot.frame, steps: n, built: 0, model: this.model, paths }, rollout, ms: 0 };
  }

  private advance(b: Building, steps: number): void {
    const predictor = this.predictor;
    if (!predictor) return;
    const g = b.ghost;
    const t0 = this.clock();
    for (let s = 0; s < steps && g.built < g.steps; s++) {
      advanceRollouts(predictor, [b.rollout]);
      g.built++;
      const byId = new Map(b.rollout.state.map((o) => [o.id, o]));
      for (const p of g.paths) {
        const o = byId.get(p.id);
        if (!o) continue;
        p.x[g.built] = o.x; p.y[g.built] = o.y; p.angle[g.built] = o.angle;
      }
    }
    b.ms += this.clock() - t0;
  }
}
