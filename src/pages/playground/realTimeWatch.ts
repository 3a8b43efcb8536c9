// Whether the playground keeps real time, and if not, what costs most: it counts the steps taken
// against the steps that the wall time running was worth (at the chosen speed), and averages each
// part's cost per step (physics, each observer, the ghost) over the same stretch. Pure arithmetic;
// the page feeds it the clock and the costs, tests can feed it any numbers.
import type { StepCost } from './perfStats';
import { STEP_S } from '../../sim/units';

/** What costs most per step: an observer (by id; the ideal observer's twin counts as 'oracle'),
 * the ghost, or the physics itself. */
export interface Culprit { kind: 'model' | 'ghost' | 'physics'; id: string; ms: number }

export interface RealTimeVerdict {
  /** Steps taken per step owed by the wall clock at the chosen speed, over the last stretch (< 1: behind). */
  pace: number;
  /** Mean cost of one new step, all parts, ms. */
  stepMs: number;
  culprit: Culprit;
}

/** Wall time running that makes one stretch (ms): long enough that one slow frame does not count. */
export const STRETCH_MS = 2000;
/** Behind when a stretch ran fewer than this share of the steps owed; caught up again at CAUGHT_UP. */
export const BEHIND = 0.9;
export const CAUGHT_UP = 0.97;

export class RealTimeWatch {
  private wallMs = 0;
  private owed = 0;
  private taken = 0;
  private costs: StepCost[] = [];
  private last: number | null = null;
  private current: RealTimeVerdict | null = null;

  /** The verdict of the last stretch that ran behind, until one keeps up; null while in time. */
  get verdict(): RealTimeVerdict | null {
    return this.current;
  }

  /** Each animation frame, with its timestamp (ms), whether time runs, and the speed (1 = real time). */
  frame(now: number, running: boolean, speed: number): void {
    const elapsed = this.last === null ? 0 : Math.min(now - this.last, 100);
    this.last = now;
    if (!running) return;
    this.wallMs += elapsed;
    this.owed += (elapsed / 1000) * (speed / STEP_S);
    if (this.wallMs >= STRETCH_MS) this.judge();
  }

  /** Each step taken (a replayed one has no cost: its frame was computed before). */
  step(cost: StepCost | null): void {
    this.taken++;
    if (cost) this.costs.push(cost);
  }

  /** A part was dropped (or a new trial began): judge afresh from the next stretch. */
  restart(): void {
    this.current = null;
    this.clearStretch();
  }

  private judge(): void {
    const pace = this.owed > 0 ? this.taken / this.owed : 1;
    if (pace < BEHIND && this.costs.length > 0) this.current = { pace, ...this.costliest() };
    else if (pace >= CAUGHT_UP) this.current = null;
    this.clearStretch();
  }

  private clearStretch(): void {
    this.wallMs = 0;
    this.owed = 0;
    this.taken = 0;
    this.costs = [];
  }

  private costliest(): { stepMs: number; culprit: Culprit } {
    const n = this.costs.length;
    const sums = new Map<string, Culprit>();
    const add = (kind: Culprit['kind'], id: string, ms: number): void => {
      const c = sums.get(`${kind}:${id}`) ?? { kind, id, ms: 0 };
      c.ms += ms / n;
      sums.set(`${kind}:${id}`, c);
    };
    for (const c of this.costs) {
      add('physics', 'physics', c.physics);
      add('ghost', 'ghost', c.ghost);
      if (c.twin > 0) add('model', 'oracle', c.twin);
      for (const [id, ms] of Object.entries(c.models)) add('model', id, ms);
    }
    let culprit: Culprit = { kind: 'physics', id: 'physics', ms: 0 };
    let stepMs = 0;
    for (const c of sums.values()) {
      stepMs += c.ms;
      if (c.ms > culprit.ms) culprit = c;
    }
    return { stepMs, culprit };
  }
}
