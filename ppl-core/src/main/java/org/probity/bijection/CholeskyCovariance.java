package org.probity.bijection;

import org.probity.ad.Real;

/**
 * Cholesky factors L of K x K covariance matrices (lower triangular, positive diagonal), flattened
 * row-major, from K(K+1)/2 unconstrained coordinates (Stan Reference Manual, "Cholesky factors of
 * covariance matrices", square case): the lower triangle filled row by row, each diagonal entry as
 * L_ii = exp(u) and each entry below it as L_ij = u. The log-Jacobian, of the map onto the lower
 * triangle (diagonal included) in row-major order, is the sum of the diagonal coordinates.
 */
public record CholeskyCovariance(int k) implements Bijection {
  /** Validates K. */
  public CholeskyCovariance {
    if (k < 1) {
      throw new IllegalArgumentException("CholeskyCovariance: K must be at least 1, got " + k);
    }
  }

  @Override
  public int unconstrainedDimension() {
    return k * (k + 1) / 2;
  }

  @Override
  public int constrainedDimension() {
    return k * k;
  }

  @Override
  public Real[] forward(Real[] u) {
    checkUnconstrained(u);
    Real[] l = new Real[k * k];
    java.util.Arrays.fill(l, Real.ZERO);
    int m = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        l[i * k + j] = u[m++];
      }
      l[i * k + i] = u[m++].exp();
    }
    return l;
  }

  @Override
  public double[] inverse(double[] l) {
    checkConstrained(l);
    double[] u = new double[unconstrainedDimension()];
    int m = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double v = l[i * k + j];
        if (!Double.isFinite(v)) {
          throw new OutOfSupportException(this, l, "entries must be finite");
        }
        if (j > i && v != 0) {
          throw new OutOfSupportException(this, l, "must be lower triangular, L[" + i + "][" + j + "] = " + v);
        }
        if (j < i) {
          u[m++] = v;
        } else if (j == i) {
          if (!(v > 0)) {
            throw new OutOfSupportException(this, l, "diagonal must be positive, L[" + i + "][" + i + "] = " + v);
          }
          u[m++] = Math.log(v);
        }
      }
    }
    return u;
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    Real s = Real.ZERO;
    int m = 0;
    for (int i = 0; i < k; i++) {
      m += i; // the entries below the diagonal of row i
      s = s.plus(u[m++]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "CholeskyCovariance(" + k + ")";
  }
}
