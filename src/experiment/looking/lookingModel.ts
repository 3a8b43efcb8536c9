// The looking model: how long an observer looks at an event's paused final display, from how much
// the event surprised it, with a look-away hazard in the form of Kidd, Piantadosi & Aslin (2012).
import { createRng, type Rng } from '../../sim/rng';
import { exp, log } from '../../sim/portableMath';

/** Frames per second of the looking clock: the simulation's fixed step. */
export const LOOK_FPS = 60;

export const LOOKING_MODELS = ['hazard', 'goldilocks', 'ranch', 'ranch-moment'] as const;
export type LookingModelName = typeof LOOKING_MODELS[number];
/** The RANCH-style learners of ranchModel.ts: `ranch` perceives the trial's mean surprise,
 * `ranch-moment` the surprise of the moments it looks at (momentStream.ts). */
export type RanchModelName = Extract<LookingModelName, 'ranch' | 'ranch-moment'>;
/** The models that read the event's surprise through a look-away hazard (this file). */
export type HazardModelName = Exclude<LookingModelName, RanchModelName>;

/** The trial's criteria, shared by every looking model: looking back, and when the trial ends. */
export interface TrialCriteria {
  /** μ: the hazard (per second) of looking back while looking away. */
  returnHazard: number;
  /** A continuous look-away this long (s) ends the trial… */
  lookawaySeconds: number;
  /** …once the display has been looked at this long in total (s). */
  minimumLookSeconds: number;
  /** Looking stops counting at this many cumulative seconds: the trial ends. */
  maximumLookSeconds: number;
}

/** The hazard models' parameters (docs/looking.md). Our choices, not fitted to infants: see the docs. */
export interface LookingParams extends TrialCriteria {
  model: HazardModelName;
  /** λ0: the look-away hazard (per second) after an event that carried no surprise at all. */
  baseHazard: number;
  /** β: how much the event's information u = ln(1 + S̄) lowers the log hazard. */
  linear: number;
  /** γ: the quadratic term of the log hazard; γ > 0 makes it U-shaped (the Goldilocks effect). */
  quadratic: number;
}

/** Monotone: more surprise, longer looks (γ = 0). β = ½ keeps the largest trial surprises the
 * shipped observers give (about 500 nats per frame) under the 60 s maximum on average, so that
 * looking still tells them apart (docs/looking.md). */
export const HAZARD_PARAMS: LookingParams = {
  model: 'hazard', baseHazard: 1, linear: 0.5, quadratic: 0, returnHazard: 0.5,
  lookawaySeconds: 2, minimumLookSeconds: 2, maximumLookSeconds: 60,
};

/** The Goldilocks variant: the hazard is lowest at S̄* = 50 nats per frame (u* = β / 2γ = ln 51)
 * and rises again beyond it, "too surprising" for the observer to keep attending. */
export const GOLDILOCKS_PARAMS: LookingParams = { ...HAZARD_PARAMS, model: 'goldilocks', quadratic: HAZARD_PARAMS.linear / (2 * log(51)) };

export function lookingParams(model: HazardModelName): LookingParams {
  return model === 'goldilocks' ? GOLDILOCKS_PARAMS : HAZARD_PARAMS;
}

/** The event's information as the model reads it: u = ln(1 + S̄), S̄ in nats per frame (≥ 0;
 * undefined surprise counts as none). */
export function information(surprise: number | null): number {
  const s = surprise !== null && Number.isFinite(surprise) && surprise > 0 ? surprise : 0;
  return log(1 + s);
}

/** λ(S̄) = λ0 · exp(−β u + γ u²), per second. */
export function lookAwayHazard(surprise: number | null, p: LookingParams): number {
  const u = information(surprise);
  return p.baseHazard * exp(-p.linear * u + p.quadratic * u * u);
}

/** The chance of an event of hazard `rate` (per second) within one frame: 1 − e^(−rate/60). */
export const perFrame = (rate: number): number => 1 - exp(-rate / LOOK_FPS);

export type TrialEnd = 'lookaway' | 'maximum';

export interface LookingTrial {
  /** Cumulative looking at the paused display, in seconds (frames / 60). */
  seconds: number;
  /** From the pause to the end of the trial, looking and not. */
  trialSeconds: number;
  /** Separate looks (the first one included). */
  looks: number;
  endedBy: TrialEnd;
}

/** A hard stop on the trial's own clock, ten times the looking maximum: it is never reached with
 * μ > 0 in practice, and keeps a trial finite whatever the draws. */
const TRIAL_CAP_FACTOR = 10;

/** One trial: the observer is looking when the display pauses; each frame (1/60 s) a look ends with
 * probability 1 − e^(−λ/60) and a look-away ends with 1 − e^(−μ/60). The trial ends when a look-away
 * reaches `lookawaySeconds` after at least `minimumLookSeconds` of looking in total, or when
 * looking reaches `maximumLookSeconds`. Deterministic for the generator given. */
export function lookingTrial(surprise: number | null, p: LookingParams, rng: Rng): LookingTrial {
  checkParams(p);
  const away = perFrame(lookAwayHazard(surprise, p));
  return gazeTrial(() => rng.next() < away, p, rng);
}

/** The trial's clock for any looking model: `looksAway` is asked once per frame of looking (after
 * the frame is counted, unless it reached the maximum) whether the look ends now, and told which
 * frame of the trial (0-based) that is; while looking
 * away, each frame ends the look-away with 1 − e^(−μ/60). The criteria end the trial. */
export function gazeTrial(looksAway: (frame: number) => boolean, p: TrialCriteria, rng: Rng): LookingTrial {
  const back = perFrame(p.returnHazard);
  const maxLook = Math.round(p.maximumLookSeconds * LOOK_FPS);
  const minLook = Math.round(p.minimumLookSeconds * LOOK_FPS);
  const lookaway = Math.round(p.lookawaySeconds * LOOK_FPS);
  const cap = maxLook * TRIAL_CAP_FACTOR;
  let looking = true, looked = 0, awayRun = 0, looks = 1, frame = 0;
  let endedBy: TrialEnd = 'maximum';
  for (; frame < cap; frame++) {
    if (looking) {
      looked++;
      if (looked >= maxLook) { frame++; endedBy = 'maximum'; break; }
      if (looksAway(frame)) { looking = false; awayRun = 0; }
    } else {
      awayRun++;
      if (awayRun >= lookaway && looked >= minLook) { frame++; endedBy = 'lookaway'; break; }
      if (rng.next() < back) { looking = true; looks++; }
    }
  }
  return { seconds: looked / LOOK_FPS, trialSeconds: frame / LOOK_FPS, looks, endedBy };
}

/** Parameters that cannot make a trial: refused with the field named. */
export function checkParams(p: LookingParams): void {
  checkCriteria(p);
  for (const k of ['baseHazard'] as const) {
    if (!(Number.isFinite(p[k]) && p[k] > 0)) throw new Error(`looking model ${p.model}: ${k} must be a positive number (got ${String(p[k])})`);
  }
  for (const k of ['linear', 'quadratic'] as const) {
    if (!(Number.isFinite(p[k]) && p[k] >= 0)) throw new Error(`looking model ${p.model}: ${k} must be a number ≥ 0 (got ${String(p[k])})`);
  }
}

/** Trial criteria that cannot end a trial: refused with the field named. */
export function checkCriteria(p: TrialCriteria & { model: string }): void {
  for (const k of ['returnHazard', 'lookawaySeconds', 'maximumLookSeconds'] as const) {
    if (!(Number.isFinite(p[k]) && p[k] > 0)) throw new Error(`looking model ${p.model}: ${k} must be a positive number (got ${String(p[k])})`);
  }
  if (!(Number.isFinite(p.minimumLookSeconds) && p.minimumLookSeconds >= 0)) throw new Error(`looking model ${p.model}: minimumLookSeconds must be a number ≥ 0 (got ${String(p.minimumLookSeconds)})`);
}

/** The habituation criterion of infant-controlled procedures, as a sliding window: the first
 * trial k (0-based) at which the mean of trials k−2…k, from the window starting at the second
 * trial on, is below `fraction` of the mean of the first three. Null when never met (or fewer
 * than four trials). */
export function habituationTrial(seconds: readonly number[], fraction = 0.5): number | null {
  if (seconds.length < 4) return null;
  const baseline = (seconds[0]! + seconds[1]! + seconds[2]!) / 3;
  for (let k = 3; k < seconds.length; k++) {
    const recent = (seconds[k - 2]! + seconds[k - 1]! + seconds[k]!) / 3;
    if (recent < fraction * baseline) return k;
  }
  return null;
}

/** The generator of one observer's trial, from the study's seed and where the trial sits: the
 * same study, observer and trial always draw the same looks, whatever else is in the study. */
export function lookingRng(seed: number, model: string, sceneId: string, variant: number, condition: string, phase: string): Rng {
  return createRng(mixText(seed, `${model}\u0000${sceneId}\u0000${variant}\u0000${condition}\u0000${phase}`));
}

/** 32-bit FNV-1a of the text, started from the seed. */
function mixText(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  // One round of a good mixer so that nearby texts give unrelated streams.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
