// exp and log as exact JavaScript ports of fdlibm (as in V8's src/base/ieee754.cc), the same bits in every engine.
//
// Why: the core turns these into numbers that reach outputs (Box–Muller noise in rng.ts, Gaussian
// log-likelihoods and −ln P(hidden) in the predictor, push speeds in the training diet, the erf in
// predictor/view.ts). Node 20 (V8 11.3) computes Math.exp and Math.log with fdlibm; Chromium 156 does
// not, and rounds the last bit the other way on about 10% of exp and 7% of log arguments (250 000
// seeded ones each), so a surprise score or a generated scene could differ between the CLI and the
// page. Like portableTrig.ts these use only IEEE-754 + − × ÷ (correctly rounded in every engine, never
// fused) and exact bit access, and follow fdlibm step by step: they return exactly what Node 20's
// Math.exp and Math.log return, for every double (no fallback), so results computed in Node still
// reproduce.
//
// Not ported, on purpose: atan2 and acos. matter-js calls Math.atan2 only to order a compound
// body's vertices (Vertices.clockwiseSort) before Vertices.hull sorts them again by x then y, so
// the hull does not depend on it; it calls Math.acos only in Vertices.chamfer, on the dot product of
// two axis-aligned unit normals (exactly 0: acos(0) is π/2 everywhere). The core calls neither.

import { HI, LO, f64, fromHighWord, u32 } from './doubleWords';

/** POW2[k + 1024] = 2^k for −1024 ≤ k ≤ 1023, exact: from exponent bits, the two subnormal ones by
 * halving (exact, as the result is representable). Scaling by it is exact while the result is normal. */
const POW2 = new Float64Array(2048);
for (let k = -1022; k <= 1023; k++) POW2[k + 1024] = fromHighWord((k + 1023) << 20);
POW2[1] = POW2[2]! / 2;
POW2[0] = POW2[1]! / 2;

// exp: fdlibm's range tests on |x|'s high word hx, as comparisons of doubles (`hx < H` is exactly
// `|x| < fromHighWord(H)`), so the usual path never touches the buffer.
const EXP_BIG = fromHighWord(0x40862e42); // hx >= 0x40862e42: |x| ≥ 709.78…
const HALF_LN2_END = fromHighWord(0x3fd62e43); // hx > 0x3fd62e42: |x| > 0.5·ln 2
const THREEHALF_LN2 = fromHighWord(0x3ff0a2b2); // hx < 0x3ff0a2b2: |x| < 1.5·ln 2
const EXP_TINY = fromHighWord(0x3e300000); // hx < 0x3e300000: |x| < 2^-28
const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42, 0xFEFA39EF
const U_THRESHOLD = -7.45133219101941108420e2; // 0xC0874910, 0xD52D3051
const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42, 0xFEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF, 0x35793C76
const INVLN2 = 1.44269504088896338700; // 0x3FF71547, 0x652B82FE
const P1 = 1.66666666666666019037e-1; // 0x3FC55555, 0x5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C, 0x16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A, 0xAF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41, 0xC5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769, 0x72BEA4D0
const E = 2.718281828459045; // 0x4005BF0A, 0x8B145769: V8 returns it for exp(1) (the formula is 1 ulp off there)
const TWOM1000 = 9.33263618503218878990e-302; // 2^-1000
const TWO1023 = 8.988465674311579539e307; // 2^1023

/** e^x, bit-identical to fdlibm (Node 20's Math.exp) for every double x. */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (ax >= EXP_BIG || ax !== ax) {
    if (ax !== ax) return NaN;
    if (ax === Infinity) return x > 0 ? x : 0;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (ax >= HALF_LN2_END) {
    if (ax < THREEHALF_LN2) {
      if (x === 1) return E;
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (x < 0 ? -0.5 : 0.5)) | 0; // C's (int) cast truncates; |k| ≤ 1075 here
      hi = x - k * LN2_HI; // exact: k has ≤ 11 bits, LN2_HI 32
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < EXP_TINY) {
    return 1 + x;
  }
  // x is now in [−0.5·ln 2, 0.5·ln 2]: e^x = 1 + x + x·c/(2 − c), then scale by 2^k.
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO1023;
    return y * POW2[k + 1024]!;
  }
  return y * POW2[k + 1000 + 1024]! * TWOM1000; // subnormal result, as fdlibm rounds it
}

// log: fdlibm's e_log.c.
const TWO54 = 1.80143985094819840000e16; // 0x43500000, 0x00000000
const LG1 = 6.666666666666735130e-1; // 0x3FE55555, 0x55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999, 0x9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924, 0x94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5, 0x1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664, 0x96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09, 0xD078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112, 0xDF3E5244
const THIRD = 0.33333333333333333; // the nearest double to 1/3, as fdlibm writes it

/** ln x, bit-identical to fdlibm (Node 20's Math.log) for every double x (NaN for x < 0, −∞ at ±0). */
export function log(x: number): number {
  f64[0] = x;
  let hx = u32[HI]! | 0;
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | u32[LO]!) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // scale a subnormal up
    f64[0] = x;
    hx = u32[HI]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity, NaN
  const e = (hx >> 20) - 1023 + ((((hx & 0x000fffff) + 0x95f64) & 0x100000) >> 20); // x = 2^e · [√2/2, √2)
  hx &= 0x000fffff;
  const f = x * POW2[1024 - e]! - 1; // x scaled to [√2/2, √2) exactly (fdlibm sets the exponent bits)
  k += e;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - THIRD * f);
    if (k === 0) return f - r;
    return dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}
