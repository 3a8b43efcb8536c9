// What the moment-by-moment RANCH-style observer perceives: its surprise at each frame of the event
// as it plays, the last frame held once the event is over, read in windows of the frames it looked at.
import { information } from './lookingModel';

/** An observer's per-frame surprise at an event, on the trial's clock (frame 0: the event's first). */
export class SurpriseStream {
  private readonly frames: readonly (number | null)[];
  private readonly held: number | null;

  /** `series`: the observer's per-frame rollout surprise (nats; null or NaN where undefined). A
   * series with no defined frame at all is perceived as no surprise at every frame, as the
   * trial-mean model reads an undefined S̄. */
  constructor(series: readonly (number | null)[]) {
    const defined = series.map((s) => (s !== null && Number.isFinite(s) ? s : null));
    const last = [...defined].reverse().find((s) => s !== null) ?? null;
    this.frames = last === null ? defined.map(() => 0) : defined;
    this.held = last === null ? 0 : last;
  }

  /** Frames in the event (the trial may run longer: the last frame is then held). */
  get eventFrames(): number { return this.frames.length; }

  /** The surprise at trial frame `frame`: the event's, or beyond its end the held last frame's
   * (the last frame whose surprise is defined); null where undefined. */
  at(frame: number): number | null {
    return frame < this.frames.length ? this.frames[frame]! : this.held;
  }
}

/** The frames looked at since the last sample: `take` perceives them as x = ln(1 + mean S) over the
 * defined ones (null if none was defined: no sample) and starts the next one. */
export class LookedWindow {
  private sum = 0;
  private count = 0;

  add(surprise: number | null): void {
    if (surprise === null) return;
    this.sum += surprise;
    this.count++;
  }

  take(): number | null {
    const x = this.count === 0 ? null : information(this.sum / this.count);
    this.sum = 0;
    this.count = 0;
    return x;
  }
}

/** The event's windows of `windowFrames` frames from its first frame, each perceived as a sample
 * would perceive it (null: no defined frame). The calibration data of the moment model's σ_p and m0. */
export function eventWindows(series: readonly (number | null)[], windowFrames: number): (number | null)[] {
  const stream = new SurpriseStream(series);
  const out: (number | null)[] = [];
  for (let from = 0; from < stream.eventFrames; from += windowFrames) {
    const w = new LookedWindow();
    for (let f = from; f < Math.min(from + windowFrames, stream.eventFrames); f++) w.add(stream.at(f));
    out.push(w.take());
  }
  return out;
}
