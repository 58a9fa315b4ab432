package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/** The log-normal distribution: exp(Y) for Y ~ Normal(mu, sigma); support (0, inf). */
public final class LogNormal implements ContinuousCdf {
  private final LocationScale ls;

  private LogNormal(Real mu, Real sigma) {
    this.ls = new LocationScale("LogNormal", "mu", "sigma", mu, sigma);
  }

  /** LogNormal(mu, sigma): the log has mean mu and standard deviation sigma. */
  public static LogNormal of(double mu, double sigma) {
    return new LogNormal(Real.of(mu), Real.of(sigma));
  }

  /** LogNormal(mu, sigma) with differentiable parameters. */
  public static LogNormal of(Real mu, Real sigma) {
    return new LogNormal(mu, sigma);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.positive(Math.exp(ls.loc.value() + ls.scale.value() * ZigguratSampler.NormalizedGaussian.of(rng).sample()));
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** exp(mu + sigma z) for the standard normal z that {@link #sampleDouble} draws: dx/dmu = x, dx/dsigma = x z. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
    double x = OpenSupport.positive(Math.exp(ls.loc.value() + ls.scale.value() * z));
    return Reals.node(new Real[] {ls.loc, ls.scale}, x, new double[] {x, x * z});
  }

  @Override
  public Real logProb(Real x) {
    if (x.test(Supports.NOT_POSITIVE)) { // a test, not a value read: a recorded gradient stays replayable
      return Real.NEGATIVE_INFINITY;
    }
    Real lx = x.log();
    Real z = ls.standardise(lx);
    return z.square().times(-0.5).minus(lx).minus(ls.logScale).minus(Normal.HALF_LOG_TWO_PI);
  }

  @Override
  public double logDensity(double x) {
    if (x <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double lx = Math.log(x);
    double z = (lx - ls.loc.value()) / ls.scale.value();
    return -0.5 * z * z - lx - ls.logScale.value() - Normal.HALF_LOG_TWO_PI;
  }

  @Override
  public Real cdf(Real x) {
    if (x.value() <= 0) {
      return Real.ZERO;
    }
    return Special.phi(ls.standardise(x.log()));
  }

  @Override
  public Real survival(Real x) {
    if (x.value() <= 0) {
      return Real.ONE;
    }
    return Special.phiUpper(ls.standardise(x.log()));
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return Math.exp(ls.loc.value() + ls.scale.value() * Special.phiInverse(p));
  }

  @Override
  public double inverseSurvival(double q) {
    Special.checkProbability(this, q);
    return Math.exp(ls.loc.value() - ls.scale.value() * Special.phiInverse(q));
  }

  @Override
  public double mean() {
    return Math.exp(ls.loc.value() + 0.5 * ls.scale.value() * ls.scale.value());
  }

  @Override
  public double variance() {
    double s2 = ls.scale.value() * ls.scale.value();
    return Math.expm1(s2) * Math.exp(2 * ls.loc.value() + s2);
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
    return ls.toString("LogNormal");
  }
}
