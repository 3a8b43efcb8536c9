// Test orders across infants: shared (every infant sees the order the study's seed drew) or
// counterbalanced (every other infant sees each test pair the other way round), as infant studies do.
import type { PlannedTrial } from '../studyDesign';

/** `shared`: the study as it always was; `counterbalanced`: half the infants see each pair flipped. */
export const STUDY_ORDERS = ['shared', 'counterbalanced'] as const;
export type StudyOrders = (typeof STUDY_ORDERS)[number];
export const DEFAULT_ORDERS: StudyOrders = 'shared';

/** The order an infant saw: the design's own (`drawn`), or every test pair's two trials swapped. */
export type TestOrder = 'drawn' | 'flipped';
export const TEST_ORDERS: readonly TestOrder[] = ['drawn', 'flipped'];

/** Which order infant `infant` (0-based) of the study's `learner`-th observer (0-based, in the
 * study's model order) saw. Counterbalanced, infants are numbered learner-major (learner × K +
 * infant) and the odd-numbered ones (1, 3, 5, …) see the flipped order: with one infant per
 * learner the orders alternate across learners; with K even each learner has K/2 of each. */
export function testOrderOf(orders: StudyOrders, learner: number, infant: number, infantsPerLearner: number): TestOrder {
  if (orders === 'shared') return 'drawn';
  return (learner * infantsPerLearner + infant) % 2 === 1 ? 'flipped' : 'drawn';
}

/** The design's trials with the two trials of every test pair swapped (the pairs keep their order,
 * familiarization is untouched), numbered again by their new place: what a flipped infant saw.
 * Learning happens only in familiarization, which comes first, so a test trial's recording (the
 * learner's surprise) is the same in either order; the order reaches only the looking model. */
export function flippedTrials(trials: readonly PlannedTrial[]): PlannedTrial[] {
  const out = [...trials];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.phase !== 'test') continue;
    const next = out[i + 1];
    if (!next || next.phase !== 'test' || next.sceneId !== t.sceneId || next.pair !== t.pair || next.condition === t.condition) {
      throw new Error(`flippedTrials: test trial ${t.index + 1} (${t.sceneId}, pair ${t.pair}) is not followed by the other trial of its pair`);
    }
    out[i] = next;
    out[i + 1] = t;
    i++;
  }
  return out.map((t, index) => ({ ...t, index }));
}

/** An infant's trials in the order it saw them. */
export function trialsInOrder(trials: readonly PlannedTrial[], order: TestOrder): readonly PlannedTrial[] {
  return order === 'drawn' ? trials : flippedTrials(trials);
}
