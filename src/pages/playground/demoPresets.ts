// One-key lecture demos: the toy car watched by the youngest and the oldest learner on offer, from
// the start, playing (I then switches falling ⇄ floating; the other condition stays on the chart).
import type { AppStore } from './store/appStore';
import type { TrialController } from './trialController';

export const DEMO_SCENE = 'car-off-platform';

/** The youngest learner with some experience and the most experienced one (ids), if there are two. */
export function youngAndOld(models: readonly { id: string; kind: string; experienceFrames: number; cohortSeed?: number; members?: readonly string[] }[]): string[] {
  // The main series (seed 1): not another seed of the cohort, nor a cohort.
  const learners = models.filter((m) => m.kind === 'learned' && m.experienceFrames > 0 && m.cohortSeed === undefined && !m.members)
    .sort((a, b) => a.experienceFrames - b.experienceFrames);
  if (learners.length === 0) return [];
  const young = learners[0]!;
  const old = learners[learners.length - 1]!;
  return young === old ? [old.id] : [young.id, old.id];
}

export function youngVsOld(store: AppStore, controller: TrialController): void {
  const s = store.getState();
  const pair = youngAndOld(s.models);
  if (pair.length > 0) s.setSelectedModels(pair);
  s.setGhostModel(null);
  if (s.catalog.some((e) => e.id === DEMO_SCENE)) controller.selectScene(DEMO_SCENE);
  controller.reset();
  if (!store.getState().running) controller.togglePlay();
}
