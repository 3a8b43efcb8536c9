// The portable sin, cos and pow give fdlibm's bits (Node 20's Math.sin/cos/pow); withPortableTrig always puts Math back.
import { describe, expect, it } from 'vitest';
import { cos, sin, withPortableTrig } from '../../src/sim/portableTrig';
import { pow } from '../../src/sim/portablePow';
import { createRng } from '../../src/sim/rng';
import { atHighWord, ulps } from './support/doubleSteps';

/** fdlibm's results (Node 20) at inputs where Chromium 156's Math rounds the other way. */
const FDLIBM_TRIG: [x: number, sin: number, cos: number][] = [
  [7.344858064316213, 0.8731720257516266, 0.4874121597219348], // Chromium: sin …264
  [-2.608989030122757, -0.5077780499354527, -0.8614879291108778], // Chromium: cos …779
  [0.1, 0.09983341664682815, 0.9950041652780257], // Chromium: cos …258
  [2.5, 0.5984721441039564, -0.8011436155469337], // Chromium: sin …565
];
const FDLIBM_POW: [x: number, y: number, pow: number][] = [
  [4.122133430913091, 0.32, 1.5733996693450494], // the car's chamfer; Chromium: …496
  [1.5, 100.25, 449933904430295300], // Chromium: …230
];

/** Does this Node compute Math.sin/cos/pow with fdlibm (Node 20 does; newer V8 may not)? */
const nodeIsFdlibm = FDLIBM_TRIG.every(([x, s, c]) => Object.is(Math.sin(x), s) && Object.is(Math.cos(x), c))
  && FDLIBM_POW.every(([x, y, p]) => Object.is(Math.pow(x, y), p));

/** Seeded inputs where fdlibm takes each of its paths: tiny, both sides of every range test (π/4,
 * 3π/4, 0.3 and 0.78125 in the cos kernel, π/2's high word), next to multiples of π/2
 * (cancellation: the 2nd and 3rd reduction rounds), large, negative. */
function trigInputs(): number[] {
  const rng = createRng(20240611);
  const xs: number[] = [];
  for (let e = -1074; e <= -1; e++) xs.push(rng.uniform(1, 2) * 2 ** e);
  const edges = [0x3e400000, 0x3fe921fc, 0x3fd33333, 0x3fe90001, 0x4002d97c, 0x3ff921fb, 0x3ff921fc, 0x413921fc].map(atHighWord);
  for (const edge of [Math.PI / 4, (3 * Math.PI) / 4, ...edges]) {
    for (let k = -3000; k <= 3000; k++) xs.push(ulps(edge, k));
  }
  for (let k = 1; k <= 4000; k++) {
    for (let d = -4; d <= 4; d++) xs.push(ulps((k * Math.PI) / 2, d));
  }
  for (let i = 0; i < 3000; i++) {
    const k = rng.int(1, 1_000_000);
    for (let d = -4; d <= 4; d++) xs.push(ulps((k * Math.PI) / 2, d));
  }
  for (let i = 0; i < 100_000; i++) xs.push(rng.uniform(-4, 4));
  for (let i = 0; i < 100_000; i++) xs.push(rng.uniform(-1e5, 1e5));
  for (let i = 0; i < 20_000; i++) xs.push(rng.uniform(1e5, 1.6e6));
  // Beyond 2^20·π/2 fdlibm switches to its 1 200-bit reduction, which the port replaces (documented).
  const medium = xs.filter((x) => x < atHighWord(0x413921fc));
  return [...medium, ...medium.map((x) => -x)];
}

function mismatches(xs: number[], ours: (x: number) => number, theirs: (x: number) => number): string[] {
  const out: string[] = [];
  for (const x of xs) {
    const a = ours(x);
    const b = theirs(x);
    if (!Object.is(a, b) && out.length < 5) out.push(`${x}: ${a} here, ${b} in Math`);
  }
  return out;
}

describe('portable sin and cos', () => {
  it("give fdlibm's bits where Chromium's Math rounds the other way", () => {
    for (const [x, s, c] of FDLIBM_TRIG) {
      expect(sin(x)).toBe(s);
      expect(cos(x)).toBe(c);
      expect(sin(-x)).toBe(-s);
      expect(cos(-x)).toBe(c);
    }
  });

  it.skipIf(!nodeIsFdlibm)("equal this Node's Math.sin and Math.cos (fdlibm) bit for bit on seeded inputs", () => {
    const xs = trigInputs();
    expect(xs.length).toBeGreaterThan(200_000);
    expect(mismatches(xs, sin, Math.sin)).toEqual([]);
    expect(mismatches(xs, cos, Math.cos)).toEqual([]);
  });

  it('keep the sign of zero, and give NaN for NaN and ±Infinity', () => {
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(sin(x)).toBeNaN();
      expect(cos(x)).toBeNaN();
    }
  });

  it('stay deterministic and close to the truth beyond fdlibm’s medium range (the documented fallback)', () => {
    for (const x of [2e6, -3.7e7, 1e12, 1e300]) {
      expect(Number.isFinite(sin(x))).toBe(true);
      expect(Math.abs(sin(x) ** 2 + cos(x) ** 2 - 1)).toBeLessThan(1e-15);
    }
    expect(Math.abs(sin(5e6) - Math.sin(5e6))).toBeLessThan(1e-9);
  });
});

describe('portable pow', () => {
  it("gives fdlibm's bits where Chromium's Math rounds the other way", () => {
    for (const [x, y, p] of FDLIBM_POW) expect(pow(x, y)).toBe(p);
  });

  it.skipIf(!nodeIsFdlibm)("equals this Node's Math.pow (fdlibm) bit for bit for x > 0 on seeded inputs", () => {
    const rng = createRng(7);
    const found: string[] = [];
    const check = (x: number, y: number): void => {
      const a = pow(x, y);
      const b = Math.pow(x, y);
      if (!Object.is(a, b) && found.length < 5) found.push(`${x} ** ${y}: ${a} here, ${b} in Math`);
    };
    for (let i = 0; i < 50_000; i++) check(rng.uniform(0, 30), 0.32);
    for (let i = 0; i < 50_000; i++) check(rng.uniform(1e-9, 1000), rng.uniform(-20, 20));
    for (let i = 0; i < 20_000; i++) check(Math.exp(rng.uniform(-700, 700)), rng.uniform(-2, 2));
    for (let i = 0; i < 20_000; i++) check(1 + rng.uniform(-1e-6, 1e-6), rng.uniform(-2e9, 2e9));
    for (let i = 0; i < 5_000; i++) check(rng.uniform(0, 1e-310), rng.uniform(0, 1.2)); // subnormal x
    for (let i = 0; i < 5_000; i++) check(rng.uniform(1e-300, 1e-3), rng.uniform(1, 1.3)); // subnormal results
    for (const [x, y] of [[1, 5], [2, 0.5], [3, 2], [3, -1], [3, 1], [3, 0], [2, 1023.999], [2, 1024], [2, -1074], [2, -1075.5], [0.5, 1074]] as const) check(x, y);
    expect(found).toEqual([]);
  });

  it('falls back to Math.pow outside x > 0 (documented, not portable)', () => {
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(0, 2)).toBe(0);
    expect(pow(Infinity, -1)).toBe(0);
    expect(pow(2, NaN)).toBeNaN();
  });
});

describe('withPortableTrig', () => {
  it('puts the portable functions in Math for the work and the originals back after it', () => {
    const [mathSin, mathCos] = [Math.sin, Math.cos];
    const result = withPortableTrig(() => {
      expect(Math.sin).toBe(sin);
      expect(Math.cos).toBe(cos);
      return Math.cos(0.1);
    });
    expect(result).toBe(0.9950041652780257);
    expect(Math.sin).toBe(mathSin);
    expect(Math.cos).toBe(mathCos);
  });

  it('nests: only the outermost call restores', () => {
    const mathSin = Math.sin;
    withPortableTrig(() => {
      withPortableTrig(() => expect(Math.sin).toBe(sin));
      expect(Math.sin).toBe(sin);
    });
    expect(Math.sin).toBe(mathSin);
  });

  it('restores Math when the work throws, and lets the error through', () => {
    const [mathSin, mathCos] = [Math.sin, Math.cos];
    expect(() => withPortableTrig(() => withPortableTrig(() => {
      throw new Error('boom');
    }))).toThrow('boom');
    expect(Math.sin).toBe(mathSin);
    expect(Math.cos).toBe(mathCos);
    expect(withPortableTrig(() => Math.sin === sin)).toBe(true);
  });
});
