// An observer a person can pick on any screen: a shipped or saved checkpoint, constant velocity,
// gravity only, the ideal observer (the simulator itself), or a cohort of seeds as one observer.

export type ModelKind = 'learned' | 'constant-velocity' | 'gravity-only' | 'oracle';

export interface ModelChoice {
  /** URL-safe name: a checkpoint's name, 'constant-velocity', 'gravity-only' or 'oracle'. */
  id: string;
  kind: ModelKind;
  /** Frames of experience (Infinity for the oracle, 0 for the two baselines). */
  experienceFrames: number;
  label: string;
  /** One line on what it is, for the picker's tooltip. */
  note: string;
  /** Set for the cohort's other seeds (models/seed-S/): the pickers fold them away by seed. */
  cohortSeed?: number;
  /** Set for a cohort as one observer (`cohort:learner-100k`): the ids of its checkpoints, one per
   * seed, seed 1 first (src/web/cohortChoice.ts). Its surprise is their mean, with a min–max band. */
  members?: readonly string[];
}
