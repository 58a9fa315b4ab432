package org.probity.bijection;

import org.probity.ad.Real;

/**
 * A smooth bijection from unconstrained R^n onto a constrained set, used to run gradient-based
 * inference (HMC, ADVI, random-walk MH) in unconstrained space: Stan's constraining transforms
 * (Stan Reference Manual, "Constraint transforms") and TensorFlow Probability's bijectors.
 *
 * <p>{@link #forward} maps unconstrained to constrained values (differentiably, on the tape),
 * {@link #inverse} maps a constrained value back, and {@link #logAbsDetJacobian} is
 * log |det J| of the forward map, the term added to the log density of the constrained target to
 * get the density in unconstrained space. The dimensions may differ (a K-simplex has K - 1
 * free coordinates); the Jacobian is then that of the map onto the free coordinates.
 */
public interface Bijection {
  /** The forward value together with its log-Jacobian. */
  record Constrained(Real[] value, Real logAbsDetJacobian) {
  }

  /** Number of unconstrained coordinates. */
  int unconstrainedDimension();

  /** Number of entries of the constrained value. */
  int constrainedDimension();

  /** Maps an unconstrained point to the constrained value. */
  Real[] forward(Real[] unconstrained);

  /**
   * Maps a constrained value to its unconstrained point.
   *
   * @throws OutOfSupportException if the value violates the constraint
   */
  double[] inverse(double[] constrained);

  /** log |det| of the Jacobian of {@link #forward} at the unconstrained point. */
  Real logAbsDetJacobian(Real[] unconstrained);

  /** {@link #forward} and {@link #logAbsDetJacobian} at once (overridden where they share work). */
  default Constrained forwardWithLogJacobian(Real[] unconstrained) {
    return new Constrained(forward(unconstrained), logAbsDetJacobian(unconstrained));
  }

  /** {@link #forward} on plain doubles (no tape). */
  default double[] forward(double[] unconstrained) {
    return Real.values(forward(Real.of(unconstrained)));
  }

  /** Checks the length of an unconstrained argument. */
  default void checkUnconstrained(Real[] u) {
    if (u.length != unconstrainedDimension()) {
      throw new IllegalArgumentException(this + ": expected " + unconstrainedDimension() + " unconstrained coordinates, got " + u.length);
    }
  }

  /** Checks the length of a constrained argument. */
  default void checkConstrained(double[] y) {
    if (y.length != constrainedDimension()) {
      throw new IllegalArgumentException(this + ": expected a constrained value of length " + constrainedDimension() + ", got " + y.length);
    }
  }
}
