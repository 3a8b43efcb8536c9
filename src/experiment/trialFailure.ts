// A trial that could not be run, told with which trial it was (scene, variant, seed, side, twin), so
// that a suite of hundreds of pairs names the one that broke instead of failing anonymously.
import { SceneError } from '../scenes/sceneError';
import { SimulationError } from '../sim/simulation';
import type { Condition } from '../sim/spec';

/** Which trial: what a person needs to run it alone (`lab run --variant K --seed S [--mirror]`). */
export interface TrialLabel {
  scene: string;
  variant: number | undefined;
  seed: number;
  mirrored: boolean;
  /** Drawn from the params' held-out ranges (`--split heldout`). */
  heldout: boolean;
  condition: Condition;
}

/** "variant 3, seed 0, held-out, mirrored" (or "canonical"). */
function drawnAs(t: TrialLabel): string {
  const drawn = t.variant === undefined ? 'canonical' : `variant ${t.variant}, seed ${t.seed}${t.heldout ? ', held-out' : ''}`;
  return `${drawn}${t.mirrored ? ', mirrored' : ''}`;
}

/** "variant 3, seed 0, mirrored, impossible twin" (or "canonical, possible twin"). */
export function describeTrial(t: TrialLabel): string {
  return `${drawnAs(t)}, ${t.condition} twin`;
}

/** The physics of one trial failed (it exploded, or a hit that asHit waits for never came). The
 * message stays the simulator's; `trial` says which trial it was. Still a SimulationError, so every
 * handler of those keeps working. */
export class TrialFailure extends SimulationError {
  readonly trial: TrialLabel;
  constructor(cause: SimulationError, trial: TrialLabel) {
    super(cause.message, cause.body, cause.violation);
    this.name = 'TrialFailure';
    this.trial = trial;
  }
}

/** Runs `work` for one trial and gives any failure the trial's name: a SimulationError becomes a
 * TrialFailure, a SceneError (a variant whose numbers break, which `validate`'s 16 variants may not
 * have drawn) gets "(in variant K, seed S)" on each problem, as `validate` writes it. */
export function asTrial<T>(trial: TrialLabel, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof TrialFailure) throw e;
    if (e instanceof SimulationError) throw new TrialFailure(e, trial);
    if (e instanceof SceneError && trial.variant !== undefined) {
      throw new SceneError(e.source, e.issues.map((i) => ({ path: i.path, message: `${i.message} (in ${drawnAs(trial)})` })));
    }
    throw e;
  }
}
