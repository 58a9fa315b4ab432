package org.probity.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The order statistics of k independent draws from a continuous base distribution with density f:
 * the increasing vector x_1 &lt; ... &lt; x_k (value {@code Real[]}) with density
 * k! prod f(x_i) on the ordered region and 0 off it (David and Nagaraja, Order Statistics, 2003,
 * section 2.2). A proper distribution whenever the base is, sampled by sorting k draws. It is the
 * prior of Stan's {@code ordered[K] mu; mu ~ normal(0, 5);} up to the constant k!, and what
 * {@code normal(0, 5).ordered(3)} builds; its support is {@link Constraint.Ordered} for a base on
 * the real line and {@link Constraint.PositiveOrdered} for a base on the positive half line.
 */
public final class OrderStatistics implements Distribution<Real[]> {
  private final Continuous base;
  private final int k;
  private final double logKFactorial;
  private final Constraint support;

  private OrderStatistics(Continuous base, int k, Constraint support) {
    this.base = base;
    this.k = k;
    this.logKFactorial = Special.logGamma(k + 1.0);
    this.support = support;
  }

  /** The order statistics of k draws from {@code base}, whose support must be the real line or the positive half line. */
  public static OrderStatistics of(Continuous base, int k) {
    checkK(base, k);
    Constraint s = base.support();
    if (s instanceof Constraint.RealLine) {
      return new OrderStatistics(base, k, new Constraint.Ordered(k));
    }
    if (s instanceof Constraint.Positive) {
      return new OrderStatistics(base, k, new Constraint.PositiveOrdered(k));
    }
    throw new DistributionException("ordered(" + k + "): the base " + base.name() + " has support " + s
        + "; ordered vectors are defined for a base on the real line or on the positive half line");
  }

  /** The order statistics of k draws from {@code base}, whose support must be the positive half line. */
  public static OrderStatistics positive(Continuous base, int k) {
    checkK(base, k);
    if (!(base.support() instanceof Constraint.Positive)) {
      throw new DistributionException("positiveOrdered(" + k + "): the base " + base.name() + " has support "
          + base.support() + ", not the positive half line");
    }
    return new OrderStatistics(base, k, new Constraint.PositiveOrdered(k));
  }

  private static void checkK(Continuous base, int k) {
    if (k < 1) {
      throw new DistributionException("ordered: parameter k must be at least 1, got " + k + " for " + base.name());
    }
  }

  /** The base distribution. */
  public Continuous base() {
    return base;
  }

  /** The length k. */
  public int k() {
    return k;
  }

  /** k draws of the base, sorted (the draws are those of {@code base.vector(k)}). */
  @Override
  public Real[] sample(UniformRandomProvider rng) {
    double[] xs = new Iid(base, k).sampleDoubles(rng);
    Arrays.sort(xs);
    return Real.of(xs);
  }

  @Override
  public Real logProb(Real[] x) {
    checkLength(x.length);
    if (!increasing(x)) {
      return Real.NEGATIVE_INFINITY;
    }
    Real[] terms = new Real[k];
    for (int i = 0; i < k; i++) {
      terms[i] = base.logProb(x[i]);
    }
    return Reals.sum(terms).plus(logKFactorial);
  }

  @Override
  public double logDensity(Real[] x) {
    checkLength(x.length);
    if (!increasing(x)) {
      return Double.NEGATIVE_INFINITY;
    }
    double s = logKFactorial;
    for (Real xi : x) {
      s += base.logDensity(xi.value());
    }
    return s;
  }

  private static boolean increasing(Real[] x) {
    for (int i = 1; i < x.length; i++) {
      if (!(x[i].value() > x[i - 1].value())) {
        return false;
      }
    }
    return true;
  }

  private void checkLength(int n) {
    if (n != k) {
      throw new DistributionException(name() + ": expected a vector of length " + k + ", got " + n);
    }
  }

  @Override
  public Constraint support() {
    return support;
  }

  @Override
  public String name() {
    return "OrderStatistics(" + base.name() + ", " + k + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
