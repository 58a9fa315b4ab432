package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;

/** The discrete uniform distribution on the integers lo, lo+1, ..., hi (both included). */
public final class DiscreteUniform implements Discrete {
  private final int lo;
  private final int hi;
  private final double logP;

  private DiscreteUniform(int lo, int hi) {
    if (hi < lo) {
      throw new DistributionException("DiscreteUniform: parameter hi must be at least lo, got lo=" + lo + ", hi=" + hi);
    }
    this.lo = lo;
    this.hi = hi;
    this.logP = -Math.log((double) hi - lo + 1);
  }

  /** Uniform on {lo, ..., hi}. */
  public static DiscreteUniform of(int lo, int hi) {
    return new DiscreteUniform(lo, hi);
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    return DiscreteUniformSampler.of(rng, lo, hi).sample();
  }

  @Override
  public double logPmf(int k) {
    return k >= lo && k <= hi ? logP : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double mean() {
    return 0.5 * ((double) lo + hi);
  }

  @Override
  public double variance() {
    double m = (double) hi - lo + 1;
    return (m * m - 1) / 12;
  }

  @Override
  public double supportLowerBound() {
    return lo;
  }

  @Override
  public double supportUpperBound() {
    return hi;
  }

  @Override
  public String toString() {
    return "DiscreteUniform(" + lo + ", " + hi + ")";
  }
}
