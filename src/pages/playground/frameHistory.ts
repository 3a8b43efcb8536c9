// The recent past of a trial, one record per frame: the snapshot, what observers saw, the ideal
// observer's twin, and each model's surprise. A bounded window: step back and scrub read from it.
import type { WorldSnapshot } from '../../sim/snapshot';
import type { Observation } from '../../predictor/observation';

export interface SurpriseAt {
  /** Summed over moving visible bodies; null where the model has no value yet (before H frames). */
  total: number | null;
  perObject: ReadonlyMap<string, number>;
  /** A cohort observer only: the lowest and highest of its seeds' totals (`total` is their mean). */
  band?: { min: number; max: number };
}

export interface FrameRecord {
  snapshot: WorldSnapshot;
  obs: Observation;
  /** The twin's observation (the same world without the magic), for the ideal observer. */
  twinObs: Observation;
  /** Model id → its surprise at this frame. */
  surprise: Map<string, SurpriseAt>;
}

/** Frames kept: one minute at 60 steps per second. */
export const HISTORY_FRAMES = 3600;

export class FrameHistory {
  private records: FrameRecord[] = [];
  private base = 0;

  get first(): number {
    return this.base;
  }
  /** The newest frame held (first - 1 when empty). */
  get last(): number {
    return this.base + this.records.length - 1;
  }

  at(frame: number): FrameRecord | undefined {
    return this.records[frame - this.base];
  }

  push(record: FrameRecord): void {
    if (this.records.length === 0) this.base = record.snapshot.frame;
    else if (record.snapshot.frame !== this.last + 1) throw new Error(`history: frame ${record.snapshot.frame} after ${this.last}`);
    this.records.push(record);
    if (this.records.length > HISTORY_FRAMES + 600) {
      this.records.splice(0, 600);
      this.base += 600;
    }
  }

  /** Forgets every frame after `frame`. */
  truncateAfter(frame: number): void {
    this.records.length = Math.max(0, Math.min(this.records.length, frame - this.base + 1));
  }

  clear(): void {
    this.records = [];
    this.base = 0;
  }

  /** Records from `from` to `to` inclusive (clipped to what is held). */
  range(from: number, to: number): FrameRecord[] {
    return this.records.slice(Math.max(0, from - this.base), Math.max(0, to - this.base + 1));
  }
}
