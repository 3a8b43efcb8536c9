// The digamma function ψ(x) = d/dx ln Γ(x), for the closed-form KL divergence between gamma beliefs.
//
// Only + − × ÷ and the portable fdlibm log are used, so Node and Chromium give the same bits. The
// argument is shifted up to ≥ 10 with ψ(x) = ψ(x + 1) − 1/x, then the asymptotic series
// ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ) is summed to k = 7; its next term (3617/8160 x⁻¹⁶) is
// below 5·10⁻¹⁷ there. log Γ, its companion, is `logGamma` in betaDistribution.ts.
import { log } from '../sim/portableMath';

/** B₂ₖ / 2k, k = 1…7: the coefficients of x⁻²ᵏ in the series (subtracted). */
const SERIES = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/** ψ(x) for x > 0. */
export function digamma(x: number): number {
  if (!(x > 0) || x === Infinity) throw new RangeError(`digamma needs a finite x > 0, got ${x}`);
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  let series = 0;
  for (let k = SERIES.length - 1; k >= 0; k--) series = SERIES[k]! + inv2 * series;
  return log(x) - 0.5 / x - inv2 * series - shift;
}
