package org.probity.bijection;

import org.probity.ad.Real;

/**
 * Strictly increasing vectors of length K (Stan Reference Manual, "Ordered vector"): x_1 = u_1,
 * x_k = x_{k-1} + exp(u_k). The Jacobian is triangular with log-determinant sum_{k>=2} u_k.
 */
public record Ordered(int k) implements Bijection {
  /** Validates K. */
  public Ordered {
    if (k < 1) {
      throw new IllegalArgumentException("Ordered: K must be at least 1, got " + k);
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
    x[0] = u[0];
    for (int i = 1; i < k; i++) {
      x[i] = x[i - 1].plus(u[i].exp());
    }
    return x;
  }

  @Override
  public double[] inverse(double[] x) {
    checkConstrained(x);
    double[] u = new double[k];
    if (!Double.isFinite(x[0])) {
      throw new OutOfSupportException(this, x, "entries must be finite");
    }
    u[0] = x[0];
    for (int i = 1; i < k; i++) {
      if (!(x[i] > x[i - 1]) || !Double.isFinite(x[i])) {
        throw new OutOfSupportException(this, x, "entries must be finite and strictly increasing (at index " + i + ")");
      }
      u[i] = Math.log(x[i] - x[i - 1]);
    }
    return u;
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    Real s = Real.ZERO;
    for (int i = 1; i < k; i++) {
      s = s.plus(u[i]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "Ordered(" + k + ")";
  }
}
