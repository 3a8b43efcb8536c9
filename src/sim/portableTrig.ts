// sin and cos as an exact JavaScript port of fdlibm (as in V8's src/base/ieee754.cc), the same bits in every engine.
//
// Why: engines do not agree on Math.sin/Math.cos in the last bit. Node 20 (V8 11.3) uses V8's fdlibm
// port; Chromium 156 uses another libm (about 3% of arguments in [−10, 10] round the other way).
// matter-js turns bodies with Math.sin/Math.cos every sub-step, so one ulp grows into a different
// trajectory (a tumbling pile of boxes parted from frame 36 on) and different surprise. These
// functions use only IEEE-754 + − × ÷ (correctly rounded in every engine, never fused) and exact
// bit access, and they follow fdlibm step by step, so they return exactly what Node 20's Math.sin
// and Math.cos return: checkpoints trained in Node still reproduce. (Math.pow: portablePow.ts.)
//
// One deliberate departure: fdlibm reduces |x| > 2^20·π/2 (high word above 0x413921FB, about
// 1 647 099 rad; its comment says 2^19·π/2, its test says this) with 1 200 bits of 2/π
// (__kernel_rem_pio2). No physical angle here gets near that, so this file reduces such x exactly
// modulo the double nearest 2π instead (JS `%` is exact) and goes on as below: deterministic in
// every engine, but not fdlibm's bits there (absolute error about |x|·4e-17).

import { fromHighWord, highWord } from './doubleWords';

// fdlibm tests ranges on |x|'s high word ix. `ix < H` is exactly `|x| < fromHighWord(H)`, a plain
// comparison of doubles, which keeps the hot paths (small angles) off the buffer.
const TINY = fromHighWord(0x3e400000); // ix < 0x3e400000: |x| < 2^-27
const PIO4_END = fromHighWord(0x3fe921fc); // ix <= 0x3fe921fb: |x| ≲ π/4
const POINT3 = fromHighWord(0x3fd33333); // ix < 0x3fd33333: |x| ≲ 0.3
const QX_FIXED = fromHighWord(0x3fe90001); // ix > 0x3fe90000: |x| > 0.78125
const THREEPIO4 = fromHighWord(0x4002d97c); // ix < 0x4002d97c: |x| ≲ 3π/4
const PIO2_HW_START = fromHighWord(0x3ff921fb); // ix === 0x3ff921fb: |x| shares π/2's high word
const PIO2_HW_END = fromHighWord(0x3ff921fc);
const MEDIUM_END = fromHighWord(0x413921fc); // ix <= 0x413921fb: |x| ≲ 2^20·π/2

// __kernel_sin
const S1 = -1.66666666666666324348e-1; // 0xBFC55555, 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111, 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0, 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3, 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6, 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A, 0x5ACFD57C

/** sin(x + y) on [−π/4, π/4]; y is the tail of x, `iy` is 0 when y is 0. */
function kernelSin(x: number, y: number, iy: number): number {
  if (Math.abs(x) < TINY) return x; // sin x = x (and −0 stays −0)
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

// __kernel_cos
const C1 = 4.16666666666666019037e-2; // 0x3FA55555, 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C, 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0, 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F, 0x809C52AD
const C5 = 2.08757232129817482790e-9; // 0x3E21EE9E, 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9, 0xBE8838D4

/** cos(x + y) on [−π/4, π/4] (fdlibm's version: for |x| ≥ 0.3 it subtracts qx ≈ x²/4 first, so that
 * 1 − qx and x²/2 − qx are exact; musl and glibc do this differently and round differently). */
function kernelCos(x: number, y: number): number {
  const ax = Math.abs(x);
  if (ax < TINY) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ax < POINT3) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ax >= QX_FIXED ? 0.28125 : fromHighWord(highWord(ax) - 0x00200000); // |x|/4, low word cleared
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

// __ieee754_rem_pio2: π/2 cut into 33-bit pieces (pio2_1, pio2_2, pio2_3) with their tails.
const INVPIO2 = 6.36619772367581382433e-1; // 0x3FE45F30, 0x6DC9C883
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB, 0x54400000
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461, 0x1A626331
const PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B461, 0x1A600000
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A, 0x2E037073
const PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A, 0x2E000000
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A, 0x252049C1
/** High words of n·π/2 for n = 1…32: an argument that shares one may cancel badly (see below). */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];
/** The double nearest 2π, for the documented large-argument fallback. */
const TWO_PI = 6.283185307179586;

// The reduced argument y0 + y1 (fdlibm's y[0], y[1]); module state, as everything here is synchronous.
let y0 = 0;
let y1 = 0;

/** Reduces x (π/4 < |x| ≤ 2^20·π/2) to y0 + y1 = x − n·π/2 with |y0| ≤ π/4 and returns n. */
function remPio2(x: number): number {
  const t = Math.abs(x);
  if (t < THREEPIO4) {
    // n = ±1; next to π/2 itself use 33 + 33 + 53 bits of π/2.
    const nearPio2 = t >= PIO2_HW_START && t < PIO2_HW_END;
    if (x > 0) {
      let z = x - PIO2_1;
      if (!nearPio2) {
        y0 = z - PIO2_1T;
        y1 = (z - y0) - PIO2_1T;
      } else {
        z -= PIO2_2;
        y0 = z - PIO2_2T;
        y1 = (z - y0) - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (!nearPio2) {
      y0 = z + PIO2_1T;
      y1 = (z - y0) + PIO2_1T;
    } else {
      z += PIO2_2;
      y0 = z + PIO2_2T;
      y1 = (z - y0) + PIO2_2T;
    }
    return -1;
  }
  const ix = highWord(t);
  const n = (t * INVPIO2 + 0.5) | 0; // C's (int32_t) cast truncates; t > 0 and n < 2^20 here
  const fn = n;
  let r = t - fn * PIO2_1; // exact: fn has ≤ 20 bits, PIO2_1 33
  let w = fn * PIO2_1T; // first round good to 85 bits
  if (n < 32 && ix !== NPIO2_HW[n - 1]) {
    y0 = r - w; // no cancellation possible
  } else {
    // If y0 lost more than 16 (then 49) bits of exponent to cancellation, go on with the next
    // 33 bits of π/2: good to 118, then 151 bits.
    const j = ix >> 20;
    y0 = r - w;
    let i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 16) {
      let tt = r;
      w = fn * PIO2_2;
      r = tt - w;
      w = fn * PIO2_2T - ((tt - r) - w);
      y0 = r - w;
      i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 49) {
        tt = r;
        w = fn * PIO2_3;
        r = tt - w;
        w = fn * PIO2_3T - ((tt - r) - w);
        y0 = r - w;
      }
    }
  }
  y1 = (r - y0) - w;
  if (x < 0) {
    y0 = -y0;
    y1 = -y1;
    return -n;
  }
  return n;
}

/** sin(x), bit-identical to fdlibm (Node 20's Math.sin) for |x| ≤ 2^20·π/2 (beyond: see the file header). */
export function sin(x: number): number {
  const ax = Math.abs(x);
  if (ax < PIO4_END) return kernelSin(x, 0, 0);
  if (!(ax < Infinity)) return NaN; // ±Infinity, NaN
  if (ax >= MEDIUM_END) return sin(x % TWO_PI);
  const n = remPio2(x);
  switch (n & 3) {
    case 0: return kernelSin(y0, y1, 1);
    case 1: return kernelCos(y0, y1);
    case 2: return -kernelSin(y0, y1, 1);
    default: return -kernelCos(y0, y1);
  }
}

/** cos(x), bit-identical to fdlibm (Node 20's Math.cos) for |x| ≤ 2^20·π/2 (beyond: see the file header). */
export function cos(x: number): number {
  const ax = Math.abs(x);
  if (ax < PIO4_END) return kernelCos(x, 0);
  if (!(ax < Infinity)) return NaN;
  if (ax >= MEDIUM_END) return cos(x % TWO_PI);
  const n = remPio2(x);
  switch (n & 3) {
    case 0: return kernelCos(y0, y1);
    case 1: return -kernelSin(y0, y1, 1);
    case 2: return -kernelCos(y0, y1);
    default: return kernelSin(y0, y1, 1);
  }
}

let depth = 0;
let savedSin: (x: number) => number = Math.sin;
let savedCos: (x: number) => number = Math.cos;

/** Runs synchronous `work` with Math.sin and Math.cos replaced by the portable ones, for library
 * code we cannot edit (matter-js rotates bodies with Math.sin/Math.cos). Nested calls share one
 * replacement; the originals come back when the outermost call ends, also when `work` throws.
 * Only the synchronous part of `work` is covered: do not pass async functions. */
export function withPortableTrig<T>(work: () => T): T {
  if (depth === 0) {
    savedSin = Math.sin;
    savedCos = Math.cos;
    Math.sin = sin;
    Math.cos = cos;
  }
  depth++;
  try {
    return work();
  } finally {
    depth--;
    if (depth === 0) {
      Math.sin = savedSin;
      Math.cos = savedCos;
    }
  }
}
