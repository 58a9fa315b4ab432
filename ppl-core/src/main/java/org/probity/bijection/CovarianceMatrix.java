package org.probity.bijection;

import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Symmetric positive-definite K x K matrices (covariance matrices), flattened row-major, from
 * K(K+1)/2 unconstrained coordinates (Stan Reference Manual, "Covariance matrices"): a Cholesky
 * factor L with positive diagonal is built as in {@link CholeskyCovariance} (L_ii = exp(u),
 * L_ij = u below the diagonal, row by row) and Sigma = L L^T. Of the map onto the lower triangle
 * of Sigma (diagonal included, row-major) the Jacobian determinant is
 * 2^K prod_{i=1..K} L_ii^(K - i + 2), so log |det J| = K log 2 + sum_i (K - i + 2) u_ii (i 1-based).
 * {@link #inverse} takes the Cholesky factor of the given matrix, which must be symmetric (to
 * {@value #SYMMETRY_TOLERANCE} relative) and positive definite.
 */
public record CovarianceMatrix(int k) implements Bijection {
  /** Relative tolerance on |Sigma_ij - Sigma_ji| accepted by {@link #inverse}. */
  public static final double SYMMETRY_TOLERANCE = 1e-8;

  /** Validates K. */
  public CovarianceMatrix {
    if (k < 1) {
      throw new IllegalArgumentException("CovarianceMatrix: K must be at least 1, got " + k);
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
    Real[] l = new CholeskyCovariance(k).forward(u);
    Real[] sigma = new Real[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        Real[] a = new Real[j + 1];
        Real[] b = new Real[j + 1];
        System.arraycopy(l, i * k, a, 0, j + 1);
        System.arraycopy(l, j * k, b, 0, j + 1);
        Real s = Reals.dot(a, b);
        sigma[i * k + j] = s;
        sigma[j * k + i] = s;
      }
    }
    return sigma;
  }

  @Override
  public double[] inverse(double[] sigma) {
    checkConstrained(sigma);
    double[] l = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double v = sigma[i * k + j];
        double w = sigma[j * k + i];
        if (!Double.isFinite(v) || Math.abs(v - w) > SYMMETRY_TOLERANCE * Math.max(1, Math.max(Math.abs(v), Math.abs(w)))) {
          throw new OutOfSupportException(this, sigma, "must be finite and symmetric, [" + i + "][" + j + "] = " + v
              + ", [" + j + "][" + i + "] = " + w);
        }
        double s = v;
        for (int m = 0; m < j; m++) {
          s -= l[i * k + m] * l[j * k + m];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new OutOfSupportException(this, sigma, "must be positive definite (Cholesky pivot " + i + " is " + s + ")");
          }
          l[i * k + i] = Math.sqrt(s);
        } else {
          l[i * k + j] = s / l[j * k + j];
        }
      }
    }
    return new CholeskyCovariance(k).inverse(l);
  }

  @Override
  public Real logAbsDetJacobian(Real[] u) {
    checkUnconstrained(u);
    Real s = Real.of(k * Math.log(2));
    int m = 0;
    for (int i = 0; i < k; i++) {
      m += i;
      s = s.plus(u[m++].times(k - i + 1));
    }
    return s;
  }

  @Override
  public String toString() {
    return "CovarianceMatrix(" + k + ")";
  }
}
