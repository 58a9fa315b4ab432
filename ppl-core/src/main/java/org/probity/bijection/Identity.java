package org.probity.bijection;

import org.probity.ad.Real;

/** The identity on the real line (unconstrained support); log-Jacobian 0. */
public record Identity() implements ScalarBijection {
  @Override
  public Real forward(Real u) {
    return u;
  }

  @Override
  public double inverse(double y) {
    require(!Double.isNaN(y), y, "NaN");
    return y;
  }

  @Override
  public Real logAbsDetJacobian(Real u) {
    return Real.ZERO;
  }

  @Override
  public double forward(double u) {
    return u;
  }

  @Override
  public double logAbsDetJacobian(double u) {
    return 0.0;
  }

  @Override
  public String toString() {
    return "Identity";
  }
}
