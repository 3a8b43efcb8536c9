// Measures the page while it runs (for `npm run bench` and the curious): the interval between
// animation frames and what each physics step costs (physics, the twin, each model, the ghost).
// Only the shell measures wall time; the numbers never feed back into the simulation.

export interface StepCost {
  physics: number;
  twin: number;
  ghost: number;
  models: Record<string, number>;
}

export interface PerfSummary {
  frames: number;
  steps: number;
  intervalP50: number;
  intervalP95: number;
  /** Main-thread work per animation frame (steps, surprise, drawing commands), ms: p50 and p95. */
  workP50: number;
  workP95: number;
  /** Means per step, ms (the page's clock is coarse, about 0.1 ms: means of many steps are not). */
  physics: number;
  twin: number;
  ghost: number;
  models: Record<string, number>;
}

const mean = (xs: number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export class PerfStats {
  private intervals: number[] = [];
  private work: number[] = [];
  private steps: StepCost[] = [];
  private lastFrame: number | null = null;

  frame(now: number): void {
    if (this.lastFrame !== null) this.intervals.push(now - this.lastFrame);
    this.lastFrame = now;
    if (this.intervals.length > 20_000) this.intervals.splice(0, 10_000);
  }

  /** The JS work of one animation frame, ms. */
  frameWork(ms: number): void {
    this.work.push(ms);
    if (this.work.length > 20_000) this.work.splice(0, 10_000);
  }

  step(cost: StepCost): void {
    this.steps.push(cost);
    if (this.steps.length > 20_000) this.steps.splice(0, 10_000);
  }

  reset(): void {
    this.intervals = [];
    this.work = [];
    this.steps = [];
    this.lastFrame = null;
  }

  summary(): PerfSummary {
    const ids = new Set(this.steps.flatMap((s) => Object.keys(s.models)));
    const models: Record<string, number> = {};
    for (const id of ids) models[id] = mean(this.steps.filter((s) => id in s.models).map((s) => s.models[id]!));
    return {
      frames: this.intervals.length,
      steps: this.steps.length,
      intervalP50: quantile(this.intervals, 0.5),
      intervalP95: quantile(this.intervals, 0.95),
      workP50: quantile(this.work, 0.5),
      workP95: quantile(this.work, 0.95),
      physics: mean(this.steps.map((s) => s.physics)),
      twin: mean(this.steps.map((s) => s.twin)),
      ghost: mean(this.steps.map((s) => s.ghost)),
      models,
    };
  }
}
