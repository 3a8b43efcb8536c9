// A Normal-Inverse-Gamma belief about a concept's mean μ and variance σ²: its conjugate update from
// one sample, the KL divergence between two such beliefs, and forgetting toward the prior.
//
// μ | σ² ~ N(m, σ²/κ), σ² ~ Inv-Gamma(α, β). The RANCH-style looking model (ranchModel.ts) keeps one
// per observer and scene; docs/looking.md derives the KL below.
import { log } from '../../sim/portableMath';
import { logGamma } from '../betaDistribution';
import { digamma } from '../digamma';

export interface NormalInverseGamma {
  /** m: the mean's location. */
  m: number;
  /** κ: how many samples' worth of evidence the mean rests on. */
  kappa: number;
  /** α: the variance's shape (grows by ½ a sample). */
  alpha: number;
  /** β: the variance's scale (grows with the squared surprise of each sample). */
  beta: number;
}

/** The posterior after one sample y ~ N(μ, σ²):
 * κ' = κ + 1, m' = (κ m + y)/(κ + 1), α' = α + ½, β' = β + κ (y − m)² / (2 (κ + 1)). */
export function observe(b: NormalInverseGamma, y: number): NormalInverseGamma {
  const d = y - b.m;
  return { m: (b.kappa * b.m + y) / (b.kappa + 1), kappa: b.kappa + 1, alpha: b.alpha + 0.5, beta: b.beta + (b.kappa * d * d) / (2 * (b.kappa + 1)) };
}

/** KL(p ‖ q) in nats for two NIG beliefs: the inverse-gamma part (the KL of the precisions'
 * gammas, rates β) plus the Gaussian part averaged over p's σ² (E_p[1/σ²] = α_p/β_p):
 *   (α_p − α_q) ψ(α_p) − ln Γ(α_p) + ln Γ(α_q) + α_q (ln β_p − ln β_q) + α_p (β_q − β_p)/β_p
 *   + ½ [κ_q/κ_p + κ_q (m_p − m_q)² α_p/β_p − 1 − ln(κ_q/κ_p)]. */
export function klDivergence(p: NormalInverseGamma, q: NormalInverseGamma): number {
  const gammaPart = (p.alpha - q.alpha) * digamma(p.alpha) - logGamma(p.alpha) + logGamma(q.alpha)
    + q.alpha * (log(p.beta) - log(q.beta)) + (p.alpha * (q.beta - p.beta)) / p.beta;
  const ratio = q.kappa / p.kappa;
  const dm = p.m - q.m;
  const normalPart = 0.5 * (ratio + (q.kappa * dm * dm * p.alpha) / p.beta - 1 - log(ratio));
  // Rounding can leave a KL of an unchanged belief a few ulps below zero; a divergence is ≥ 0.
  return Math.max(0, gammaPart + normalPart);
}

/** Forgetting between trials: the evidence the trials added to κ, α and β beyond the prior is
 * multiplied by ρ (ρ = 1 keeps everything, ρ = 0 keeps
 * only where the mean was, as unsure of it as the prior); the mean m is kept. */
export function forget(b: NormalInverseGamma, prior: NormalInverseGamma, rho: number): NormalInverseGamma {
  return {
    m: b.m,
    kappa: prior.kappa + rho * (b.kappa - prior.kappa),
    alpha: prior.alpha + rho * (b.alpha - prior.alpha),
    beta: prior.beta + rho * (b.beta - prior.beta),
  };
}
