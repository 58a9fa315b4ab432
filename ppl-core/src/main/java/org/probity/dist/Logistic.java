package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The logistic distribution with location mu and scale s: CDF 1 / (1 + e^-z), z = (x - mu)/s,
 * density e^-z / (s (1 + e^-z)^2). Sampled by inversion, mu + s log(u / (1 - u)).
 */
public final class Logistic implements ContinuousCdf {
  private final LocationScale ls;

  private Logistic(Real mu, Real s) {
    this.ls = new LocationScale("Logistic", "mu", "s", mu, s);
  }

  /** Logistic(mu, s). */
  public static Logistic of(double mu, double s) {
    return new Logistic(Real.of(mu), Real.of(s));
  }

  /** Logistic(mu, s) with differentiable parameters. */
  public static Logistic of(Real mu, Real s) {
    return new Logistic(mu, s);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    double u = (rng.nextLong() >>> 11 | 1L) * 0x1.0p-53;
    return inverseCdf(u);
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** mu + s log(u / (1 - u)) for the same u as {@link #sampleDouble}: dx/dmu = 1, dx/ds = log(u / (1 - u)). */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = (rng.nextLong() >>> 11 | 1L) * 0x1.0p-53;
    return Reals.node(new Real[] {ls.loc, ls.scale}, inverseCdf(u), new double[] {1, Math.log(u / (1 - u))});
  }

  @Override
  public Real logProb(Real x) {
    Real z = ls.standardise(x);
    // log density = log sigmoid(z) + log sigmoid(-z) - log s, stable for large |z|
    return z.logLogistic().plus(z.negate().logLogistic()).minus(ls.logScale);
  }

  @Override
  public double logDensity(double x) {
    double z = Math.abs((x - ls.loc.value()) / ls.scale.value());
    return -z - 2 * Math.log1p(Math.exp(-z)) - ls.logScale.value();
  }

  @Override
  public Real cdf(Real x) {
    return ls.standardise(x).logistic();
  }

  @Override
  public Real survival(Real x) {
    return ls.standardise(x).negate().logistic();
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return ls.loc.value() + ls.scale.value() * Math.log(p / (1 - p));
  }

  @Override
  public double mean() {
    return ls.loc.value();
  }

  @Override
  public double variance() {
    return ls.scale.value() * ls.scale.value() * Math.PI * Math.PI / 3;
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
    return ls.toString("Logistic");
  }
}
