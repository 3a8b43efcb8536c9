// The ghost's sentence under the stage: every case in plain words (nothing yet, so far, all of it,
// cut short by the end of the trial, off track at once, several bodies).
import { describe, expect, it } from 'vitest';
import { ghostSentence, type GhostSentenceInput } from '../../src/ui/ghostSentence';
import { ghostDivergence, type GhostRollout } from '../../src/experiment/ghostDivergence';
import type { Observation } from '../../src/predictor/observation';

const box = (id: string, x: number): Observation[number] =>
  ({ id, kind: 'box', x, y: 1, vx: 0, vy: 0, angle: 0, angularVelocity: 0, width: 0.2, height: 0.2, isStatic: false });

/** A 2 s ghost from frame 60 that expects `a` to move 1 cm per step; really it stays put. */
function input(known: number, o: Partial<GhostSentenceInput> = {}, drift = 0.01, bodies = ['a']): string {
  const steps = 120;
  const ghost: GhostRollout = { start: 60, steps, paths: bodies.map((id) => ({ id, x: Array.from({ length: steps + 1 }, (_, k) => (id === 'a' ? k * drift : 5)), y: Array(steps + 1).fill(1) })) };
  const real = Array.from({ length: known + 1 }, () => bodies.map((id) => box(id, id === 'a' ? 0 : 5)));
  return ghostSentence({ model: 'learner-100k', start: 60, steps, built: steps, judged: ghostDivergence(ghost, real), lastFrame: 240, ...o });
}

describe('ghost sentence', () => {
  it('says when nothing can be judged yet, and while the ghost is still being predicted', () => {
    expect(input(0)).toBe('Ghost of learner-100k, 2 s from 1.00 s: what it expects has not happened yet.');
    expect(input(120, { built: 60 })).toBe('Ghost of learner-100k, 2 s from 1.00 s: predicting… (1 s so far)');
  });
  it('on track so far, all the way, or for as long as the trial lasted', () => {
    expect(input(30, {}, 0.001)).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track so far (0.50 s), within 5 cm; at most 3 cm off.');
    expect(input(120, {}, 0.0001)).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track all 2 s, within 5 cm; at most 1.2 cm off.');
    expect(input(60, { lastFrame: 120 }, 0.0001)).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track for the 1.00 s the trial lasted, within 5 cm; at most 0.6 cm off.');
  });
  it('names the exit and the largest distance', () => {
    // 1 cm per step: more than 5 cm off at step 6, so on track for 5 steps.
    expect(input(120)).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track for 0.08 s (within 5 cm), then up to 1.2 m off.');
    expect(input(30)).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track for 0.08 s (within 5 cm), then up to 30 cm off so far.');
    expect(input(60, { lastFrame: 120 })).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track for 0.08 s (within 5 cm), then up to 60 cm off before the trial ended.');
    expect(input(10, {}, 0.2)).toBe('Ghost of learner-100k, 2 s from 1.00 s: off track at once, then up to 2.0 m off so far.');
  });
  it('with several bodies, says which one left first and which strayed furthest', () => {
    expect(input(120, {}, 0.01, ['a', 'b'])).toBe('Ghost of learner-100k, 2 s from 1.00 s: on track for 0.08 s (within 5 cm; a left first), then up to 1.2 m off (a).');
  });
});
