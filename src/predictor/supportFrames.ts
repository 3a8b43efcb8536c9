// Frames that matter for support, for the diet knobs of a learner without contact geometry:
// where support changes (supportFocus), where an object starts to tip over an edge (tipFocus), where
// one turns over an edge while partly supported (pivotFocus), and steps an unseen hand holds an
// object through (skipHeld).
import type { Transition } from './experience';

/** A frame where support changes (the diet's supportFocus picks these): some moving object nearly
 * at rest vertically (|vy| < 0.1 m/s) starts to fall (vy drops by more than 0.05 m/s in the step),
 * or one falling faster than 0.3 m/s is slowed by more than 0.1 m/s (lands). */
export function changesSupport(tr: Transition): boolean {
  return tr.obs.some((_, i) => objectChangesSupport(tr, i));
}

/** Whether object `i`'s own support changes in this step (the rule of `changesSupport`, for one
 * object): the loss weight of `train --support-weight` goes to these receivers. */
export function objectChangesSupport(tr: Transition, i: number): boolean {
  const o = tr.obs[i]!;
  const dvy = tr.dv[i * 3 + 1]!;
  return !o.isStatic && ((Math.abs(o.vy) < 0.1 && dvy < -0.05) || (o.vy < -0.3 && dvy > 0.1));
}

/** Whether object `i`, at rest (|vy| < 0.1 m/s, |ω| < 0.5 rad/s), starts to tip over an edge in
 * this step: it sinks (vy drops by more than 0.01 m/s) or starts to turn (ω changes by more than
 * 0.08 rad/s). A box with its middle beyond an edge tips with about a fifth of free fall's pull at
 * first (box-pushed-to-15-percent-contact: vy −0.021 m/s and ω −0.17 rad/s in the first step after
 * the release), far below `objectChangesSupport`'s 0.05 m/s, which catches free falls only. */
export function objectStartsToTip(tr: Transition, i: number): boolean {
  const o = tr.obs[i]!;
  if (o.isStatic || Math.abs(o.vy) >= 0.1 || Math.abs(o.angularVelocity) >= 0.5) return false;
  return tr.dv[i * 3 + 1]! < -0.01 || Math.abs(tr.dv[i * 3 + 2]!) > 0.08;
}

/** A frame in which some object starts to tip (the diet's tipFocus picks these). */
export function startsToTip(tr: Transition): boolean {
  return tr.obs.some((_, i) => objectStartsToTip(tr, i));
}

/** A drop of vy in one step below this (m/s) is less than free fall's (g / 60 = 0.163): something
 * still holds the object up in part. */
const PARTLY_SUPPORTED_DROP = 0.15;

/** Whether object `i` turns over an edge while partly supported in this step, the whole of a tip
 * and not only its onset: its spin changes by more than 0.08 rad/s (in free flight it cannot) while
 * its middle sinks with less than free fall's pull (vy drops by more than 0.01 m/s but by less than
 * 0.15, against free fall's 0.163). The box at 15% contact does so for 25 steps from the release,
 * its sinking growing from 0.13 to 0.47 of free fall's and its spin by 0.16–0.25 rad/s each step,
 * of which `objectStartsToTip` (at rest only) catches the first four. */
export function objectPivots(tr: Transition, i: number): boolean {
  const o = tr.obs[i]!;
  if (o.isStatic) return false;
  const dvy = tr.dv[i * 3 + 1]!;
  return dvy < -0.01 && dvy > -PARTLY_SUPPORTED_DROP && Math.abs(tr.dv[i * 3 + 2]!) > 0.08;
}

/** A frame in which some object turns over an edge while partly supported (the diet's pivotFocus picks these). */
export function pivots(tr: Transition): boolean {
  return tr.obs.some((_, i) => objectPivots(tr, i));
}

/** Marks the change of every object in `held` unknown (NaN), as `transition` does for one that
 * leaves the view: no prediction of it is scored. */
export function forgetHeld(tr: Transition, held: ReadonlySet<string>): void {
  if (held.size === 0) return;
  tr.obs.forEach((o, i) => {
    if (held.has(o.id)) tr.dv.fill(NaN, i * 3, i * 3 + 3);
  });
}
