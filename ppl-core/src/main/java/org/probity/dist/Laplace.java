package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Laplace (double exponential) distribution with location mu and scale b: density
 * exp(-|x - mu| / b) / (2b). Sampled by inversion.
 */
public final class Laplace implements ContinuousCdf {
  private final LocationScale ls;
  private final Real logTwoB;

  private Laplace(Real mu, Real b) {
    this.ls = new LocationScale("Laplace", "mu", "b", mu, b);
    this.logTwoB = ls.logScale.plus(Special.LOG2);
  }

  /** Laplace(mu, b). */
  public static Laplace of(double mu, double b) {
    return new Laplace(Real.of(mu), Real.of(b));
  }

  /** Laplace(mu, b) with differentiable parameters. */
  public static Laplace of(Real mu, Real b) {
    return new Laplace(mu, b);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    // u in (0, 1) exclusive of 0 so that log(2u) is finite
    double u = (rng.nextLong() >>> 11 | 1L) * 0x1.0p-53;
    return inverseCdf(u);
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** mu + b z with z = F0^-1(u) the standard Laplace quantile of the same u as {@link #sampleDouble}: dx/dmu = 1, dx/db = z. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = (rng.nextLong() >>> 11 | 1L) * 0x1.0p-53;
    double z = u < 0.5 ? Math.log(2 * u) : -Math.log(2 * (1 - u));
    return Reals.node(new Real[] {ls.loc, ls.scale}, inverseCdf(u), new double[] {1, z});
  }

  @Override
  public Real logProb(Real x) {
    return x.minus(ls.loc).abs().div(ls.scale).plus(logTwoB).negate();
  }

  @Override
  public double logDensity(double x) {
    return -Math.abs(x - ls.loc.value()) / ls.scale.value() - logTwoB.value();
  }

  @Override
  public Real cdf(Real x) {
    Real z = ls.standardise(x);
    return z.value() < 0 ? z.exp().times(0.5) : z.negate().exp().times(-0.5).plus(1);
  }

  @Override
  public Real survival(Real x) {
    Real z = ls.standardise(x);
    return z.value() < 0 ? z.exp().times(-0.5).plus(1) : z.negate().exp().times(0.5);
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return p < 0.5 ? ls.loc.value() + ls.scale.value() * Math.log(2 * p) : ls.loc.value() - ls.scale.value() * Math.log(2 * (1 - p));
  }

  @Override
  public double mean() {
    return ls.loc.value();
  }

  @Override
  public double variance() {
    return 2 * ls.scale.value() * ls.scale.value();
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
    return ls.toString("Laplace");
  }
}
