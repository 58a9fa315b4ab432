package org.probity.bijection;

import org.probity.ad.Real;

/** A bijection of one coordinate (dimension 1); the array methods delegate to the scalar ones. */
public interface ScalarBijection extends Bijection {
  /** The constrained value of u. */
  Real forward(Real u);

  /**
   * The unconstrained value of y.
   *
   * @throws OutOfSupportException if y violates the constraint
   */
  double inverse(double y);

  /** log |d forward / du|. */
  Real logAbsDetJacobian(Real u);

  /**
   * {@link #forward(Real)} on a double, without a {@code Real}: {@code forward(Real.of(u)).value()};
   * a bijection may override it with the same arithmetic (the same number, bit for bit).
   */
  default double forward(double u) {
    return forward(Real.of(u)).value();
  }

  /** {@link #logAbsDetJacobian(Real)} on a double, as {@link #forward(double)}. */
  default double logAbsDetJacobian(double u) {
    return logAbsDetJacobian(Real.of(u)).value();
  }

  @Override
  default int unconstrainedDimension() {
    return 1;
  }

  @Override
  default int constrainedDimension() {
    return 1;
  }

  @Override
  default Real[] forward(Real[] u) {
    checkUnconstrained(u);
    return new Real[] {forward(u[0])};
  }

  @Override
  default double[] inverse(double[] y) {
    checkConstrained(y);
    return new double[] {inverse(y[0])};
  }

  @Override
  default Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    return logAbsDetJacobian(u[0]);
  }

  /** Throws {@link OutOfSupportException} for y unless {@code ok}. */
  default void require(boolean ok, double y, String why) {
    if (!ok) {
      throw new OutOfSupportException(this, new double[] {y}, why);
    }
  }
}
