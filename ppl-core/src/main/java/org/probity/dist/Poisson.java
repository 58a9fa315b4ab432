package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.probity.ad.Real;

/**
 * The Poisson distribution with the given rate (mean) lambda: P(k) = lambda^k e^-lambda / k!.
 * Sampled by Commons RNG's {@code PoissonSampler} (Knuth's multiplication for small means,
 * Devroye's rejection for large ones); the rate must be below 2^31 / 2 for sampling.
 */
public final class Poisson implements Discrete {
  private final Real rate;
  private final double logRate;

  private Poisson(Real rate) {
    DistributionException.positive("Poisson", "rate", rate.value());
    this.rate = rate;
    this.logRate = Math.log(rate.value());
  }

  /** Poisson(rate). */
  public static Poisson of(double rate) {
    return new Poisson(Real.of(rate));
  }

  /** Poisson(rate) with a differentiable rate. */
  public static Poisson of(Real rate) {
    return new Poisson(rate);
  }

  /** The rate. */
  public Real rate() {
    return rate;
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    return PoissonSampler.of(rng, rate.value()).sample();
  }

  @Override
  public Real logProb(Integer k) {
    if (k < 0) {
      return Real.NEGATIVE_INFINITY;
    }
    if (!rate.isVariable()) {
      return Real.of(logPmf(k));
    }
    return rate.log().times(k).minus(rate).minus(Special.logGamma(k + 1.0));
  }

  @Override
  public double logPmf(int k) {
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return k * logRate - rate.value() - Special.logGamma(k + 1.0);
  }

  @Override
  public double mean() {
    return rate.value();
  }

  @Override
  public double variance() {
    return rate.value();
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "Poisson(" + rate + ")";
  }
}
