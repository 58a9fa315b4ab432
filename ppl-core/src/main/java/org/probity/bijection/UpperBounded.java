package org.probity.bijection;

import org.probity.ad.Real;

/** (-inf, hi) via y = hi - exp(u) (Stan's upper-bound transform); log-Jacobian u. */
public record UpperBounded(double hi) implements ScalarBijection {
  /** Validates the bound. */
  public UpperBounded {
    if (!Double.isFinite(hi)) {
      throw new IllegalArgumentException("UpperBounded: bound must be finite, got " + hi);
    }
  }

  @Override
  public Real forward(Real u) {
    return u.exp().rminus(hi);
  }

  @Override
  public double inverse(double y) {
    if (!(y <= hi && y > Double.NEGATIVE_INFINITY)) {
      require(false, y, "must be at most " + hi + " and finite"); // the message built only when it is thrown
    }
    return Math.log(hi - y);
  }

  @Override
  public Real logAbsDetJacobian(Real u) {
    return u;
  }

  @Override
  public String toString() {
    return "UpperBounded(" + hi + ")";
  }
}
