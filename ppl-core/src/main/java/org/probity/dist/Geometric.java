package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.probity.ad.Real;

/**
 * The geometric distribution counting the <b>failures before the first success</b> in
 * Bernoulli(p) trials: P(k) = p (1-p)^k on k = 0, 1, 2, ... (mean (1-p)/p), the convention of
 * Commons Statistics and Stan's neg_binomial with r = 1. Sampled by Commons RNG's
 * {@code GeometricSampler} (inversion of the exponential).
 */
public final class Geometric implements Discrete {
  private final Real p;
  private final double logP;
  private final double log1mP;

  private Geometric(Real p) {
    double v = p.value();
    if (!(v > 0 && v <= 1)) {
      throw new DistributionException("Geometric: parameter p must be in (0, 1], got " + v);
    }
    this.p = p;
    this.logP = Math.log(v);
    this.log1mP = Math.log1p(-v);
  }

  /** Geometric(p): failures before the first success. */
  public static Geometric of(double p) {
    return new Geometric(Real.of(p));
  }

  /** Geometric(p) with a differentiable probability. */
  public static Geometric of(Real p) {
    return new Geometric(p);
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    return GeometricSampler.of(rng, p.value()).sample();
  }

  @Override
  public Real logProb(Integer k) {
    if (k < 0) {
      return Real.NEGATIVE_INFINITY;
    }
    if (!p.isVariable()) {
      return Real.of(logPmf(k));
    }
    return p.log().plus(Beta.xLogY(Real.of(k), p.rminus(1)));
  }

  @Override
  public double logPmf(int k) {
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return logP + (k == 0 ? 0 : k * log1mP);
  }

  @Override
  public double mean() {
    return (1 - p.value()) / p.value();
  }

  @Override
  public double variance() {
    return (1 - p.value()) / (p.value() * p.value());
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return p.value() == 1 ? 0 : Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "Geometric(" + p + ")";
  }
}
