package org.probity.bijection;

import org.probity.ad.Real;

/** A scalar bijection applied to each of n coordinates; the log-Jacobians add. */
public record Elementwise(ScalarBijection base, int n) implements Bijection {
  /** Validates n. */
  public Elementwise {
    if (n < 0) {
      throw new IllegalArgumentException("Elementwise: n must be non-negative, got " + n);
    }
  }

  @Override
  public int unconstrainedDimension() {
    return n;
  }

  @Override
  public int constrainedDimension() {
    return n;
  }

  @Override
  public Real[] forward(Real[] u) {
    checkUnconstrained(u);
    Real[] y = new Real[n];
    for (int i = 0; i < n; i++) {
      y[i] = base.forward(u[i]);
    }
    return y;
  }

  @Override
  public double[] inverse(double[] y) {
    checkConstrained(y);
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = base.inverse(y[i]);
    }
    return u;
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    Real s = Real.ZERO;
    for (int i = 0; i < n; i++) {
      s = s.plus(base.logAbsDetJacobian(u[i]));
    }
    return s;
  }

  @Override
  public String toString() {
    return base + "^" + n;
  }
}
