package org.probity.bijection;

import org.probity.ad.Real;

/**
 * (lo, hi) via the scaled logistic y = lo + (hi - lo) logistic(u) (Stan's lower- and upper-bound
 * transform); log-Jacobian log(hi - lo) + log logistic(u) + log logistic(-u), evaluated stably.
 */
public record Interval(double lo, double hi) implements ScalarBijection {
  /** Validates the bounds. */
  public Interval {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new IllegalArgumentException("Interval: need finite lo < hi, got (" + lo + ", " + hi + ")");
    }
  }

  @Override
  public Real forward(Real u) {
    return u.logistic().times(hi - lo).plus(lo);
  }

  @Override
  public double inverse(double y) {
    if (!(y >= lo && y <= hi)) {
      require(false, y, "must lie in [" + lo + ", " + hi + "]"); // the message built only when it is thrown
    }
    double p = (y - lo) / (hi - lo);
    return Math.log(p) - Math.log1p(-p);
  }

  @Override
  public Real logAbsDetJacobian(Real u) {
    return u.logLogistic().plus(u.negate().logLogistic()).plus(Math.log(hi - lo));
  }

  @Override
  public String toString() {
    return "Interval(" + lo + ", " + hi + ")";
  }
}
