// A body may pass through several others (one pass-through violation each): each one adds to the
// others instead of undoing them, and every other pair keeps colliding.
import { describe, expect, it } from 'vitest';
import { runPair, testScene, track } from './support/trials';

const shelfAndBox = (violation: unknown) => testScene({
  duration: 2.5,
  bodies: [
    { id: 'shelf', kind: 'platform', x: 3, y: 1.2, width: 2, height: 0.1 },
    { id: 'box', kind: 'box', x: 3, y: 1.45, width: 0.4, height: 0.4, held: true },
    { id: 'ball', kind: 'ball', x: 4.6, y: 1.5, radius: 0.1 },
  ],
  actions: [{ type: 'release', body: 'box', at: 0.5 }],
  violation,
});
const through = (other: string) => ({ type: 'pass-through', body: 'box', other, trigger: { on: 'time', at: 0.5 } });
const last = <T>(xs: readonly T[]): T => xs[xs.length - 1]!;

describe('pass-through, several at once', () => {
  it('through the shelf only: the box lands on the floor', () => {
    const { possible, impossible } = runPair(shelfAndBox(through('shelf')));
    expect(last(track(possible, 'box')).y).toBeCloseTo(1.45, 2); // stays on the shelf
    expect(last(track(impossible, 'box')).y).toBeCloseTo(0.5, 1); // on the floor
  });

  it('through the shelf and the floor: the box falls out of the world, whichever is listed first', () => {
    for (const order of [['shelf', 'floor'], ['floor', 'shelf']]) {
      const { impossible } = runPair(shelfAndBox(order.map(through)));
      expect(last(track(impossible, 'box')).present, order.join(' then ')).toBe(false);
      // The ball, dropped from the start, still lands on the floor the box fell through.
      expect(last(track(impossible, 'ball')).y).toBeCloseTo(0.4, 1);
    }
  });
});
