package org.probity.bijection;

import org.probity.ad.Real;

/**
 * Strictly increasing vectors of positive reals of length K (Stan Reference Manual, "Positive
 * ordered vector"): x_1 = exp(u_1), x_k = x_{k-1} + exp(u_k). The Jacobian is triangular with
 * log-determinant sum_k u_k.
 */
public record PositiveOrdered(int k) implements Bijection {
  /** Validates K. */
  public PositiveOrdered {
    if (k < 1) {
      throw new IllegalArgumentException("PositiveOrdered: K must be at least 1, got " + k);
    }
  }

  @Override
  public int unconstrainedDimension() {
    return k;
  }

  @Override
  public int constrainedDimension() {
    return k;
  }

  @Override
  public Real[] forward(Real[] u) {
    checkUnconstrained(u);
    Real[] x = new Real[k];
    x[0] = u[0].exp();
    for (int i = 1; i < k; i++) {
      x[i] = x[i - 1].plus(u[i].exp());
    }
    return x;
  }

  @Override
  public double[] inverse(double[] x) {
    checkConstrained(x);
    double[] u = new double[k];
    double previous = 0;
    for (int i = 0; i < k; i++) {
      if (!(x[i] > previous) || !Double.isFinite(x[i])) {
        throw new OutOfSupportException(this, x, "entries must be finite, positive and strictly increasing (at index " + i + ")");
      }
      u[i] = Math.log(x[i] - previous);
      previous = x[i];
    }
    return u;
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    Real s = Real.ZERO;
    for (int i = 0; i < k; i++) {
      s = s.plus(u[i]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "PositiveOrdered(" + k + ")";
  }
}
