// Surprise: how badly an observer's expectation matched what was then observed (docs/surprise.md).
import { movingById, type Observation } from './observation';
import type { StepPrediction, StepPredictor } from './predictor';
import { rollStarts, rolloutSurprise, shapeSurprise, type RolloutState } from './rollout';
import { trackBeliefs } from './belief';
import { ArrivalTracker } from './appearance';
import { SightingTracker, sightedSurprise } from './sightings';
import { hasObjectFiles } from './coreKnowledge';
import type { ViewFrame } from './view';
import { OUTPUTS } from './features';
import { HORIZON, MISSING_SURPRISE, POSITION_NOISE_M } from './constants';
import { log } from '../sim/portableMath';
import { sameStart, type MemoEntry, type RolloutMemo } from './rolloutMemo';

export { HORIZON, MISSING_SURPRISE, POSITION_NOISE_M };

/** Rollouts advanced together in the batch computation. */
const ROLLOUT_CHUNK = 32;

export interface SurpriseTrace {
  /** Per frame, per observed object id: primary surprise (nats-like, 0.5·z² of the rollout). NaN where undefined. */
  perObject: Map<string, Float64Array>;
  /** Per frame, summed over objects. NaN for frames before the horizon. */
  total: Float64Array;
  /** Per frame: one-step Gaussian negative log-likelihood of the observed velocity change (nats). */
  oneStepNll: Float64Array;
  horizon: number;
}

export interface TrialScores {
  /** The primary score: mean over frames of the rollout surprise. */
  rollout_mean: number;
  rollout_max: number;
  /** Mean from the violation onset on (the same frames in both trials of a matched pair). */
  rollout_mean_from_onset: number;
  onestep_nll_mean: number;
  onestep_nll_max: number;
}

export const SCORE_NAMES: readonly (keyof TrialScores)[] = [
  'rollout_mean', 'rollout_max', 'rollout_mean_from_onset', 'onestep_nll_mean', 'onestep_nll_max',
];

const dynamicIds = (o: Observation): Map<string, number> => {
  const m = new Map<string, number>();
  o.forEach((s, i) => { if (!s.isStatic) m.set(s.id, i); });
  return m;
};

/** Surprise of an observer at every frame of a trial. With `views` (the window and screens per frame)
 * the observer keeps hidden objects in mind and is surprised when one it expects in view is not
 * there, or when one it did not expect appears where nothing could have been hidden; without them,
 * unobserved and newly seen objects are simply skipped (docs/surprise.md). A start the same to the bit
 * as one rolled out before (in this trial, or in `memo`'s) is not rolled out again: its rollout is
 * the same. Hand both trials of a matched pair one memo (they share every frame before the onset). */
export function computeSurprise(predictor: StepPredictor, frames: readonly Observation[], horizon = HORIZON, views?: readonly ViewFrame[],
  shared?: RolloutMemo, stride = 1, startStride = 1): SurpriseTrace {
  if (!Number.isInteger(stride) || stride < 1) throw new Error(`computeSurprise: stride must be a whole number ≥ 1, not ${stride}`);
  if (!Number.isInteger(startStride) || startStride < 1) throw new Error(`computeSurprise: start stride must be a whole number ≥ 1, not ${startStride}`);
  if (stride > 1 && startStride > 1) throw new Error('computeSurprise: a stride and a start stride cannot be combined');
  shared?.check(predictor, horizon);
  const T = frames.length;
  const total = new Float64Array(T).fill(NaN);
  const oneStepNll = new Float64Array(T).fill(NaN);
  const perObject = new Map<string, Float64Array>();
  const ensure = (id: string): Float64Array => {
    let a = perObject.get(id);
    if (!a) { a = new Float64Array(T).fill(NaN); perObject.set(id, a); }
    return a;
  };
  for (const f of frames) for (const o of f) if (!o.isStatic) ensure(o.id);
  // The one-step prediction at every frame. A rollout that starts from a frame as observed (a
  // belief that carries nothing hidden) takes its first step with exactly this row, so that step is
  // not predicted twice.
  // With a shared memo, the frames this trial shares with the one scored before it from frame 0 on
  // (a matched pair's frames before the onset) take their rows from that trial's prediction.
  const oneStep = T > 1 ? oneStepPrediction(predictor, frames.slice(0, T - 1), shared) : null;
  if (T > horizon) {
    // Without object files (coreKnowledge.ts) the observer keeps nothing hidden in mind and scores
    // only what stayed in sight (sightings.ts), with or without views.
    const files = hasObjectFiles(predictor.features);
    const sightings = new SightingTracker();
    const since = files ? undefined : frames.map((f, t) => sightings.push(t, f));
    const starts = views && files ? trackBeliefs(predictor, frames.slice(0, T - horizon), views) : frames.slice(0, T - horizon);
    const tracker = new ArrivalTracker();
    const arrivals = views && files ? frames.map((f, t) => tracker.push(f, views[t]!)) : undefined;
    const asObserved = (start: Observation | RolloutState, t: number): boolean =>
      Array.isArray(start) || (start as RolloutState).state.length === frames[t]!.length;
    // A few dozen starts at a time: each frame's rollout is computed on its own (the same numbers
    // in any grouping), and short-lived rollout states are far cheaper to collect than 20 steps of
    // a whole trial's.
    // With a stride k, only the frames t ≡ 0 (mod k) are scored (scoredStarts): the others stay NaN.
    // With a start stride k, rollouts start only at the frames s ≡ 0 (mod k), and frame s + H + j
    // (j < k) is scored from the rollout started at s, H + j steps on (startStrideStarts).
    const scored = startStride > 1 ? startStrideStarts(starts.length, startStride) : scoredStarts(starts.length, horizon, stride);
    // Each scored start's memo entry: a start the same as the one scored before shares its entry;
    // others are found by content only when the memo is shared with another trial (in this trial
    // alone, only repeats can coincide). An entry's rollout is computed with the first batch it joins.
    let last: MemoEntry | undefined;
    for (let from = 0; from < scored.length; from += ROLLOUT_CHUNK) {
      const chunkAt = scored.slice(from, from + ROLLOUT_CHUNK);
      const entries = chunkAt.map((t, k) => {
        const start = starts[t]!;
        if (last && from + k > 0 && sameStart(start, starts[scored[from + k - 1]!]!)) return last;
        last = shared ? shared.findOrAdd(start) : { start };
        return last;
      });
      // The chunk's starts not rolled out before, each once, with the frame it was first met at.
      const todo: MemoEntry[] = [];
      const todoAt: number[] = [];
      entries.forEach((entry, k) => {
        if (entry.rollout || todo.includes(entry)) return;
        todo.push(entry);
        todoAt.push(chunkAt[k]!);
      });
      // Starts that are frames as observed take their first step from the one-step rows.
      const first = oneStep && horizon > 0 && todo.every((e, m) => asObserved(e.start, todoAt[m]!))
        ? { prediction: oneStep, rows: todoAt } : undefined;
      const rolled = rollStarts(predictor, todo.map((e) => e.start), horizon, first);
      todo.forEach((e, m) => { e.rollout = rolled[m]!; });
      // A start stride's rollouts go on, one step at a time, for the frames after s + H they score.
      for (let j = 1; j < startStride; j++) {
        const going = [...new Set(entries)].filter((e) => (e.onward?.length ?? 0) < j);
        if (going.length === 0) continue;
        const stepped = rollStarts(predictor, going.map((e) => (j === 1 ? e.rollout! : e.onward![j - 2]!)), 1);
        going.forEach((e, m) => { (e.onward ??= []).push(stepped[m]!); });
      }
      entries.forEach((entry, k) => {
        for (let j = 0; j < startStride; j++) {
          const t = chunkAt[k]! + horizon + j;
          if (t >= T) break;
          let sum = 0;
          const r = j === 0 ? entry.rollout! : entry.onward![j - 1]!;
          const scores = since ? sightedSurprise(r, frames[t]!, chunkAt[k]!, since[t]!) : rolloutSurprise(r, frames[t]!, views?.[t], arrivals?.[t]);
          scores.forEach((s, id) => {
            ensure(id)[t] = s;
            sum += s;
          });
          total[t] = sum;
        }
      });
    }
  }
  if (oneStep) {
    const p = oneStep;
    for (let t = 1; t < T; t++) {
      const prev = frames[t - 1]!;
      const frame = frames[t]!;
      let nll = 0;
      for (let i = 0; i < prev.length; i++) {
        const o = prev[i]!;
        if (o.isStatic) continue;
        const now = movingById(frame, i, o.id);
        if (!now) continue;
        const k = ((t - 1) * p.n + i) * OUTPUTS;
        const vx = p.variance[k]!;
        nll += 0.5 * ((now.vx - o.vx - p.mean[k]!) ** 2 / vx + log(2 * Math.PI * vx));
        const vy = p.variance[k + 1]!;
        nll += 0.5 * ((now.vy - o.vy - p.mean[k + 1]!) ** 2 / vy + log(2 * Math.PI * vy));
      }
      oneStepNll[t] = nll;
    }
  }
  return { perObject, total, oneStepNll, horizon };
}

/** The observer's one-step prediction of every frame, reusing and then leaving in `memo` what the
 * other trial of a pair can share (the same bits as predict). */
function oneStepPrediction(predictor: StepPredictor, frames: readonly Observation[], memo?: RolloutMemo): StepPrediction {
  const earlier = memo?.oneStep;
  const prediction = earlier && predictor.predictReusing ? predictor.predictReusing(frames, earlier) : predictor.predict(frames);
  if (memo) memo.oneStep = { frames, prediction };
  return prediction;
}

/** The starts (frame indices) whose rollouts are scored: every one with stride 1; with stride k,
 * those whose scored frame t = start + horizon is a multiple of k. The phase is fixed (frame 0 of
 * the trial), not drawn, so both trials of a matched pair are scored on the same frames. */
export function scoredStarts(count: number, horizon: number, stride: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < count; s++) if ((s + horizon) % stride === 0) out.push(s);
  return out;
}

/** The starts whose rollouts are made with a start stride k: the frames s ≡ 0 (mod k), a fixed phase
 * (frame 0 of the trial), so both trials of a matched pair start theirs at the same frames. */
export function startStrideStarts(count: number, startStride: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < count; s += startStride) out.push(s);
  return out;
}

/** What a stride-k computation of `trace` gives: the same S_t on the frames t ≡ 0 (mod k), NaN on
 * the others (tests/unit/surpriseStride.test.ts holds computeSurprise to exactly this). The
 * one-step NLL is computed on every frame whatever the stride. */
export const strideTrace = (trace: SurpriseTrace, stride: number): SurpriseTrace =>
  ({ ...trace, total: trace.total.map((v, t) => (t % stride === 0 ? v : NaN)) });

/** The ideal observer: the simulator itself run without the violation. Its expectation is the
 * possible twin's trajectory; surprise is the squared distance in units of the 1 cm noise floor. */
export function oracleSurprise(frames: readonly Observation[], twin: readonly Observation[]): SurpriseTrace {
  const T = frames.length;
  const total = new Float64Array(T);
  const oneStepNll = new Float64Array(T);
  const perObject = new Map<string, Float64Array>();
  const floor = POSITION_NOISE_M * POSITION_NOISE_M;
  for (let t = 0; t < T; t++) {
    const expected = dynamicIds(twin[t] ?? []);
    let sum = 0;
    for (const o of frames[t]!) {
      if (o.isStatic) continue;
      let a = perObject.get(o.id);
      if (!a) { a = new Float64Array(T); perObject.set(o.id, a); }
      const j = expected.get(o.id);
      const e = j === undefined ? undefined : twin[t]![j]!;
      // A body seen where the simulator expects none is as surprising as a large displacement.
      const s = e ? 0.5 * ((o.x - e.x) ** 2 + (o.y - e.y) ** 2) / floor + shapeSurprise(e, o) : MISSING_SURPRISE;
      a[t] = s;
      sum += s;
    }
    for (const [id] of expected) {
      if (!frames[t]!.some((o) => o.id === id)) sum += MISSING_SURPRISE;
    }
    total[t] = sum;
    oneStepNll[t] = sum;
  }
  return { perObject, total, oneStepNll, horizon: 0 };
}

function meanMax(values: Float64Array, from: number): { mean: number; max: number } {
  let s = 0, c = 0, m = 0;
  for (let t = Math.max(0, from); t < values.length; t++) {
    const v = values[t]!;
    if (!Number.isFinite(v)) continue;
    s += v; c++;
    if (v > m) m = v;
  }
  return { mean: c > 0 ? s / c : 0, max: m };
}

export function trialScores(trace: SurpriseTrace, onsetFrame: number | null): TrialScores {
  const all = meanMax(trace.total, 0);
  const fromOnset = meanMax(trace.total, onsetFrame ?? 0);
  const nll = meanMax(trace.oneStepNll, 1);
  return {
    rollout_mean: all.mean,
    rollout_max: all.max,
    rollout_mean_from_onset: fromOnset.mean,
    onestep_nll_mean: nll.mean,
    onestep_nll_max: nll.max,
  };
}
