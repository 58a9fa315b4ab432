package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * The improper flat prior on the real line or the positive half line (Stan's default for a
 * parameter without a sampling statement): log density 0 everywhere on its support, and negative
 * infinity off it. It has no mean, variance or draws; {@link #sampleDouble} throws
 * {@link ImproperPriorException}. Its support ({@link Constraint.RealLine} or
 * {@link Constraint.Positive}) lets gradient-based samplers move it in unconstrained space.
 */
public final class Flat implements Continuous {
  private static final Flat REAL = new Flat(false);
  private static final Flat POSITIVE = new Flat(true);
  private final boolean positive;

  private Flat(boolean positive) {
    this.positive = positive;
  }

  /** The flat prior on the real line. */
  public static Flat real() {
    return REAL;
  }

  /** The flat prior on the positive half line (0, inf). */
  public static Flat positive() {
    return POSITIVE;
  }

  /** @throws ImproperPriorException always: an improper prior has no draws */
  @Override
  public double sampleDouble(UniformRandomProvider rng) {
    throw new ImproperPriorException(this);
  }

  @Override
  public Real logProb(Real x) {
    return Real.of(logDensity(x.value()));
  }

  @Override
  public double logDensity(double x) {
    if (Double.isNaN(x)) {
      return Double.NEGATIVE_INFINITY;
    }
    return positive && !(x > 0) || Double.isInfinite(x) ? Double.NEGATIVE_INFINITY : 0.0;
  }

  /** NaN: an improper distribution has no mean. */
  @Override
  public double mean() {
    return Double.NaN;
  }

  /** NaN: an improper distribution has no variance. */
  @Override
  public double variance() {
    return Double.NaN;
  }

  @Override
  public double supportLowerBound() {
    return positive ? 0.0 : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return positive ? "FlatPositive()" : "Flat()";
  }
}
