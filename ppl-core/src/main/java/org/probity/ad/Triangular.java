package org.probity.ad;

/**
 * Triangular solves over {@link Real}s (BLAS {@code trsv}/{@code trsm}; Stan's
 * {@code mdivide_left_tri_low}), each one {@link BlockNode}: X = op(A)^-1 B by forward or back
 * substitution, and in the backward sweep B-bar = op(A)^-T X-bar and op(A)-bar = -B-bar X^T,
 * restricted to the triangle that is read (Giles, "An extended collection of matrix derivative
 * results", 2008, section 2.2.3). O(d^2 m) time, no stored Jacobian.
 *
 * <p>A lower-triangular argument is read on and below the diagonal only (rows may be jagged, row
 * i with at least i + 1 entries); an upper-triangular one on and above it. Vectors are
 * {@code Real[]}, matrices {@code Real[][]} (rows).
 */
public final class Triangular {
  private Triangular() {
  }

  /** x with L x = b, L lower triangular. */
  public static Real[] solveLower(Real[][] lower, Real[] b) {
    return solve("solveLower", lower, true, false, b, 1);
  }

  /** X with L X = B, L lower triangular, B with one row per row of L. */
  public static Real[][] solveLower(Real[][] lower, Real[][] b) {
    return solveMatrix("solveLower", lower, true, false, b);
  }

  /** x with U x = b, U upper triangular. */
  public static Real[] solveUpper(Real[][] upper, Real[] b) {
    return solve("solveUpper", upper, false, false, b, 1);
  }

  /** X with U X = B, U upper triangular. */
  public static Real[][] solveUpper(Real[][] upper, Real[][] b) {
    return solveMatrix("solveUpper", upper, false, false, b);
  }

  /** x with L^T x = b, L lower triangular (the second half of a Cholesky solve). */
  public static Real[] solveLowerTransposed(Real[][] lower, Real[] b) {
    return solve("solveLowerTransposed", lower, true, true, b, 1);
  }

  /** X with L^T X = B, L lower triangular. */
  public static Real[][] solveLowerTransposed(Real[][] lower, Real[][] b) {
    return solveMatrix("solveLowerTransposed", lower, true, true, b);
  }

  private static Real[][] solveMatrix(String op, Real[][] a, boolean lower, boolean transpose, Real[][] b) {
    int m = Dense.checkRectangular(op, b);
    Real[] flat = new Real[b.length * m];
    for (int i = 0; i < b.length; i++) {
      System.arraycopy(b[i], 0, flat, i * m, m);
    }
    return Dense.rows(solve(op, a, lower, transpose, flat, m), b.length, m);
  }

  // X = op(A)^-1 B for a d x m right-hand side B given row-major in bFlat.
  private static Real[] solve(String op, Real[][] a, boolean lower, boolean transpose, Real[] bFlat, int m) {
    int d = a.length;
    if (bFlat.length != d * m) {
      throw new IllegalArgumentException(op + ": matrix is " + d + " x " + d + ", right-hand side has " + (m == 0 ? 0 : bFlat.length / m) + " rows");
    }
    Dense.checkTriangular(op, a, lower);
    double[] av = Dense.triangleValues(a, lower);
    for (int i = 0; i < d; i++) {
      double p = av[i * d + i];
      if (p == 0 || !Double.isFinite(p)) {
        throw new DomainException(op + ": diagonal entry [" + i + "][" + i + "] must be non-zero and finite, got " + p);
      }
    }
    double[] x = Real.values(bFlat);
    solveInPlace(av, d, lower, transpose, x, m);
    int t = Dense.triangleSize(d);
    Real[] inputs = new Real[t + bFlat.length];
    Dense.packTriangle(a, lower, inputs, 0);
    System.arraycopy(bFlat, 0, inputs, t, bFlat.length);
    return BlockNode.of(inputs, x, (xbar, inAdj) -> {
      double[] bbar = xbar.clone();
      solveInPlace(av, d, lower, !transpose, bbar, m);
      double[] abar = new double[d * d];
      for (int i = 0; i < d; i++) {
        int from = lower ? 0 : i;
        int to = lower ? i : d - 1;
        for (int j = from; j <= to; j++) {
          double s = 0;
          for (int c = 0; c < m; c++) {
            s += transpose ? x[i * m + c] * bbar[j * m + c] : bbar[i * m + c] * x[j * m + c];
          }
          abar[i * d + j] = -s;
        }
      }
      Dense.unpackTriangle(abar, d, lower, inAdj, 0);
      for (int k = 0; k < bbar.length; k++) {
        inAdj[t + k] += bbar[k];
      }
    });
  }

  /**
   * In place on the row-major d x m array {@code b}: solves op(A) X = B where A is the dense
   * row-major d x d triangle ({@code lower} or upper) and op(A) is A or, when
   * {@code transpose}, A^T. Forward substitution when op(A) is lower triangular, back
   * substitution otherwise.
   */
  static void solveInPlace(double[] a, int d, boolean lower, boolean transpose, double[] b, int m) {
    boolean forward = lower != transpose;
    for (int step = 0; step < d; step++) {
      int i = forward ? step : d - 1 - step;
      int kFrom = forward ? 0 : i + 1;
      int kTo = forward ? i : d;
      for (int k = kFrom; k < kTo; k++) {
        double coef = transpose ? a[k * d + i] : a[i * d + k];
        if (coef != 0) {
          for (int c = 0; c < m; c++) {
            b[i * m + c] -= coef * b[k * m + c];
          }
        }
      }
      double p = a[i * d + i];
      for (int c = 0; c < m; c++) {
        b[i * m + c] /= p;
      }
    }
  }
}
