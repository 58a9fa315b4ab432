package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.probity.ad.Real;

/**
 * The Poisson distribution with the given rate (mean) lambda: P(k) = lambda^k e^-lambda / k!.
 * Sampled by Commons RNG's {@code PoissonSampler} (Knuth's multiplication for small means,
 * Devroye's rejection for large ones) up to its limit of 2^30 - 1/2; above it as a sum of
 * independent Poisson variates with means below the limit (exact, since Poisson laws add). The
 * values are ints, so a rate whose draws cannot be represented (above about 2^31) is refused
 * when sampled, with a {@link DistributionException} naming it. For a log-rate parameter use
 * {@link PoissonLog}.
 */
public final class Poisson implements Discrete {
  /** The largest mean Commons RNG's {@code PoissonSampler} accepts (its large-mean sampler's limit). */
  private static final double SAMPLER_MAX_MEAN = 0.5 * Integer.MAX_VALUE;
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
    return draw(rng, rate.value(), this);
  }

  /**
   * A Poisson(mean) variate for {@code dist} (named in errors): Commons RNG's sampler up to its
   * limit, above it the sum of ceil(mean / limit) independent variates of equal means.
   *
   * @throws DistributionException if the draws cannot be ints: mean - 10 sqrt(mean) above
   *     Integer.MAX_VALUE (every draw would overflow), or this draw overflowing
   */
  static int draw(UniformRandomProvider rng, double mean, Distribution<?> dist) {
    if (mean <= SAMPLER_MAX_MEAN) {
      return PoissonSampler.of(rng, mean).sample();
    }
    if (!(mean - 10 * Math.sqrt(mean) <= Integer.MAX_VALUE)) {
      throw new DistributionException(dist.name() + ": cannot sample rate " + mean + ": its draws exceed the largest int value "
          + Integer.MAX_VALUE + " (counts are ints)");
    }
    int parts = (int) Math.ceil(mean / SAMPLER_MAX_MEAN);
    double each = mean / parts;
    long sum = 0;
    for (int i = 0; i < parts; i++) {
      sum += PoissonSampler.of(rng, each).sample();
    }
    if (sum > Integer.MAX_VALUE) {
      throw new DistributionException(dist.name() + ": the draw " + sum + " for rate " + mean + " exceeds the largest int value "
          + Integer.MAX_VALUE + " (counts are ints)");
    }
    return (int) sum;
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
