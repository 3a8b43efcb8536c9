// The true future of a watched transition, for the multi-step (rollout) loss: where each moving
// object of the frame really is over the next K frames of its episode, in a compact typed array.
import type { Observation } from './observation';

/** Per step k (1…K after the frame) and per moving object of the frame (q-th non-static object,
 * in frame order): x, y (m) and angle (rad) at index ((k − 1)·movers + q)·3. NaN x marks an object
 * masked from that step on: out of sight (hidden, or gone from the world), or held by the unseen
 * hand through a step (`--skip-held`), at that step or any before it. */
export interface TrueFuture { steps: number; movers: number; values: Float32Array }

/** The future of frame `t` over `steps` frames, or undefined when the episode ends before it
 * (or nothing in the frame moves). `heldThrough[u]`: ids held through step u → u + 1 (empty or
 * absent without --skip-held). */
export function trueFuture(frames: readonly Observation[], t: number, steps: number, heldThrough?: readonly ReadonlySet<string>[]): TrueFuture | undefined {
  if (steps < 1 || t + steps >= frames.length) return undefined;
  const now = frames[t]!;
  const ids: string[] = [];
  for (const o of now) if (!o.isStatic) ids.push(o.id);
  if (ids.length === 0) return undefined;
  const movers = ids.length;
  const values = new Float32Array(steps * movers * 3);
  const gone = new Uint8Array(movers);
  for (let k = 1; k <= steps; k++) {
    const frame = frames[t + k]!;
    const held = heldThrough?.[t + k - 1];
    for (let q = 0; q < movers; q++) {
      const at = ((k - 1) * movers + q) * 3;
      const o = gone[q] ? undefined : frame.find((b) => b.id === ids[q]);
      if (!o || held?.has(ids[q]!)) {
        gone[q] = 1;
        values[at] = NaN; values[at + 1] = NaN; values[at + 2] = NaN;
        continue;
      }
      values[at] = o.x; values[at + 1] = o.y; values[at + 2] = o.angle;
    }
  }
  return { steps, movers, values };
}

/** The future seen in the mirror x → 2·axis − x (mirror.ts): x reflected, angle negated. */
export function mirrorFuture(f: TrueFuture, axis: number): TrueFuture {
  const values = new Float32Array(f.values.length);
  for (let at = 0; at < values.length; at += 3) {
    values[at] = 2 * axis - f.values[at]!;
    values[at + 1] = f.values[at + 1]!;
    values[at + 2] = -f.values[at + 2]!;
  }
  return { steps: f.steps, movers: f.movers, values };
}
