// The portable exp and log give fdlibm's bits (Node 20's Math.exp/log) for every kind of double.
import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/sim/portableMath';
import { createRng } from '../../src/sim/rng';
import { around, atHighWord, ulps } from './support/doubleSteps';

/** fdlibm's results (Node 20) at inputs where Chromium 156's Math rounds the other way. */
const FDLIBM_LOG: [x: number, log: number][] = [
  [0.08161074295639992, -2.5057943718002367], // Chromium: …237
  [2.975204889662564, 1.0903129071009423], // Chromium: …942
  [2.669048337265849, 0.9817219808862856], // Chromium: …857
];
const FDLIBM_EXP: [x: number, exp: number][] = [
  [-2.449142299592495, 0.08636763229369077], // Chromium: …075
  [-9.212279240600765, 0.00009980630097670086], // Chromium: …088
  [-2.8635382372885942, 0.05706648785733569], // Chromium: …568
];

/** Does this Node compute Math.exp/log with fdlibm (Node 20 does; newer V8 may not)? */
const nodeIsFdlibm = FDLIBM_LOG.every(([x, l]) => Object.is(Math.log(x), l))
  && FDLIBM_EXP.every(([x, e]) => Object.is(Math.exp(x), e))
  && Object.is(Math.exp(1), 2.718281828459045);

const LN2 = 0.6931471805599453;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;

/** Seeded inputs where fdlibm's exp takes each path: tiny (|x| < 2^-28), k = 0, k = ±1 (|x| < 1.5 ln 2),
 * the rounding of k (next to (k + ½)·ln 2), overflow and underflow thresholds, k = 1024 (just below
 * overflow), subnormal results (k < −1021), 1 (V8's special case), both signs. */
function expInputs(): number[] {
  const rng = createRng(20240612);
  const xs: number[] = [];
  for (let e = -1074; e <= -1; e++) xs.push(rng.uniform(1, 2) * 2 ** e);
  for (let e = -60; e <= -1; e++) for (let i = 0; i < 500; i++) xs.push(rng.uniform(1, 2) * 2 ** e);
  for (const hw of [0x3e300000, 0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x40862e42]) xs.push(...around(atHighWord(hw), 2000));
  xs.push(...around(1, 2000), ...around(LN2 / 2, 2000), ...around(1.5 * LN2, 2000));
  for (let k = -1080; k <= 1030; k++) xs.push(...around((k + 0.5) * LN2, 4), ...around(k * LN2, 2));
  xs.push(...around(O_THRESHOLD, 2000), ...around(-O_THRESHOLD, 2000), ...around(U_THRESHOLD, 2000));
  xs.push(...around(-708.3964185322641, 2000)); // k = −1021 | −1022: where results turn subnormal
  for (let i = 0; i < 150_000; i++) xs.push(rng.uniform(-1, 1));
  for (let i = 0; i < 150_000; i++) xs.push(rng.uniform(-20, 20));
  for (let i = 0; i < 100_000; i++) xs.push(rng.uniform(-750, 750));
  for (let i = 0; i < 20_000; i++) xs.push(rng.uniform(-745.2, -708)); // subnormal results
  return [...xs, ...xs.map((x) => -x)];
}

/** Seeded inputs where fdlibm's log takes each path: subnormals (scaled by 2^54), every binade, next
 * to powers of two, next to 1 (|f| < 2^-20: the short series, and x = 1 exactly), both sides of the
 * √2 normalisation (mantissa 0x6a09c…) and of the two polynomial forms (mantissa 0x6147a…, 0x6b851…),
 * the largest doubles. */
function logInputs(): number[] {
  const rng = createRng(20240613);
  const xs: number[] = [];
  for (let e = -1074; e <= 1023; e++) {
    xs.push(2 ** e);
    for (let i = 0; i < 40; i++) xs.push(rng.uniform(1, 2) * 2 ** e);
  }
  for (const e of [-1074, -1060, -1030, -1023, -1022, -1, 0, 1, 500, 1023]) {
    const p = 2 ** e;
    xs.push(...around(p, 2000).filter((x) => x > 0));
    for (const m of [0x6a09c, 0x6a09d, 0x6147a, 0x6147b, 0x6b851, 0x6b852, 0xffffd, 0xffffe, 0x00002, 0x00003]) {
      xs.push(...around(p * (1 + m / 2 ** 20), 300).filter((x) => x > 0));
    }
  }
  xs.push(...around(Number.MAX_VALUE, 1).slice(0, 2), Number.MIN_VALUE, 2 ** -1022 - 2 ** -1074);
  for (let i = 0; i < 100_000; i++) xs.push(1 + rng.uniform(-(2 ** -19), 2 ** -19));
  for (let i = 0; i < 150_000; i++) xs.push(rng.uniform(0, 4));
  for (let i = 0; i < 100_000; i++) xs.push(rng.uniform(0, 1e6));
  for (let i = 0; i < 100_000; i++) xs.push(2 ** rng.uniform(-1074, 1024));
  return xs.filter((x) => x > 0 && x < Infinity);
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

describe('portable exp', () => {
  it("gives fdlibm's bits where Chromium's Math rounds the other way", () => {
    for (const [x, e] of FDLIBM_EXP) expect(exp(x)).toBe(e);
    expect(exp(1)).toBe(2.718281828459045); // V8's special case: fdlibm's formula gives …046
  });

  it.skipIf(!nodeIsFdlibm)("equals this Node's Math.exp (fdlibm) bit for bit on seeded inputs", () => {
    const xs = expInputs();
    expect(xs.length).toBeGreaterThan(900_000);
    expect(mismatches(xs, exp, Math.exp)).toEqual([]);
  });

  it('handles zeros, infinities, NaN and the overflow and underflow thresholds', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Infinity)).toBe(Infinity);
    expect(Object.is(exp(-Infinity), 0)).toBe(true);
    expect(exp(NaN)).toBeNaN();
    expect(exp(O_THRESHOLD)).toBe(1.7976931348622732e308); // largest finite result (k = 1024)
    expect(exp(ulps(O_THRESHOLD, 1))).toBe(Infinity);
    expect(exp(U_THRESHOLD)).toBe(5e-324); // smallest subnormal
    expect(Object.is(exp(ulps(U_THRESHOLD, 1)), 0)).toBe(true); // just below: +0
    expect(exp(-1e-300)).toBe(1);
    expect(exp(5e-324)).toBe(1);
  });
});

describe('portable log', () => {
  it("gives fdlibm's bits where Chromium's Math rounds the other way", () => {
    for (const [x, l] of FDLIBM_LOG) expect(log(x)).toBe(l);
  });

  it.skipIf(!nodeIsFdlibm)("equals this Node's Math.log (fdlibm) bit for bit on seeded inputs", () => {
    const xs = logInputs();
    expect(xs.length).toBeGreaterThan(500_000);
    expect(mismatches(xs, log, Math.log)).toEqual([]);
  });

  it('gives −∞ at ±0, NaN below 0 and for NaN, +0 at 1, ∞ at ∞, and works on subnormals', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    for (const x of [-1, -5e-324, -Infinity, NaN]) expect(log(x)).toBeNaN();
    expect(Object.is(log(1), 0)).toBe(true);
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBe(-744.4400719213812);
    expect(log(Number.MAX_VALUE)).toBe(709.782712893384);
    expect(log(2)).toBe(LN2);
  });
});

describe('the bit-for-bit checks', () => {
  it('notice a log that is off by one ulp on some inputs (they are not vacuous)', () => {
    // log1p(x − 1) is another faithful log on [0.5, 2] (x − 1 is exact there) that rounds differently.
    const xs = logInputs().filter((x) => x >= 0.5 && x <= 2);
    expect(mismatches(xs, (x) => Math.log1p(x - 1), log).length).toBeGreaterThan(0);
  });

  it("reach every path of fdlibm's exp", () => {
    const xs = expInputs();
    const count = (keep: (x: number) => boolean): number => xs.filter(keep).length;
    expect(count((x) => Math.abs(x) < 2 ** -28)).toBeGreaterThan(1000); // 1 + x
    expect(count((x) => Math.abs(x) > 2 ** -28 && Math.abs(x) < LN2 / 2)).toBeGreaterThan(1000); // k = 0
    expect(count((x) => Math.abs(x) > LN2 / 2 && Math.abs(x) < 1.5 * LN2)).toBeGreaterThan(1000); // k = ±1
    expect(count((x) => Math.abs(x / LN2 - Math.round(x / LN2)) > 0.4999999)).toBeGreaterThan(1000); // k rounds
    expect(count((x) => x > 709.43 && x <= O_THRESHOLD)).toBeGreaterThan(1000); // k = 1024
    expect(count((x) => x < -708.3964185322641 && x >= U_THRESHOLD)).toBeGreaterThan(1000); // subnormal
    expect(count((x) => x > O_THRESHOLD)).toBeGreaterThan(1000); // overflow
    expect(count((x) => x < U_THRESHOLD)).toBeGreaterThan(1000); // underflow
  });
});
