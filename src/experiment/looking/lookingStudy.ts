// A study's looking times: each observer's surprise at each trial turned into seconds of looking by
// the looking model, then per age (a cohort of learners) the familiarization curve, the test looking
// times, the share of learners who looked longer at the impossible event, and a results sentence.
import type { Recording } from '../recording';
import type { PlannedTrial, StudyDesign } from '../studyDesign';
import { conditionStat, type ConditionBars, type ConditionStat } from '../studyResults';
import { PRIMARY_SCORE } from '../suite';
import { clopperPearson } from '../binomialIntervals';
import { groupThousands } from '../studySentence';
import { habituationTrial, lookingParams, lookingRng, lookingTrial, type LookingModelName, type LookingParams, type LookingTrial, type TrialEnd } from './lookingModel';
import type { Rng } from '../../sim/rng';
import { RANCH_MOMENT_PARAMS, RANCH_PARAMS, RanchMemory, type RanchParams } from './ranchModel';
import { SurpriseStream } from './momentStream';
import { lookingSentence } from './lookingSentence';
import { DEFAULT_HABITUATION, type HabituationSettings } from './habituationSettings';
import { infantSeed, signTestP } from './infants';
import { DEFAULT_ORDERS, testOrderOf, trialsInOrder, type StudyOrders, type TestOrder } from './testOrders';

export interface LookedTrial {
  index: number; phase: PlannedTrial['phase']; variant: number; condition: PlannedTrial['condition']; pair: number | null;
  /** The observer's primary surprise at the trial (nats per frame), the model's input. */
  surprise: number | null;
  seconds: number; looks: number; endedBy: TrialEnd;
}

export interface LookingObserver {
  model: string;
  /** Which of the learner's infants this is (1-based); only with several infants per learner (infants.ts). */
  infant?: number;
  /** The test order it saw; only with counterbalanced orders (testOrders.ts). */
  order?: TestOrder;
  kind: string | null; experience_frames: number | null;
  /** The age group it is counted in (learners of the same experience form a cohort). */
  group: string;
  trials: LookedTrial[];
  /** Seconds per familiarization trial, in order (recorded ones). */
  familiarization: number[];
  /** 1-based familiarization trial at which the habituation criterion was met; null if never. */
  habituatedAt: number | null;
  test: ConditionBars;
  /** Mean impossible − mean possible test looking (s); null until both conditions have a trial. */
  preference: number | null;
}

export interface LookingGroup {
  label: string; kind: string | null; experience_frames: number | null; models: string[];
  /** Per familiarization trial: looking across the group's observers. */
  familiarization: ConditionStat[];
  /** Test looking: each observer's mean per condition, across the group (one observer: its trials). */
  test: ConditionBars;
  /** Observers with a preference, those who looked longer at the impossible event, and the exact 95% interval. */
  n: number; longerAtImpossible: number; ci95: [number, number];
  habituated: number;
  /** Only with several infants per learner (infants.ts): the observers above are infants (`models`
   * names each learner once), `p` the one-sided sign test over them, and `learners` each learner
   * counted once, by its infants' mean. */
  infantsPerLearner?: number;
  p?: number;
  learners?: LearnerCount;
  /** Only with counterbalanced orders (testOrders.ts): the count above among the observers (infants)
   * who saw each order, so a reader sees whether one order carries the result. */
  byOrder?: Record<TestOrder, OrderCount>;
}

/** Among the observers who saw one test order: those with a preference, and those who looked longer at the impossible event. */
export interface OrderCount { n: number; longerAtImpossible: number }

/** The learners of a group of infants, each by the mean over its infants. */
export interface LearnerCount {
  n: number; longerAtImpossible: number; ci95: [number, number];
  /** One-sided sign test over the learners. */
  p: number;
  /** Per learner: its infants' mean test looking per condition, and the mean of their preferences. */
  means: { model: string; possible: number; impossible: number; preference: number }[];
}

export interface LookingPerson { familiarization: number[]; test: ConditionBars }

export interface LookingScene {
  sceneId: string; title: string;
  observers: LookingObserver[];
  groups: LookingGroup[];
  /** The person's looking (key L), on the same axes; null when nobody recorded. */
  person: LookingPerson | null;
  sentence: string;
}

export interface LookingResults {
  model: LookingModelName; params: LookingParams | RanchParams; habituate: boolean;
  /** How the learners habituated (null when they did not): what re-runs the study exactly. */
  habituation: HabituationSettings | null;
  seed: number;
  /** Only with several infants per learner: how many, and each infant's seed (infant 1 first). */
  infantsPerLearner?: number; infantSeeds?: number[];
  /** Only when counterbalanced (testOrders.ts): every odd-numbered infant (learner-major) saw each
   * test pair flipped; each observer's `order` says which it saw. */
  orders?: 'counterbalanced';
  scenes: LookingScene[];
}

const keyOf = (sceneId: string, variant: number, condition: string): string => `${sceneId}\u0000${variant}\u0000${condition}`;

/** A learner's age group by experience; a baseline or the oracle is a group of its own. */
export function groupOf(model: string, kind: string | null, frames: number | null): string {
  return kind === 'learned' && frames !== null ? `learners, ${groupThousands(frames)} frames` : model;
}

/** What a looking model is given of one trial: the observer's primary surprise (nats per frame) and,
 * for the moment-by-moment model, its surprise at every frame. */
interface Seen { surprise: number | null; series: readonly (number | null)[] }

/** One trial's looking for each of an observer's trials of a scene, in design order: the hazard
 * models look at each trial afresh; the RANCH-style models fold them through their memory. */
function looker(params: LookingParams | RanchParams): (seen: Seen, rng: Rng) => LookingTrial {
  if (params.model === 'hazard' || params.model === 'goldilocks') {
    const p = params as LookingParams;
    return ({ surprise }, rng) => lookingTrial(surprise, p, rng);
  }
  const moments = params.model === 'ranch-moment';
  const memory = new RanchMemory(params as RanchParams);
  return ({ surprise, series }, rng) => {
    const { belief: _belief, samples: _samples, ...trial } = moments ? memory.lookAtMoments(new SurpriseStream(series), rng) : memory.look(surprise, rng);
    return trial;
  };
}

export function modelParams(model: LookingModelName): LookingParams | RanchParams {
  return model === 'ranch' ? RANCH_PARAMS : model === 'ranch-moment' ? RANCH_MOMENT_PARAMS : lookingParams(model);
}

function observerLooking(model: string, trials: readonly PlannedTrial[], recorded: Map<string, Recording>, params: LookingParams | RanchParams, seed: number, infant: number | null, order: TestOrder | null): LookingObserver | null {
  const looked: LookedTrial[] = [];
  const look = looker(params);
  let kind: string | null = null, frames: number | null = null;
  for (const t of trials) {
    const track = recorded.get(keyOf(t.sceneId, t.variant, t.condition))?.observers.find((o) => o.model === model);
    if (!track) continue;
    kind = track.kind; frames = track.experience_frames;
    const surprise = track.scores[PRIMARY_SCORE] ?? null;
    const trial = look({ surprise, series: track.total }, lookingRng(seed, model, t.sceneId, t.variant, t.condition, t.phase));
    looked.push({ index: t.index, phase: t.phase, variant: t.variant, condition: t.condition, pair: t.pair, surprise, ...trial });
  }
  if (looked.length === 0) return null;
  const fam = looked.filter((t) => t.phase === 'familiarization').map((t) => t.seconds);
  const test = (c: PlannedTrial['condition']): number[] => looked.filter((t) => t.phase === 'test' && t.condition === c).sort((a, b) => a.variant - b.variant).map((t) => t.seconds);
  const bars = { possible: conditionStat(test('possible')), impossible: conditionStat(test('impossible')) };
  const at = habituationTrial(fam);
  return {
    model, ...(infant === null ? {} : { infant }), ...(order === null ? {} : { order }), kind, experience_frames: frames, group: groupOf(model, kind, frames), trials: looked,
    familiarization: fam, habituatedAt: at === null ? null : at + 1, test: bars,
    preference: bars.possible.n > 0 && bars.impossible.n > 0 ? bars.impossible.mean - bars.possible.mean : null,
  };
}

function groupLooking(label: string, members: readonly LookingObserver[], infantsPerLearner: number, counterbalanced: boolean): LookingGroup {
  const famLength = Math.max(0, ...members.map((m) => m.familiarization.length));
  const familiarization = Array.from({ length: famLength }, (_, k) => conditionStat(members.flatMap((m) => (k < m.familiarization.length ? [m.familiarization[k]!] : []))));
  const single = members.length === 1 ? members[0]! : null;
  const across = (c: 'possible' | 'impossible'): ConditionStat => conditionStat(members.filter((m) => m.test[c].n > 0).map((m) => m.test[c].mean));
  const test = single ? single.test : { possible: across('possible'), impossible: across('impossible') };
  const withPreference = members.filter((m) => m.preference !== null);
  const longer = withPreference.filter((m) => m.preference! > 0).length;
  return {
    // A group of one is called by its observer's own name.
    label: single ? single.model : label, kind: members[0]?.kind ?? null, experience_frames: members[0]?.experience_frames ?? null, models: [...new Set(members.map((m) => m.model))],
    familiarization, test, n: withPreference.length, longerAtImpossible: longer,
    ci95: withPreference.length === 0 ? [0, 1] : clopperPearson(longer, withPreference.length),
    habituated: members.filter((m) => m.habituatedAt !== null).length,
    ...(infantsPerLearner > 1 ? { infantsPerLearner, p: signTestP(longer, withPreference.length), learners: learnerCount(members) } : {}),
    ...(counterbalanced ? { byOrder: orderCounts(withPreference) } : {}),
  };
}

/** k of n per test order, among the observers with a preference. */
function orderCounts(withPreference: readonly LookingObserver[]): Record<TestOrder, OrderCount> {
  const count = (order: TestOrder): OrderCount => {
    const saw = withPreference.filter((m) => m.order === order);
    return { n: saw.length, longerAtImpossible: saw.filter((m) => m.preference! > 0).length };
  };
  return { drawn: count('drawn'), flipped: count('flipped') };
}

/** Each learner once, by the mean over its infants (those with a complete test pair). */
function learnerCount(infants: readonly LookingObserver[]): LearnerCount {
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const means = [...new Set(infants.map((m) => m.model))].flatMap((model) => {
    const complete = infants.filter((m) => m.model === model && m.preference !== null);
    return complete.length === 0 ? [] : [{
      model, possible: mean(complete.map((m) => m.test.possible.mean)), impossible: mean(complete.map((m) => m.test.impossible.mean)),
      preference: mean(complete.map((m) => m.preference!)),
    }];
  });
  const longer = means.filter((m) => m.preference > 0).length;
  return { n: means.length, longerAtImpossible: longer, ci95: means.length === 0 ? [0, 1] : clopperPearson(longer, means.length), p: signTestP(longer, means.length), means };
}

function personLooking(trials: readonly PlannedTrial[], recorded: Map<string, Recording>): LookingPerson | null {
  const seen = trials.flatMap((t) => {
    const looking = recorded.get(keyOf(t.sceneId, t.variant, t.condition))?.looking;
    return looking ? [{ t, seconds: looking.seconds }] : [];
  });
  if (seen.length === 0) return null;
  const test = (c: PlannedTrial['condition']): number[] => seen.filter((s) => s.t.phase === 'test' && s.t.condition === c).sort((a, b) => a.t.variant - b.t.variant).map((s) => s.seconds);
  return {
    familiarization: seen.filter((s) => s.t.phase === 'familiarization').map((s) => s.seconds),
    test: { possible: conditionStat(test('possible')), impossible: conditionStat(test('impossible')) },
  };
}

/** Looking times of every recorded trial of the design, for every observer. Depends only on the
 * recordings' scores, the model and the study's seed: the CLI and the page give the same numbers. */
export function lookingResults(design: StudyDesign, recordings: readonly Recording[], model: LookingModelName, habituate: boolean,
  habituation: HabituationSettings = DEFAULT_HABITUATION, orders: StudyOrders = DEFAULT_ORDERS): LookingResults {
  return infantLookingResults(design, [recordings], model, habituate, habituation, orders);
}

/** The same with several infants per learner (infants.ts): `infants[k]` the recordings infant k
 * saw (`runInfants`), its looks drawn with infant k's seed. One infant is `lookingResults`.
 * Counterbalanced (testOrders.ts), the odd-numbered infants' looking model meets each test pair
 * flipped (the recordings are the same: learning happens only in familiarization). */
export function infantLookingResults(design: StudyDesign, infants: readonly (readonly Recording[])[], model: LookingModelName, habituate: boolean,
  habituation: HabituationSettings = DEFAULT_HABITUATION, orders: StudyOrders = DEFAULT_ORDERS): LookingResults {
  if (infants.length < 1) throw new RangeError('infantLookingResults: at least one infant per learner');
  const params = modelParams(model);
  const seed = design.settings.seed;
  const many = infants.length > 1;
  const counterbalanced = orders === 'counterbalanced';
  // Numbered by their place in the whole design, as the drawn order's trials are.
  const flipped = trialsInOrder(design.trials, counterbalanced ? 'flipped' : 'drawn');
  const recordedBy = infants.map((recordings) => {
    const recorded = new Map<string, Recording>();
    for (const rec of recordings) {
      if (rec.kind !== 'trial' || rec.meta.seed !== seed || rec.meta.variant === null) continue;
      recorded.set(keyOf(rec.meta.scene_id, rec.meta.variant, rec.meta.condition), rec);
    }
    return recorded;
  });
  const scenes = design.settings.scenes.map((sceneId): LookingScene => {
    const trials = design.trials.filter((t) => t.sceneId === sceneId);
    const recorded = recordedBy[0]!;
    const title = trials.map((t) => recorded.get(keyOf(sceneId, t.variant, t.condition))?.meta.scene_title).find(Boolean) ?? sceneId;
    const inOrder = { drawn: trials, flipped: flipped.filter((t) => t.sceneId === sceneId) };
    const observers = design.settings.models.flatMap((m, learner) => recordedBy.map((rec, k) => {
      const order = testOrderOf(orders, learner, k, infants.length);
      return observerLooking(m, inOrder[order], rec, params, infantSeed(seed, k), many ? k + 1 : null, counterbalanced ? order : null);
    })).filter((o): o is LookingObserver => o !== null);
    const labels = [...new Set(observers.map((o) => o.group))];
    const groups = labels.map((label) => groupLooking(label, observers.filter((o) => o.group === label), infants.length, counterbalanced));
    return { sceneId, title, observers, groups, person: personLooking(trials, recorded), sentence: lookingSentence(title, groups, habituate) };
  });
  return {
    model, params, habituate, habituation: habituate ? habituation : null, seed,
    ...(many ? { infantsPerLearner: infants.length, infantSeeds: infants.map((_, k) => infantSeed(seed, k)) } : {}),
    ...(counterbalanced ? { orders: 'counterbalanced' as const } : {}),
    scenes,
  };
}
