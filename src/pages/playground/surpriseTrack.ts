// One observer's live surprise beside the trial, computed once per physics step (never per
// animation frame): a learned checkpoint or a baseline through LiveSurprise, or the ideal
// observer comparing the scene with its twin. Values are written into the frame history.
import { LiveSurprise } from '../../predictor/liveSurprise';
import { computeSurprise, oracleSurprise, HORIZON } from '../../predictor/surprise';
import type { StepPredictor } from '../../predictor/predictor';
import type { ModelChoice } from '../../web/modelChoice';
import type { FrameHistory, FrameRecord, SurpriseAt } from './frameHistory';
import type { ViewFrame } from '../../predictor/view';

/** What the observer could see at a frame (the world's window and its screens), for occlusion. */
export type ViewOf = (frame: number) => ViewFrame | undefined;

export interface SurpriseTrack {
  readonly choice: ModelChoice;
  /** The predictor behind it (null for the ideal observer). */
  readonly predictor: StepPredictor | null;
  /** The surprise at the newest frame (its record is already in the history). */
  push(record: FrameRecord): SurpriseAt;
  /** Fills in every frame of the history up to `to`, and gets ready for frame `to + 1`. */
  catchUp(history: FrameHistory, to: number): void;
  /** Gets ready for frame `to + 1` from values already in the history (after a rewind). */
  prime(history: FrameHistory, to: number): void;
}

const NONE: ReadonlyMap<string, number> = new Map();

export class PredictorTrack implements SurpriseTrack {
  private readonly live: LiveSurprise;
  constructor(readonly choice: ModelChoice, readonly predictor: StepPredictor, private readonly viewOf: ViewOf = () => undefined) {
    this.live = new LiveSurprise(predictor);
  }

  push(record: FrameRecord): SurpriseAt {
    const r = this.live.push(record.snapshot.frame, record.obs, this.viewOf(record.snapshot.frame));
    const at: SurpriseAt = { total: r.total, perObject: r.perObject };
    record.surprise.set(this.choice.id, at);
    return at;
  }

  catchUp(history: FrameHistory, to: number): void {
    const records = history.range(history.first, to);
    if (records.length > HORIZON) {
      const views = records.map((r) => this.viewOf(r.snapshot.frame));
      const trace = computeSurprise(this.predictor, records.map((r) => r.obs), HORIZON, views.every((v) => v) ? (views as ViewFrame[]) : undefined);
      records.forEach((r, t) => {
        const total = trace.total[t]!;
        const perObject = new Map<string, number>();
        for (const [id, values] of trace.perObject) if (Number.isFinite(values[t]!)) perObject.set(id, values[t]!);
        r.surprise.set(this.choice.id, { total: Number.isFinite(total) ? total : null, perObject });
      });
    } else {
      for (const r of records) r.surprise.set(this.choice.id, { total: null, perObject: NONE });
    }
    this.prime(history, to);
  }

  prime(history: FrameHistory, to: number): void {
    this.live.reset();
    for (const r of history.range(Math.max(history.first, to - HORIZON + 1), to)) this.live.push(r.snapshot.frame, r.obs, this.viewOf(r.snapshot.frame));
  }
}

export class OracleTrack implements SurpriseTrack {
  readonly predictor = null;
  constructor(readonly choice: ModelChoice) {}

  push(record: FrameRecord): SurpriseAt {
    const trace = oracleSurprise([record.obs], [record.twinObs]);
    const perObject = new Map<string, number>();
    for (const [id, values] of trace.perObject) perObject.set(id, values[0]!);
    const at: SurpriseAt = { total: trace.total[0]!, perObject };
    record.surprise.set(this.choice.id, at);
    return at;
  }

  catchUp(history: FrameHistory, to: number): void {
    for (const r of history.range(history.first, to)) this.push(r);
  }

  prime(): void {
    // Stateless: each frame compares the scene with its twin at that frame.
  }
}
