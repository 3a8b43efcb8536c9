// What the setup panel holds (scenes, observers, pairs, familiarization, seed, speed, looking),
// read from and written to the page's URL so that a study can be shared as a link.
import { formEncoded, oneOf, readQuery, switchOn, wholeNumber, writeQuery, type QuerySpec } from '../../web/queryParams';
import { LOOKING_MODELS, type LookingModelName } from '../../experiment/looking/lookingModel';
import { MAX_INFANTS_PER_LEARNER } from '../../experiment/looking/infants';
import { STUDY_ORDERS, type StudyOrders } from '../../experiment/looking/testOrders';

export type Speed = 'instant' | 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = ['instant', 0.5, 1, 2, 4];
export const speedLabel = (s: Speed): string => (s === 'instant' ? 'instant (no drawing)' : s === 0.5 ? '½× (slow)' : `${s}×`);

export interface SetupForm {
  scenes: string[];
  models: string[];
  pairs: number;
  familiarization: number;
  seed: number;
  speed: Speed;
  /** A person records looking time with the lookaway key (trials play at 1×, conditions hidden). */
  looking: boolean;
  /** The observers' looking model (docs/looking.md), or none: surprise only. */
  lookingModel: LookingModelName | 'none';
  /** Learners keep learning from the familiarization trials (their own copies). */
  habituate: boolean;
  /** Infants per learner (infants.ts): each with its own attention and, habituating, its own copy. */
  infants: number;
  /** Test orders across infants (testOrders.ts): shared, or counterbalanced (every other infant sees each pair flipped). */
  orders: StudyOrders;
}

export const LOOKING_CHOICES: readonly (LookingModelName | 'none')[] = ['none', ...LOOKING_MODELS];
/** What the Looking model select shows for each choice. */
export const LOOKING_LABELS: Readonly<Record<LookingModelName | 'none', string>> = { none: 'none', hazard: 'hazard', goldilocks: 'Goldilocks', ranch: 'RANCH-style', 'ranch-moment': 'RANCH-style, moment by moment' };

/** What the Test orders select shows for each choice. */
export const ORDER_LABELS: Readonly<Record<StudyOrders, string>> = { shared: 'the same for every infant', counterbalanced: 'counterbalanced across infants' };

export const LIMITS = { pairs: [1, 200], familiarization: [0, 10], seed: [0, 0xffffffff], infants: [1, MAX_INFANTS_PER_LEARNER] } as const;

/** Names from a comma-separated list that the page knows, each once; none known: the default. An
 * unknown name is named to the person, not dropped silently. */
const knownNames = (allowed: readonly string[]) => (text: string, ignore: (what: string) => void): string[] | undefined => {
  const names = text.split(',').map((x) => x.trim()).filter((x) => x !== '');
  for (const x of names) if (!allowed.includes(x)) ignore(x);
  const picked = names.filter((x) => allowed.includes(x));
  return picked.length > 0 ? [...new Set(picked)] : undefined;
};
const count = (limits: readonly [number, number]) => wholeNumber(limits[0], limits[1], { clamp: true, trim: true });

/** The Experiment screen's parameters, declared once (the scenes and observers offered are known at run time). */
export function setupQuerySpec(known: { scenes: readonly string[]; models: readonly string[] }): QuerySpec<SetupForm> {
  return {
    scenes: { type: 'scene ids, comma-separated', help: 'the scenes studied', default: [], read: knownNames(known.scenes), write: (v) => formEncoded(v.join(',')) },
    models: { type: 'observer ids, comma-separated', help: 'the observers (the “infants”)', default: [], read: knownNames(known.models), write: (v) => formEncoded(v.join(',')) },
    pairs: { type: `whole number ${LIMITS.pairs.join('–')}`, help: 'matched pairs per scene', default: 10, read: count(LIMITS.pairs), write: String },
    familiarization: { name: 'fam', type: `whole number ${LIMITS.familiarization.join('–')}`, help: 'familiarization trials per scene', default: 2, read: count(LIMITS.familiarization), write: String },
    seed: { type: `whole number ${LIMITS.seed.join('–')}`, help: 'the seed of variants and order', default: 1, read: count(LIMITS.seed), write: String },
    speed: { type: SPEEDS.join(' | '), help: 'playback speed (instant: scored, not drawn)', default: 2, read: oneOf(SPEEDS), write: (v) => formEncoded(String(v)) },
    looking: { type: 'switch (0: off)', help: 'a person records looking time with the L key', default: false, read: switchOn('0'), write: (v) => (v ? '1' : null) },
    lookingModel: { name: 'look', type: LOOKING_CHOICES.join(' | '), help: "the observers' looking model (looking time in seconds)", default: 'none', read: oneOf(LOOKING_CHOICES), write: (v) => (v && v !== 'none' ? v : null) },
    habituate: { type: 'switch (0: off)', help: 'learners keep learning from familiarization trials', default: false, read: switchOn('0'), write: (v) => (v ? '1' : null) },
    infants: { type: `whole number ${LIMITS.infants.join('–')}`, help: 'infants per learner: each its own attention and, habituating, its own learning copy', default: 1, read: count(LIMITS.infants), write: (v) => (v > 1 ? String(v) : null) },
    orders: { type: STUDY_ORDERS.join(' | '), help: 'test orders: every infant the drawn one, or counterbalanced (every other infant, learner by learner, sees each pair flipped)', default: 'shared', read: oneOf(STUDY_ORDERS), write: (v) => (v !== 'shared' ? v : null) },
  };
}

/** The form from `?scenes=a,b&models=x,y&pairs=10&fam=2&seed=1&speed=2&looking=1`, unknown names dropped. */
export function formFromQuery(search: string, known: { scenes: readonly string[]; models: readonly string[] }, defaults: SetupForm): SetupForm {
  return readQuery(setupQuerySpec(known), search, defaults).values;
}

/** What the address gave that could not be used (`seed “x”`), to tell the person instead of dropping it silently. */
export function ignoredInQuery(search: string, known: { scenes: readonly string[]; models: readonly string[] }, defaults: SetupForm): string[] {
  return readQuery(setupQuerySpec(known), search, defaults).ignored;
}

export function queryOfForm(form: SetupForm): string {
  return writeQuery(setupQuerySpec({ scenes: form.scenes, models: form.models }), form);
}
