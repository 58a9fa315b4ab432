package org.probity.bijection;

import org.probity.ad.Real;

/** (lo, inf) via y = lo + exp(u) (Stan's lower-bound transform); log-Jacobian u. */
public record LowerBounded(double lo) implements ScalarBijection {
  /** Validates the bound. */
  public LowerBounded {
    if (!Double.isFinite(lo)) {
      throw new IllegalArgumentException("LowerBounded: bound must be finite, got " + lo);
    }
  }

  @Override
  public Real forward(Real u) {
    return u.exp().plus(lo);
  }

  @Override
  public double inverse(double y) {
    if (!(y >= lo && y < Double.POSITIVE_INFINITY)) {
      require(false, y, "must be at least " + lo + " and finite"); // the message built only when it is thrown
    }
    return Math.log(y - lo);
  }

  @Override
  public Real logAbsDetJacobian(Real u) {
    return u;
  }

  @Override
  public String toString() {
    return "LowerBounded(" + lo + ")";
  }
}
