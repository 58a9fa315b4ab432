package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Cauchy distribution with location and scale: density 1 / (pi s (1 + z^2)), z = (x-loc)/s.
 * Mean and variance are undefined (NaN). Sampled by inversion, loc + s tan(pi (u - 1/2)).
 */
public final class Cauchy implements ContinuousCdf {
  private final LocationScale ls;

  private Cauchy(Real loc, Real scale) {
    this.ls = new LocationScale("Cauchy", "location", "scale", loc, scale);
  }

  /** Cauchy(location, scale). */
  public static Cauchy of(double loc, double scale) {
    return new Cauchy(Real.of(loc), Real.of(scale));
  }

  /** Cauchy(location, scale) with differentiable parameters. */
  public static Cauchy of(Real loc, Real scale) {
    return new Cauchy(loc, scale);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return inverseCdf(rng.nextDouble());
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /**
   * loc + s tan(pi (u - 1/2)) for the same u as {@link #sampleDouble}: dx/dloc = 1, dx/ds = tan(pi
   * (u - 1/2)); a constant at u = 0 (x = -inf, probability 2^-53).
   */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    double x = inverseCdf(u);
    if (!Double.isFinite(x)) {
      return Real.of(x);
    }
    return Reals.node(new Real[] {ls.loc, ls.scale}, x, new double[] {1, Math.tan(Math.PI * (u - 0.5))});
  }

  @Override
  public Real logProb(Real x) {
    Real z = ls.standardise(x);
    return z.square().log1p().plus(ls.logScale).plus(Special.LOG_PI).negate();
  }

  @Override
  public double logDensity(double x) {
    double z = (x - ls.loc.value()) / ls.scale.value();
    return -Math.log1p(z * z) - ls.logScale.value() - Special.LOG_PI;
  }

  @Override
  public Real cdf(Real x) {
    return ls.standardise(x).atan().div(Math.PI).plus(0.5);
  }

  @Override
  public Real survival(Real x) {
    return ls.standardise(x).atan().div(-Math.PI).plus(0.5);
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    return ls.loc.value() + ls.scale.value() * Math.tan(Math.PI * (p - 0.5));
  }

  @Override
  public double mean() {
    return Double.NaN;
  }

  @Override
  public double variance() {
    return Double.NaN;
  }

  @Override
  public double supportLowerBound() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return ls.toString("Cauchy");
  }
}
