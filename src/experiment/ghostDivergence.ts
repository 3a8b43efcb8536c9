// How far one rolled-out ghost strays from what really happened: per moving body, the distance at
// every step whose real counterpart is known, the first step off track, and the largest distance.
// The playground draws it; "on track" is the same definition `lab diverge` uses (onTrack.ts).
import type { Observation } from '../predictor/observation';
import { leftTrack, offBy, ON_TRACK_TOLERANCE_M } from './onTrack';

/** A rollout as the playground keeps it: predicted positions for frames start+0 … start+steps. */
export interface GhostRollout {
  /** The frame it was rolled out from. */
  start: number;
  /** Its length in steps of 1/60 s. */
  steps: number;
  /** Steps predicted so far (a ghost may still be building); all of them when absent. */
  built?: number;
  paths: readonly { id: string; x: ArrayLike<number>; y: ArrayLike<number> }[];
}

export interface BodyDivergence {
  id: string;
  /** distance[k]: metres between the predicted and the real position at step k (k = 0 … judged);
   * NaN where the body was not seen (hidden, or gone). */
  distance: Float64Array;
  /** The real positions compared against (NaN where not seen). */
  realX: Float64Array;
  realY: Float64Array;
  /** The first step at which it was more than the tolerance off, or null if it never was. */
  exitStep: number | null;
  /** Largest distance over the judged steps (0 when none), and the step where it was. */
  maxDistance: number;
  maxStep: number;
}

export interface GhostDivergence {
  start: number;
  steps: number;
  /** The last step that can be judged: built, and its real frame has happened. */
  judged: number;
  tolerance: number;
  bodies: BodyDivergence[];
  /** The ghost as a whole leaves the track when its first body does (as in `lab diverge`). */
  exitStep: number | null;
  exitBody: string | null;
  maxDistance: number;
  maxBody: string | null;
}

/** Compares `ghost` with `real`, where real[k] is what was observed at frame ghost.start + k
 * (as many frames as are known; frames after the last one have not happened yet). */
export function ghostDivergence(ghost: GhostRollout, real: readonly Observation[], tolerance: number = ON_TRACK_TOLERANCE_M): GhostDivergence {
  const judged = Math.max(0, Math.min(ghost.built ?? ghost.steps, ghost.steps, real.length - 1));
  const bodies = ghost.paths.map((path): BodyDivergence => {
    const distance = new Float64Array(judged + 1).fill(Number.NaN);
    const realX = new Float64Array(judged + 1).fill(Number.NaN);
    const realY = new Float64Array(judged + 1).fill(Number.NaN);
    let exitStep: number | null = null, maxDistance = 0, maxStep = 0;
    // Bodies keep their order from frame to frame: look where it was last time before searching.
    let at = 0;
    for (let k = 0; k <= judged; k++) {
      const frame = real[k];
      if (!frame) continue;
      if (frame[at]?.id !== path.id) at = frame.findIndex((o) => o.id === path.id);
      const r = frame[at];
      if (!r) { at = 0; continue; }
      realX[k] = r.x;
      realY[k] = r.y;
      const d = offBy(path.x[k]!, path.y[k]!, r.x, r.y);
      distance[k] = d;
      if (exitStep === null && leftTrack(d, tolerance)) exitStep = k;
      if (d > maxDistance) { maxDistance = d; maxStep = k; }
    }
    return { id: path.id, distance, realX, realY, exitStep, maxDistance, maxStep };
  });
  let exit: BodyDivergence | null = null, far: BodyDivergence | null = null;
  for (const b of bodies) {
    if (b.exitStep !== null && (exit === null || b.exitStep < exit.exitStep!)) exit = b;
    if (b.maxDistance > (far?.maxDistance ?? 0)) far = b;
  }
  return {
    start: ghost.start, steps: ghost.steps, judged, tolerance, bodies,
    exitStep: exit?.exitStep ?? null, exitBody: exit?.id ?? null,
    maxDistance: far?.maxDistance ?? 0, maxBody: far?.id ?? null,
  };
}
