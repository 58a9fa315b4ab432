package org.probity.ad;

/**
 * Package-private helpers shared by the matrix operations: shape checks, and packing a
 * triangle of a {@code Real[][]} into the flat input list of a {@link BlockNode} and its values
 * into a row-major {@code double[]}.
 */
final class Dense {
  private Dense() {
  }

  /** Checks that {@code a} is n x m with every row of length m; returns m (0 for no rows). */
  static int checkRectangular(String op, Real[][] a) {
    int m = a.length == 0 ? 0 : a[0].length;
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != m) {
        throw new IllegalArgumentException(op + ": row " + i + " has " + a[i].length + " entries, row 0 has " + m);
      }
    }
    return m;
  }

  /** Checks that every row of {@code a} has exactly {@code cols} entries; returns cols. */
  static int checkRectangular(String op, Real[][] a, int cols) {
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != cols) {
        throw new IllegalArgumentException(op + ": row " + i + " of the matrix has " + a[i].length + " entries, expected " + cols);
      }
    }
    return cols;
  }

  /** Checks that {@code a} has d rows, row i with at least i + 1 entries (lower) or d (upper). */
  static void checkTriangular(String op, Real[][] a, boolean lower) {
    int d = a.length;
    for (int i = 0; i < d; i++) {
      int need = lower ? i + 1 : d;
      if (a[i].length < need) {
        throw new IllegalArgumentException(op + ": row " + i + " has " + a[i].length + " entries, expected at least " + need
            + " for a " + (lower ? "lower" : "upper") + "-triangular " + d + " x " + d + " matrix");
      }
    }
  }

  /** Number of entries of a triangle of a d x d matrix, d (d + 1) / 2. */
  static int triangleSize(int d) {
    return d * (d + 1) / 2;
  }

  /** The lower (j &lt;= i) or upper (j &gt;= i) triangle, row by row, as a flat list of reals. */
  static Real[] packTriangle(Real[][] a, boolean lower, Real[] out, int offset) {
    int d = a.length;
    int k = offset;
    for (int i = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++) {
        out[k++] = a[i][j];
      }
    }
    return out;
  }

  /** The triangle of {@code a} as a dense row-major d x d array, zeros outside it. */
  static double[] triangleValues(Real[][] a, boolean lower) {
    int d = a.length;
    double[] v = new double[d * d];
    for (int i = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++) {
        v[i * d + j] = a[i][j].value();
      }
    }
    return v;
  }

  /** Adds the triangle of a dense row-major d x d adjoint into a packed input adjoint. */
  static void unpackTriangle(double[] dense, int d, boolean lower, double[] out, int offset) {
    int k = offset;
    for (int i = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++) {
        out[k++] += dense[i * d + j];
      }
    }
  }

  /** Writes a packed triangle (row by row) into a dense row-major d x d array. */
  static void packedToDense(double[] packed, int d, boolean lower, double[] dense) {
    int k = 0;
    for (int i = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++) {
        dense[i * d + j] = packed[k++];
      }
    }
  }

  /** A d x d matrix of reals from a packed triangle, mirrored (symmetric) or zero elsewhere. */
  static Real[][] fromTriangle(Real[] packed, int d, boolean lower, boolean symmetric) {
    Real[][] m = new Real[d][d];
    int k = 0;
    for (int i = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++) {
        m[i][j] = packed[k];
        m[j][i] = symmetric || i == j ? packed[k] : Real.ZERO;
        k++;
      }
    }
    return m;
  }

  /** Row-major values of a rectangular n x m matrix of reals. */
  static double[] values(Real[][] a, int m) {
    double[] v = new double[a.length * m];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < m; j++) {
        v[i * m + j] = a[i][j].value();
      }
    }
    return v;
  }

  /** A row-major n x m array as rows of reals. */
  static Real[][] rows(Real[] flat, int n, int m) {
    Real[][] out = new Real[n][m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * m, out[i], 0, m);
    }
    return out;
  }
}
