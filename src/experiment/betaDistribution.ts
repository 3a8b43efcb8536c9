// The beta distribution's CDF (regularized incomplete beta) and quantile, for exact binomial intervals and tests.
//
// Only + − × ÷ and the portable fdlibm exp/log are used, so Node and Chromium give the same bits
// (the Experiment screen shows the same intervals as `lab suite`). The incomplete beta is the
// classical continued fraction (Numerical Recipes §6.4), evaluated with the modified Lentz method;
// log Γ is Stirling's series after shifting the argument to ≥ 10, where the series' next term
// (3617/122400 x⁻¹⁵) is below 3·10⁻¹⁷.
import { exp, log } from '../sim/portableMath';

const HALF_LOG_2PI = 0.91893853320467274178;
/** Stirling's series coefficients B₂ₖ / (2k(2k−1)), k = 1…8. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0) || x === Infinity) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  // Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)): shift up to where the series is accurate.
  let product = 1;
  while (x < 10) {
    product *= x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = STIRLING[k]! + inv2 * series;
  return (x - 0.5) * log(x) - x + HALF_LOG_2PI + inv * series - log(product);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

const TINY = 1e-300;
const EPS = 1e-15;
const MAX_TERMS = 10_000;

/** The continued fraction for I_x(a, b) (converges fast for x < (a+1)/(a+b+2)); modified Lentz. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)).
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) return h;
  }
  throw new RangeError(`incomplete beta: no convergence for a=${a}, b=${b}, x=${x}`);
}

/** I_x(a, b): the CDF at x of a Beta(a, b) variable (a, b > 0). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || a === Infinity || b === Infinity) throw new RangeError(`incomplete beta needs finite a, b > 0, got a=${a}, b=${b}`);
  if (Number.isNaN(x)) throw new RangeError('incomplete beta: x is NaN');
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log(1 - x) - logBeta(a, b));
  // The fraction converges fast on this side of the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The x with I_x(a, b) = p, by bisection down to adjacent doubles (the CDF is monotone, so this
 * always converges, and it takes only comparisons: the same steps in every engine). */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`beta quantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0, hi = 1;
  // 1,100 halvings reach adjacent doubles anywhere in (0, 1), subnormals included.
  for (let i = 0; i < 1100; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (regularizedIncompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}
