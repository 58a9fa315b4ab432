package org.probity.ad;

/**
 * The Cholesky factorisation Sigma = L L^T of a symmetric positive-definite matrix of
 * {@link Real}s, differentiable, and the quantities a Gaussian log density needs from the
 * factor: log det Sigma and the quadratic form x^T Sigma^-1 x.
 *
 * <p>The factor is one {@link BlockNode}: the forward pass is the Cholesky–Banachiewicz
 * algorithm and the backward pass is the unblocked reverse-mode algorithm of Murray,
 * "Differentiation of the Cholesky decomposition" (2016, section 4), O(d^3) time and O(d^2)
 * memory. Only the lower triangle of Sigma is read, so the gradient is with respect to the
 * entries Sigma[i][j], j &lt;= i (a symmetric matrix built with the same node in both halves gets
 * the right gradient, flowing through the lower half).
 */
public final class Cholesky {
  private static final double SYMMETRY_TOLERANCE = 1e-12;

  private Cholesky() {
  }

  /**
   * The lower-triangular factor L (a d x d matrix with zeros above the diagonal) of a
   * symmetric positive-definite {@code sigma}.
   *
   * @throws DomainException if {@code sigma} is not square, not symmetric (relative tolerance
   *     1e-12), has a non-finite entry, or is not positive definite (naming the failing pivot)
   */
  public static Real[][] factor(Real[][] sigma) {
    int d = sigma.length;
    for (int i = 0; i < d; i++) {
      if (sigma[i].length != d) {
        throw new DomainException("cholesky: matrix must be square, row " + i + " has " + sigma[i].length + " entries for " + d + " rows");
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double v = sigma[i][j].value();
        double w = sigma[j][i].value();
        if (!Double.isFinite(v) || Math.abs(v - w) > SYMMETRY_TOLERANCE * Math.max(1, Math.max(Math.abs(v), Math.abs(w)))) {
          throw new DomainException("cholesky: matrix must be finite and symmetric, got [" + i + "][" + j + "]=" + v
              + ", [" + j + "][" + i + "]=" + w);
        }
      }
    }
    double[] l = Dense.triangleValues(sigma, true);
    decompose(l, d);
    Real[] inputs = Dense.packTriangle(sigma, true, new Real[Dense.triangleSize(d)], 0);
    double[] packed = new double[inputs.length];
    for (int i = 0, k = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        packed[k++] = l[i * d + j];
      }
    }
    Real[] out = BlockNode.of(inputs, packed, (outAdj, inAdj) -> {
      double[] abar = new double[d * d];
      Dense.packedToDense(outAdj, d, true, abar);
      reverse(l, abar, d);
      Dense.unpackTriangle(abar, d, true, inAdj, 0);
    });
    return Dense.fromTriangle(out, d, true, false);
  }

  /** In place: the lower triangle of the row-major d x d array becomes L (upper left as zeros). */
  static void decompose(double[] a, int d) {
    for (int j = 0; j < d; j++) {
      double s = a[j * d + j];
      for (int k = 0; k < j; k++) {
        s -= a[j * d + k] * a[j * d + k];
      }
      if (!(s > 0)) {
        throw new DomainException("cholesky: matrix is not positive definite (pivot " + j + " is " + s + ")");
      }
      double ljj = Math.sqrt(s);
      a[j * d + j] = ljj;
      for (int i = j + 1; i < d; i++) {
        double t = a[i * d + j];
        for (int k = 0; k < j; k++) {
          t -= a[i * d + k] * a[j * d + k];
        }
        a[i * d + j] = t / ljj;
      }
    }
  }

  /**
   * Murray's unblocked reverse sweep ({@code chol_unblocked_rev}): on entry {@code abar} holds
   * the adjoint of L (lower triangle), on exit the adjoint of the lower triangle of Sigma.
   */
  static void reverse(double[] l, double[] abar, int d) {
    for (int j = d - 1; j >= 0; j--) {
      double ljj = l[j * d + j];
      double dbar = abar[j * d + j];
      for (int i = j + 1; i < d; i++) {
        dbar -= l[i * d + j] * abar[i * d + j] / ljj;
      }
      dbar /= ljj;
      for (int i = j + 1; i < d; i++) {
        abar[i * d + j] /= ljj;
      }
      for (int k = 0; k < j; k++) {
        double rbar = abar[j * d + k] - dbar * l[j * d + k];
        for (int i = j + 1; i < d; i++) {
          rbar -= abar[i * d + j] * l[i * d + k];
        }
        abar[j * d + k] = rbar;
      }
      for (int i = j + 1; i < d; i++) {
        double cbar = abar[i * d + j];
        for (int k = 0; k < j; k++) {
          abar[i * d + k] -= cbar * l[j * d + k];
        }
      }
      abar[j * d + j] = dbar / 2;
    }
  }

  /**
   * log det(L L^T) = 2 sum log L[i][i] for a lower-triangular factor; one node.
   *
   * @throws DomainException if a diagonal entry is not positive and finite
   */
  public static Real logDeterminant(Real[][] lower) {
    int d = lower.length;
    Real[] diag = new Real[d];
    double[] partial = new double[d];
    double v = 0;
    for (int i = 0; i < d; i++) {
      if (lower[i].length < i + 1) {
        throw new IllegalArgumentException("logDeterminant: row " + i + " has " + lower[i].length + " entries, expected at least " + (i + 1));
      }
      diag[i] = lower[i][i];
      double x = diag[i].value();
      checkPivot("logDeterminant", i, x);
      v += Math.log(x);
      partial[i] = 2 / x;
    }
    return Reals.node(diag, 2 * v, partial);
  }

  /**
   * The quadratic form x^T (L L^T)^-1 x = |L^-1 x|^2 for a lower-triangular factor L, as one
   * node whose parents are x and the lower triangle of L: with z = L^-1 x and w = L^-T z, the
   * gradient is 2 w in x and -2 w_i z_j in L[i][j] (Giles 2008, section 2.3).
   *
   * @throws DomainException if a diagonal entry of L is not positive and finite
   */
  public static Real quadFormInverse(Real[][] lower, Real[] x) {
    int d = lower.length;
    if (x.length != d) {
      throw new IllegalArgumentException("quadFormInverse: factor is " + d + " x " + d + ", vector has length " + x.length);
    }
    Dense.checkTriangular("quadFormInverse", lower, true);
    double[] l = Dense.triangleValues(lower, true);
    for (int i = 0; i < d; i++) {
      checkPivot("quadFormInverse", i, l[i * d + i]);
    }
    double[] z = Real.values(x);
    Triangular.solveInPlace(l, d, true, false, z, 1);
    double q = 0;
    for (double zi : z) {
      q += zi * zi;
    }
    if (!BlockNode.anyVariable(x) && !anyVariableInLower(lower)) {
      return Real.of(q);
    }
    double[] w = z.clone();
    Triangular.solveInPlace(l, d, true, true, w, 1);
    int t = Dense.triangleSize(d);
    Real[] parents = new Real[d + t];
    double[] partial = new double[d + t];
    for (int i = 0; i < d; i++) {
      parents[i] = x[i];
      partial[i] = 2 * w[i];
    }
    Dense.packTriangle(lower, true, parents, d);
    for (int i = 0, k = d; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        partial[k++] = -2 * w[i] * z[j];
      }
    }
    return Reals.node(parents, q, partial);
  }

  private static boolean anyVariableInLower(Real[][] lower) {
    for (int i = 0; i < lower.length; i++) {
      for (int j = 0; j <= i; j++) {
        if (lower[i][j].isVariable()) {
          return true;
        }
      }
    }
    return false;
  }

  static void checkPivot(String op, int i, double x) {
    if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
      throw new DomainException(op + ": diagonal entry [" + i + "][" + i + "] of the Cholesky factor must be positive and finite, got " + x);
    }
  }
}
