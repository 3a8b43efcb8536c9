// Plans a push with a world model: the cross-entropy method over push velocities, each candidate
// judged by the observer's predicted path (a learner's or constant velocity's rollout, or the simulator).
import { createRng, type Rng } from '../../sim/rng';
import { Simulation } from '../../sim/simulation';
import { halfExtents } from '../../predictor/observation';
import { advanceRollouts, startRollout } from '../../predictor/rollout';
import type { StepPredictor } from '../../predictor/predictor';
import type { Observer } from '../observers';
import { MouthWatch, type PathVerdict } from './planCost';
import { observeBeforePush, pushedObservation, withPush, type PlanAction, type PlanProblem, type Point } from './planProblem';

/** Cross-entropy method settings. Each iteration draws `population` pushes, keeps the `elites`
 * cheapest and refits a Gaussian (per component) to them. */
export interface CemSettings {
  population: number;
  elites: number;
  iterations: number;
  seed: number;
  /** Stop early once the best predicted entry is this close to the middle of the mouth (m): a
   * model's own error is larger than that, so more search buys nothing. */
  stopCost: number;
  /** The refitted spread never shrinks below this share of a component's range, so that one
   * unlucky iteration cannot freeze the search. */
  minSpread: number;
}

/** The CLI's default: 4 × 24 = 96 predicted paths at most per task. */
export const DEFAULT_CEM: CemSettings = { population: 24, elites: 6, iterations: 4, seed: 1, stopCost: 0.01, minSpread: 0.02 };

export interface Candidate {
  action: PlanAction;
  verdict: PathVerdict;
  /** The object's predicted centre from the push on, up to the verdict (or the horizon). */
  path: Point[];
}

export interface IterationLog {
  iteration: number;
  mean: PlanAction;
  spread: PlanAction;
  bestCost: number;
}

export interface Plan {
  action: PlanAction;
  verdict: PathVerdict;
  predictedPath: Point[];
  /** Predicted paths computed (candidates judged). */
  evaluations: number;
  iterations: IterationLog[];
}

/** Judges a population of pushes: one predicted path each. */
export type Evaluator = (actions: readonly PlanAction[]) => Candidate[];

/** How far outside the world a predicted object may go before its path stops (m), as in the simulator. */
const LEAVE_MARGIN_M = 2;

/** A predictor's evaluator: every candidate starts from the same observed world with the push added
 * to the object, and all are rolled forward together, one batched prediction per step; a candidate
 * leaves the batch once its verdict is in. */
export function rolloutEvaluator(problem: PlanProblem, predictor: StepPredictor): Evaluator {
  const before = observeBeforePush(problem);
  const index = before.findIndex((o) => o.id === problem.objectId);
  if (index < 0) throw new Error(`the object "${problem.objectId}" is not in view at the push, so it cannot be planned for`);
  const { ex, ey } = halfExtents(before[index]!);
  const start = { x: before[index]!.x, y: before[index]!.y };
  const { width } = problem.world;
  return (actions) => {
    const rollouts = actions.map((a) => startRollout(pushedObservation(before, problem.objectId, a)));
    const watches = actions.map(() => new MouthWatch(problem.zone, ex, ey));
    const paths: Point[][] = actions.map(() => [start]);
    watches.forEach((w) => w.add(start));
    let active = actions.map((_, k) => k);
    for (let step = 0; step < problem.frames && active.length > 0; step++) {
      advanceRollouts(predictor, active.map((k) => rollouts[k]!));
      active = active.filter((k) => {
        const o = rollouts[k]!.state[index]!;
        const p = { x: o.x, y: o.y };
        paths[k]!.push(p);
        return !watches[k]!.add(p) && p.x > -LEAVE_MARGIN_M && p.x < width + LEAVE_MARGIN_M && p.y > -LEAVE_MARGIN_M;
      });
    }
    return actions.map((action, k) => ({ action, verdict: watches[k]!.verdict(), path: paths[k]! }));
  };
}

/** The ideal observer's evaluator: the simulator itself, run once per candidate up to its verdict. */
export function simulatorEvaluator(problem: PlanProblem): Evaluator {
  return (actions) => actions.map((action) => {
    const sim = new Simulation(withPush(problem, action), 'possible');
    for (let f = 0; f < problem.pushFrame; f++) sim.step();
    const state = sim.snapshot().bodies.find((b) => b.id === problem.objectId);
    if (!state) throw new Error(`no body with id "${problem.objectId}"`);
    const { ex, ey } = halfExtents(state);
    const watch = new MouthWatch(problem.zone, ex, ey);
    const path: Point[] = [{ x: state.x, y: state.y }];
    watch.add(path[0]!);
    for (let f = 0; f < problem.frames; f++) {
      sim.step();
      const b = sim.snapshot().bodies.find((q) => q.id === problem.objectId)!;
      path.push({ x: b.x, y: b.y });
      if (watch.add(path[path.length - 1]!) || !b.present) break;
    }
    return { action, verdict: watch.verdict(), path };
  });
}

export function evaluatorFor(problem: PlanProblem, observer: Observer): Evaluator {
  return observer.kind === 'oracle' ? simulatorEvaluator(problem) : rolloutEvaluator(problem, observer);
}

type Component = 'vx' | 'vy';
const COMPONENTS: readonly Component[] = ['vx', 'vy'];

/** A seeded random order of 0 … n−1 (Fisher–Yates). */
function permutation(rng: Rng, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The cross-entropy method over the problem's push range. The first population covers the range
 * evenly (a Latin hypercube: one push per stratum of each component), so a narrow target is not
 * missed by an unlucky first draw; later ones are drawn from the refitted Gaussian, clipped to the
 * range. Returns the cheapest push seen. Same problem, observer and settings ⇒ the same plan. */
export function planPush(problem: PlanProblem, observer: Observer, settings: CemSettings = DEFAULT_CEM, evaluate: Evaluator = evaluatorFor(problem, observer)): Plan {
  const { population, elites, iterations } = settings;
  if (!(population >= 1 && elites >= 1 && elites <= population && iterations >= 1)) {
    throw new Error(`bad CEM settings: population ${population}, elites ${elites}, iterations ${iterations}`);
  }
  const rng = createRng(settings.seed);
  const range = problem.actions;
  const width = (c: Component): number => range[c][1] - range[c][0];
  const mean: PlanAction = { vx: (range.vx[0] + range.vx[1]) / 2, vy: (range.vy[0] + range.vy[1]) / 2 };
  const spread: PlanAction = { vx: width('vx') / 2, vy: width('vy') / 2 };
  let best: Candidate | null = null;
  let evaluations = 0;
  const log: IterationLog[] = [];
  for (let it = 0; it < iterations; it++) {
    const actions: PlanAction[] = [];
    if (it === 0) {
      const strata = COMPONENTS.map(() => permutation(rng, population));
      for (let k = 0; k < population; k++) {
        const a = { vx: 0, vy: 0 };
        COMPONENTS.forEach((c, ci) => { a[c] = range[c][0] + ((strata[ci]![k]! + rng.next()) / population) * width(c); });
        actions.push(a);
      }
    } else {
      for (let k = 0; k < population; k++) {
        const a = { vx: 0, vy: 0 };
        for (const c of COMPONENTS) a[c] = width(c) === 0 ? range[c][0] : clamp(mean[c] + spread[c] * rng.normal(), range[c][0], range[c][1]);
        actions.push(a);
      }
    }
    const candidates = evaluate(actions);
    evaluations += candidates.length;
    const ranked = candidates.map((c, k) => ({ c, k })).sort((a, b) => a.c.verdict.cost - b.c.verdict.cost || a.k - b.k);
    if (!best || ranked[0]!.c.verdict.cost < best.verdict.cost) best = ranked[0]!.c;
    const elite = ranked.slice(0, elites).map((r) => r.c.action);
    for (const c of COMPONENTS) {
      const m = elite.reduce((s, a) => s + a[c], 0) / elite.length;
      const sd = Math.sqrt(elite.reduce((s, a) => s + (a[c] - m) ** 2, 0) / elite.length);
      mean[c] = m;
      spread[c] = Math.max(sd, settings.minSpread * width(c));
    }
    log.push({ iteration: it, mean: { ...mean }, spread: { ...spread }, bestCost: best.verdict.cost });
    if (best.verdict.cost <= settings.stopCost) break;
  }
  return { action: best!.action, verdict: best!.verdict, predictedPath: best!.path, evaluations, iterations: log };
}
