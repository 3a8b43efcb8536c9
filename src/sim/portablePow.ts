// x^y for x > 0 as an exact JavaScript port of fdlibm's pow (V8's ieee754::legacy::pow), the same bits in every engine.
//
// Why: matter-js picks how many vertices round a chamfered corner (our toy car's chassis) from
// Math.pow(radius, 0.32), and the angle between them from that count. Node 20 computes Math.pow with
// fdlibm's e_pow.c; Chromium now uses the C library's pow, which differs in the last bit for some
// radii (4.122133430913091^0.32: …494 in Node, …496 in Chromium), so the car's outline, hence its
// whole trajectory, differed. This port follows fdlibm step by step with IEEE-754 + − × ÷ and exact
// bit access only, so it returns exactly what Node 20's Math.pow returns, in any engine.
//
// Scope: x > 0 and finite, y finite with |y| ≤ 2^31 (all a physical quantity needs). Outside that
// it returns Math.pow(x, y), which is not portable; fdlibm's negative-base and huge-exponent cases
// are left out on purpose, to keep this small.

import { clearLow, fromHighWord as twoWords, highWord, lowWord, withHighWord } from './doubleWords';

const BP = [1.0, 1.5];
const DP_H = [0.0, 5.84962487220764160156e-1]; // 0x3FE2B803, 0x40000000
const DP_L = [0.0, 1.35003920212974897128e-8]; // 0x3E4CFDEB, 0x43CFD006
const TWO53 = 9007199254740992.0;
const HUGE = 1.0e300;
const TINY = 1.0e-300;
// Coefficients of (3/2)·(log(x) − 2s − (2/3)s³).
const L1 = 5.99999999999994648725e-1; // 0x3FE33333, 0x33333303
const L2 = 4.28571428578550184252e-1; // 0x3FDB6DB6, 0xDB6FABFF
const L3 = 3.33333329818377432918e-1; // 0x3FD55555, 0x518F264D
const L4 = 2.72728123808534006489e-1; // 0x3FD17460, 0xA91D4101
const L5 = 2.30660745775561754067e-1; // 0x3FCD864A, 0x93C9DB65
const L6 = 2.06975017800338417784e-1; // 0x3FCA7E28, 0x4A454EEF
const P1 = 1.66666666666666019037e-1; // 0x3FC55555, 0x5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C, 0x16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A, 0xAF25DE2C
const P4 = -1.65339022054652515390e-6; // 0xBEBBBD41, 0xC5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769, 0x72BEA4D0
const LG2 = 6.93147180559945286227e-1; // 0x3FE62E42, 0xFEFA39EF
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43, 0x00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61, 0x0CA86C39
const OVT = 8.0085662595372944372e-17; // −(1024 − log2(ovfl + .5ulp))
const CP = 9.61796693925975554329e-1; // 0x3FEEC709, 0xDC3A03FD = 2/(3 ln 2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709, 0xE0000000 = (float)cp
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0, 0x145B01F5 = tail of cp_h

/** x^y, bit-identical to fdlibm (Node 20's Math.pow) for x > 0 finite and finite |y| ≤ 2^31. */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  const iy = hy & 0x7fffffff;
  if (!(x > 0 && x < Infinity) || iy > 0x41e00000 || iy >= 0x7ff00000) return Math.pow(x, y);
  if ((iy | ly) === 0) return 1;
  if (ly === 0) {
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000) return Math.sqrt(x); // y = 0.5 (sqrt is exact IEEE everywhere)
  }
  let ix = hx;
  if (lx === 0 && ix === 0x3ff00000) return 1; // x = 1

  // log2(x) = t1 + t2, t1 with its low word cleared.
  let ax = x;
  let n = 0;
  if (ix < 0x00100000) {
    // subnormal x
    ax *= TWO53;
    n -= 53;
    ix = highWord(ax);
  }
  n += (ix >> 20) - 0x3ff;
  const j0 = ix & 0x000fffff;
  ix = j0 | 0x3ff00000; // normalise to [1, 2)
  let k: number;
  if (j0 <= 0x3988e) k = 0; // |x| < sqrt(3/2)
  else if (j0 < 0xbb67a) k = 1; // |x| < sqrt(3)
  else {
    k = 0;
    n += 1;
    ix -= 0x00100000;
  }
  ax = withHighWord(ax, ix);
  // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
  let u = ax - BP[k]!;
  let v = 1 / (ax + BP[k]!);
  const ss = u * v;
  const sH = clearLow(ss);
  let tH = twoWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
  let tL = ax - (tH - BP[k]!);
  const sL = v * ((u - sH * tH) - sH * tL);
  let s2 = ss * ss;
  let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
  r += sL * (sH + ss);
  s2 = sH * sH;
  tH = clearLow(3.0 + s2 + r);
  tL = r - ((tH - 3.0) - s2);
  u = sH * tH;
  v = sL * tH + tL * ss;
  let pH = clearLow(u + v);
  let pL = v - (pH - u);
  const zH = CP_H * pH;
  const zL = CP_L * pH + pL * CP + DP_L[k]!;
  let t = n;
  const t1 = clearLow(((zH + zL) + DP_H[k]!) + t);
  const t2 = zL - (((t1 - t) - DP_H[k]!) - zH);

  // y·log2(x) = pH + pL, with y split as y1 + (y − y1).
  const y1 = clearLow(y);
  pL = (y - y1) * t1 + y * t2;
  pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i0 = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024: overflow
    if (((j - 0x40900000) | i0) !== 0 || pL + OVT > z - pH) return HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075: underflow
    if (((j - 0xc090cc00) | i0) !== 0 || pL <= z - pH) return TINY * TINY;
  }

  // 2^(pH + pL) = 2^n · 2^(rest), |rest| ≤ 0.5
  const i = j & 0x7fffffff;
  k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    t = twoWords(n & ~(0x000fffff >> k));
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  t = clearLow(pL + pH);
  u = t * LG2_H;
  v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const tt = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  r = (z * tt) / ((tt - 2) - (w + z * w));
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) return scalbnDown(z, n); // subnormal result
  return withHighWord(z, j);
}

/** z·2^n for a result below the normal range (z near 1, −1075 < n < −1021), rounded once, as
 * fdlibm's scalbn does: scale exactly to a normal number, then by 2^−54. */
function scalbnDown(z: number, n: number): number {
  return z * twoWords((n + 54 + 0x3ff) << 20) * twoWords((-54 + 0x3ff) << 20);
}
