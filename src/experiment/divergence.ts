// Autoregressive divergence: how long a learner's own rollout stays on the real trajectory, against
// the geometric law (1 − e)^n that a constant per-step exit rate e predicts.
import { createRng, mixSeed } from '../sim/rng';
import { Simulation } from '../sim/simulation';
import { pow } from '../sim/portablePow';
import { DEFAULT_DIET, generateEpisode, type ExperienceDiet } from '../predictor/experience';
import { observe, type Observation } from '../predictor/observation';
import { advanceRollouts, startRollout } from '../predictor/rollout';
import type { Observer } from './observers';
import { leftTrack, offBy } from './onTrack';

export interface DivergenceOptions {
  episodes: number;
  seed: number;
  /** Longest rollout, in steps of 1/60 s. */
  maxSteps: number;
  /** A rollout is on track while every moving object is within this distance of the real one (m;
   * ON_TRACK_TOLERANCE_M, 5 cm, by default in `lab diverge` and the playground's ghost). */
  tolerance: number;
  /** A rollout starts every this many frames of each episode. */
  startEvery: number;
  diet?: ExperienceDiet;
}

export interface DivergenceResult {
  model: string;
  rollouts: number;
  tolerance: number;
  /** Per-step exit rate: exits / steps at risk (the maximum-likelihood e of a geometric law). */
  exitRate: number;
  /** onTrack[n] = share of rollouts still on track after n steps (n = 0 … maxSteps). */
  onTrack: number[];
  /** (1 − e)^n for the same n. */
  geometric: number[];
}

/** Held-out normal episodes (a seed stream the training never uses), each as observed frames. */
export function heldOutEpisodes(count: number, seed: number, diet: ExperienceDiet = DEFAULT_DIET, frames = 240): Observation[][] {
  const rng = createRng(mixSeed(seed, 0xd17e));
  return Array.from({ length: count }, () => {
    const spec = { ...generateEpisode(rng, diet), frames };
    const sim = new Simulation(spec, 'possible');
    const out = [observe(sim.snapshot())];
    for (let f = 0; f < frames; f++) {
      sim.step();
      out.push(observe(sim.snapshot()));
    }
    return out;
  });
}

/** Steps until a rollout first leaves the real trajectory (maxSteps + 1 if it never does). */
function firstExit(predicted: Observation[], real: Observation[], tolerance: number): number {
  for (let n = 0; n < predicted.length; n++) {
    const now = new Map(real[n]!.map((o) => [o.id, o]));
    for (const p of predicted[n]!) {
      if (p.isStatic) continue;
      const r = now.get(p.id);
      if (r && leftTrack(offBy(p.x, p.y, r.x, r.y), tolerance)) return n + 1;
    }
  }
  return predicted.length + 1;
}

export function measureDivergence(observer: Observer, episodes: readonly Observation[][], o: DivergenceOptions): DivergenceResult {
  const exits: number[] = [];
  for (const episode of episodes) {
    const starts: number[] = [];
    for (let t = 0; t + o.maxSteps < episode.length; t += o.startEvery) starts.push(t);
    if (starts.length === 0) continue;
    if (observer.kind === 'oracle') {
      // The simulator itself, rolled forward from the same state, is the real trajectory.
      for (const _ of starts) exits.push(o.maxSteps + 1);
      continue;
    }
    const trajectories: Observation[][] = starts.map(() => []);
    // Every start of the episode advances together: one batched prediction per step.
    const rollouts = starts.map((t) => startRollout(episode[t]!));
    for (let n = 0; n < o.maxSteps; n++) {
      advanceRollouts(observer, rollouts);
      rollouts.forEach((r, k) => trajectories[k]!.push(r.state));
    }
    starts.forEach((t, k) => exits.push(firstExit(trajectories[k]!, episode.slice(t + 1, t + 1 + o.maxSteps), o.tolerance)));
  }
  const onTrack: number[] = [];
  for (let n = 0; n <= o.maxSteps; n++) onTrack.push(exits.filter((x) => x > n).length / Math.max(1, exits.length));
  let exited = 0, atRisk = 0;
  for (const x of exits) {
    if (x <= o.maxSteps) { exited++; atRisk += x; } else atRisk += o.maxSteps;
  }
  const exitRate = atRisk > 0 ? exited / atRisk : 0;
  return {
    model: observer.name, rollouts: exits.length, tolerance: o.tolerance, exitRate, onTrack,
    geometric: onTrack.map((_, n) => pow(1 - exitRate, n)),
  };
}
