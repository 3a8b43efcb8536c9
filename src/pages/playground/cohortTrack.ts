// A cohort as one observer beside the trial: one PredictorTrack per seed (each writes its own surprise
// into the frame history under its checkpoint's id), and the cohort's entry at each frame: the mean
// over the seeds (in total and per body) with the min–max band. The ghost uses the first seed.
import { cohortBand, cohortPerBody } from '../../experiment/cohortBand';
import type { StepPredictor } from '../../predictor/predictor';
import type { ModelChoice } from '../../web/modelChoice';
import type { FrameHistory, FrameRecord, SurpriseAt } from './frameHistory';
import { PredictorTrack, type SurpriseTrack, type ViewOf } from './surpriseTrack';

export class CohortTrack implements SurpriseTrack {
  readonly members: PredictorTrack[];
  /** Seed 1's predictor (the first member): it draws the ghost and the glow. */
  readonly predictor: StepPredictor;

  constructor(readonly choice: ModelChoice, members: readonly { id: string; predictor: StepPredictor }[], viewOf: ViewOf) {
    if (members.length === 0) throw new Error(`${choice.id}: a cohort needs at least one member`);
    this.members = members.map((m) => new PredictorTrack({ id: m.id, kind: 'learned', experienceFrames: choice.experienceFrames, label: m.id, note: '' }, m.predictor, viewOf));
    this.predictor = members[0]!.predictor;
  }

  push(record: FrameRecord): SurpriseAt {
    for (const m of this.members) m.push(record);
    return this.combine(record);
  }

  catchUp(history: FrameHistory, to: number): void {
    for (const m of this.members) m.catchUp(history, to);
    for (const r of history.range(history.first, to)) this.combine(r);
  }

  prime(history: FrameHistory, to: number): void {
    for (const m of this.members) m.prime(history, to);
  }

  /** The cohort's entry at a frame from its members' entries there. */
  private combine(record: FrameRecord): SurpriseAt {
    const each = this.members.map((m) => record.surprise.get(m.choice.id));
    const band = cohortBand(each.map((a) => a?.total));
    const at: SurpriseAt = band
      ? { total: band.mean, perObject: cohortPerBody(each.map((a) => a!.perObject)), band: { min: band.min, max: band.max } }
      : { total: null, perObject: new Map() };
    record.surprise.set(this.choice.id, at);
    return at;
  }
}
