package org.probity.bijection;

import java.util.List;
import org.probity.dist.Univariate;

/** Factories: the default unconstraining bijection for a support, and combinators. */
public final class Bijections {
  private Bijections() {
  }

  /**
   * The default bijection onto the interval support (lo, hi) of a univariate continuous
   * distribution, as in Stan: Identity for (-inf, inf), Positive for (0, inf), LowerBounded,
   * UpperBounded, or Interval for two finite bounds.
   */
  public static ScalarBijection forSupport(double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi) || lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("forSupport: not an interval with lo < hi: (" + lo + ", " + hi + ")");
    }
    boolean finiteLo = lo > Double.NEGATIVE_INFINITY;
    boolean finiteHi = hi < Double.POSITIVE_INFINITY;
    if (finiteLo && finiteHi) {
      return new Interval(lo, hi);
    }
    if (finiteLo) {
      return lo == 0.0 ? new Positive() : new LowerBounded(lo);
    }
    if (finiteHi) {
      return new UpperBounded(hi);
    }
    return new Identity();
  }

  /** The default bijection for a univariate distribution's support bounds. */
  public static ScalarBijection forSupport(Univariate dist) {
    return forSupport(dist.supportLowerBound(), dist.supportUpperBound());
  }

  /** The scalar bijection applied to each of n coordinates. */
  public static Bijection elementwise(ScalarBijection base, int n) {
    return new Elementwise(base, n);
  }

  /** Bijections on consecutive blocks of one vector. */
  public static Bijection blockwise(List<Bijection> blocks) {
    return new Blockwise(blocks);
  }
}
