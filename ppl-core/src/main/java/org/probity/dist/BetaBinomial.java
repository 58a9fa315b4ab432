package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.probity.ad.Real;

/**
 * The beta-binomial distribution: Binomial(n, q) with q ~ Beta(a, b) marginalised, P(k) =
 * C(n, k) B(k + a, n - k + b) / B(a, b) on 0..n. Sampled by drawing q then k.
 */
public final class BetaBinomial implements Discrete {
  private final int n;
  private final Real a;
  private final Real b;
  private final Real logNormaliser;

  private BetaBinomial(int n, Real a, Real b) {
    if (n < 0) {
      throw new DistributionException("BetaBinomial: parameter n must be non-negative, got " + n);
    }
    DistributionException.positive("BetaBinomial", "a", a.value());
    DistributionException.positive("BetaBinomial", "b", b.value());
    this.n = n;
    this.a = a;
    this.b = b;
    // -log B(a, b) - log Gamma(n + a + b) + log n!
    this.logNormaliser = a.plus(b).logGamma().minus(a.logGamma()).minus(b.logGamma())
        .minus(a.plus(b).plus(n).logGamma()).plus(Special.logGamma(n + 1.0));
  }

  /** BetaBinomial(n, a, b). */
  public static BetaBinomial of(int n, double a, double b) {
    return new BetaBinomial(n, Real.of(a), Real.of(b));
  }

  /** BetaBinomial(n, a, b) with differentiable shapes. */
  public static BetaBinomial of(int n, Real a, Real b) {
    return new BetaBinomial(n, a, b);
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    double q = ChengBetaSampler.of(rng, a.value(), b.value()).sample();
    return Binomial.of(n, q).sample(rng);
  }

  @Override
  public Real logProb(Integer k) {
    if (k < 0 || k > n) {
      return Real.NEGATIVE_INFINITY;
    }
    return a.plus(k).logGamma().plus(b.plus(n - k).logGamma())
        .minus(Special.logGamma(k + 1.0) + Special.logGamma(n - k + 1.0)).plus(logNormaliser);
  }

  @Override
  public double logPmf(int k) {
    return logProb(k).value();
  }

  @Override
  public double mean() {
    return n * a.value() / (a.value() + b.value());
  }

  @Override
  public double variance() {
    double av = a.value();
    double bv = b.value();
    double s = av + bv;
    return n * av * bv * (s + n) / (s * s * (s + 1));
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return n;
  }

  @Override
  public String toString() {
    return "BetaBinomial(" + n + ", " + a + ", " + b + ")";
  }
}
