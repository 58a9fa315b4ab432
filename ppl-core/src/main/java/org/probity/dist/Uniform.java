package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/** The continuous uniform distribution on [lo, hi]. */
public final class Uniform implements ContinuousCdf {
  private final Real lo;
  private final Real hi;
  private final Real logWidth;

  private Uniform(Real lo, Real hi) {
    DistributionException.finite("Uniform", "lo", lo.value());
    DistributionException.finite("Uniform", "hi", hi.value());
    if (!(hi.value() > lo.value())) {
      throw new DistributionException("Uniform: parameter hi must exceed lo, got lo=" + lo + ", hi=" + hi);
    }
    this.lo = lo;
    this.hi = hi;
    this.logWidth = hi.minus(lo).log();
  }

  /** Uniform on [lo, hi]. */
  public static Uniform of(double lo, double hi) {
    return new Uniform(Real.of(lo), Real.of(hi));
  }

  /** Uniform on [lo, hi] with differentiable bounds. */
  public static Uniform of(Real lo, Real hi) {
    return new Uniform(lo, hi);
  }

  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    return OpenSupport.inside(lo.value() + (hi.value() - lo.value()) * rng.nextDouble(), lo.value(), hi.value());
  }

  @Override
  public boolean hasRsample() {
    return true;
  }

  /** lo + (hi - lo) u for the uniform u that {@link #sampleDouble} draws: dx/dlo = 1 - u, dx/dhi = u. */
  @Override
  public Real rsample(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    return Reals.node(new Real[] {lo, hi}, OpenSupport.inside(lo.value() + (hi.value() - lo.value()) * u, lo.value(), hi.value()),
        new double[] {1 - u, u});
  }

  @Override
  public Real logProb(Real x) {
    double l = lo.value();
    double h = hi.value();
    if (x.test(v -> v < l || v > h)) { // a test, not a value read: a recorded gradient stays replayable
      return Real.NEGATIVE_INFINITY;
    }
    return logWidth.negate();
  }

  @Override
  public Real cdf(Real x) {
    if (x.value() <= lo.value()) {
      return Real.ZERO;
    }
    if (x.value() >= hi.value()) {
      return Real.ONE;
    }
    return x.minus(lo).div(hi.minus(lo));
  }

  @Override
  public double inverseCdf(double p) {
    Special.checkProbability(this, p);
    return lo.value() + p * (hi.value() - lo.value());
  }

  @Override
  public double mean() {
    return 0.5 * (lo.value() + hi.value());
  }

  @Override
  public double variance() {
    double w = hi.value() - lo.value();
    return w * w / 12;
  }

  @Override
  public double supportLowerBound() {
    return lo.value();
  }

  @Override
  public double supportUpperBound() {
    return hi.value();
  }

  @Override
  public String toString() {
    return "Uniform(" + lo + ", " + hi + ")";
  }
}
