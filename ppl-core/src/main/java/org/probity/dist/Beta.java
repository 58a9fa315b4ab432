package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.probity.ad.Real;

/** The beta distribution on [0, 1] with shapes alpha and beta. */
public final class Beta implements Continuous {
  private final Real a;
  private final Real b;
  private final Real logBeta;

  private Beta(Real a, Real b) {
    DistributionException.positive("Beta", "alpha", a.value());
    DistributionException.positive("Beta", "beta", b.value());
    this.a = a;
    this.b = b;
    this.logBeta = a.logGamma().plus(b.logGamma()).minus(a.plus(b).logGamma());
  }

  /** Beta(alpha, beta). */
  public static Beta of(double alpha, double beta) {
    return new Beta(Real.of(alpha), Real.of(beta));
  }

  /** Beta(alpha, beta) with differentiable shapes. */
  public static Beta of(Real alpha, Real beta) {
    return new Beta(alpha, beta);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return ChengBetaSampler.of(rng, a.value(), b.value()).sample();
  }

  @Override
  public Real logProb(Real x) {
    double v = x.value();
    if (v < 0 || v > 1) {
      return Real.NEGATIVE_INFINITY;
    }
    return a.minus(1).times(x.log()).plus(b.minus(1).times(x.rminus(1).log())).minus(logBeta);
  }

  @Override
  public double mean() {
    return a.value() / (a.value() + b.value());
  }

  @Override
  public double variance() {
    double s = a.value() + b.value();
    return a.value() * b.value() / (s * s * (s + 1));
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return 1;
  }

  @Override
  public String toString() {
    return "Beta(" + a + ", " + b + ")";
  }
}
