// The portable atan and atan2 give fdlibm's bits: Node 20's Math.atan/atan2 (V8's fdlibm port).
import { describe, expect, it } from 'vitest';
import { atan, atan2 } from '../../src/sim/portableAtan';
import { createRng } from '../../src/sim/rng';

/** Seeded arguments over many scales, both signs, and every range fdlibm's atan splits at
 * (7/16, 11/16, 19/16, 39/16, 2^66) and atan2's |y/x| beyond 2^±60. */
function pairs(): [number, number][] {
  const rng = createRng(0xa7a2);
  const out: [number, number][] = [];
  for (let i = 0; i < 200_000; i++) {
    const y = (rng.uniform(0, 1) - 0.5) * 2 ** Math.floor(rng.uniform(-80, 80));
    const x = (rng.uniform(0, 1) - 0.5) * 2 ** Math.floor(rng.uniform(-80, 80));
    out.push([y, x]);
  }
  for (const r of [0.4375, 0.6875, 1.1875, 2.4375, 2 ** 66, 2 ** -27, 2 ** -29]) {
    for (const k of [-1, 0, 1]) out.push([r * (1 + k * 2 ** -52), 1], [-r, 1]);
  }
  return out;
}

const SPECIAL: [number, number][] = [
  [0, 0], [-0, 0], [0, -0], [-0, -0], [0, -1], [-0, -1], [1, 0], [-1, -0],
  [1, Infinity], [1, -Infinity], [-1, -Infinity], [Infinity, 1], [-Infinity, -1],
  [Infinity, Infinity], [Infinity, -Infinity], [-Infinity, Infinity], [-Infinity, -Infinity],
  [NaN, 1], [1, NaN], [3, 1], [1e300, 1e-300], [1e-300, -1e300], [-1e-300, -1e300],
];

describe('portable atan2', () => {
  it('is bit-identical to fdlibm (this Node\'s Math.atan2 and Math.atan) on 200,000 seeded arguments', () => {
    let differ = 0;
    for (const [y, x] of pairs()) {
      if (!Object.is(atan2(y, x), Math.atan2(y, x))) differ++;
      if (!Object.is(atan(y / x), Math.atan(y / x))) differ++;
    }
    expect(differ).toBe(0);
  });

  it('handles zeros of both signs, infinities and NaN as fdlibm does', () => {
    for (const [y, x] of SPECIAL) expect(atan2(y, x), `atan2(${y}, ${x})`).toBe(Math.atan2(y, x));
  });

  it('gives the textbook angles', () => {
    expect(atan2(1, 1) * 4).toBe(Math.PI);
    expect(atan2(0, -1)).toBe(Math.PI);
    expect(atan2(-1, 0)).toBe(-Math.PI / 2);
  });
});
