// An observer a person can pick on any screen: a shipped or saved checkpoint, constant velocity,
// or the ideal observer (the simulator itself).

export type ModelKind = 'learned' | 'constant-velocity' | 'oracle';

export interface ModelChoice {
  /** URL-safe name: a checkpoint's name, 'constant-velocity' or 'oracle'. */
  id: string;
  kind: ModelKind;
  /** Frames of experience (Infinity for the oracle, 0 for constant velocity). */
  experienceFrames: number;
  label: string;
  /** One line on what it is, for the picker's tooltip. */
  note: string;
}
