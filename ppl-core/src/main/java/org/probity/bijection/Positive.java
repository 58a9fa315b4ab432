package org.probity.bijection;

import org.probity.ad.Real;

/** (0, inf) via y = exp(u) (Stan's lower-bound transform with bound 0); log-Jacobian u. */
public record Positive() implements ScalarBijection {
  @Override
  public Real forward(Real u) {
    return u.exp();
  }

  @Override
  public double inverse(double y) {
    require(y >= 0 && y < Double.POSITIVE_INFINITY, y, "must be non-negative and finite");
    return Math.log(y);
  }

  @Override
  public Real logAbsDetJacobian(Real u) {
    return u;
  }

  @Override
  public double forward(double u) {
    return Math.exp(u); // Real.exp's value
  }

  @Override
  public double logAbsDetJacobian(double u) {
    return u;
  }

  @Override
  public String toString() {
    return "Positive";
  }
}
