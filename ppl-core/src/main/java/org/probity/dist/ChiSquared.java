package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/** The chi-squared distribution with k degrees of freedom: Gamma(k/2, rate 1/2). */
public final class ChiSquared implements ContinuousCdf {
  private final Real k;
  private final Gamma gamma;

  private ChiSquared(Real k) {
    DistributionException.positive("ChiSquared", "k", k.value());
    this.k = k;
    this.gamma = Gamma.of(k.times(0.5), Real.of(0.5));
  }

  /** ChiSquared(k). */
  public static ChiSquared of(double k) {
    return new ChiSquared(Real.of(k));
  }

  /** ChiSquared(k) with differentiable degrees of freedom. */
  public static ChiSquared of(Real k) {
    return new ChiSquared(k);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return gamma.sampleDouble(rng);
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** The Gamma(k/2, 1/2) draw with its implicit reparameterisation gradient in k ({@link Gamma#rsample}). */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    return gamma.rsample(rng);
  }

  @Override
  public Real logProb(Real x) {
    return gamma.logProb(x);
  }

  @Override
  public double logDensity(double x) {
    return gamma.logDensity(x);
  }

  @Override
  public Real cdf(Real x) {
    return gamma.cdf(x);
  }

  @Override
  public Real survival(Real x) {
    return gamma.survival(x);
  }

  @Override
  public double mean() {
    return k.value();
  }

  @Override
  public double variance() {
    return 2 * k.value();
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
    return "ChiSquared(" + k + ")";
  }
}
