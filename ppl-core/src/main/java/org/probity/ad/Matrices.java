package org.probity.ad;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix–vector and matrix–matrix products, diagonal shifts and quadratic forms over
 * {@link Real}s, each one tape node or one {@link BlockNode} (never one node per scalar
 * multiply). Matrices are {@code Real[][]} (rows), vectors {@code Real[]}; the reverse-mode
 * rules are the standard ones (Giles, "An extended collection of matrix derivative results",
 * 2008, section 2.2): for C = A B, A-bar = C-bar B^T and B-bar = A^T C-bar.
 */
public final class Matrices {
  private Matrices() {
  }

  /** A matrix of constants. */
  public static Real[][] of(double[][] a) {
    Real[][] r = new Real[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = Real.of(a[i]);
    }
    return r;
  }

  /** The plain values of a matrix of reals. */
  public static double[][] values(Real[][] a) {
    double[][] v = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      v[i] = Real.values(a[i]);
    }
    return v;
  }

  /** y = A x for an n x m matrix A and a vector x of length m; one block. */
  public static Real[] matVec(Real[][] a, Real[] x) {
    int m = Dense.checkRectangular("matVec", a, x.length);
    int n = a.length;
    double[] av = Dense.values(a, m);
    double[] xv = Real.values(x);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += av[i * m + j] * xv[j];
      }
      y[i] = s;
    }
    Real[] inputs = new Real[n * m + m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, inputs, i * m, m);
    }
    System.arraycopy(x, 0, inputs, n * m, m);
    return BlockNode.of(inputs, y, (ybar, inAdj) -> {
      for (int i = 0; i < n; i++) {
        double g = ybar[i];
        if (g == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          inAdj[i * m + j] += g * xv[j];
          inAdj[n * m + j] += g * av[i * m + j];
        }
      }
    });
  }

  /**
   * y = L x for a lower-triangular L (read on and below the diagonal; rows may be jagged), the
   * non-centred draw mu + L z of a multivariate normal; one block.
   */
  public static Real[] lowerMatVec(Real[][] lower, Real[] x) {
    int d = lower.length;
    if (x.length != d) {
      throw new IllegalArgumentException("lowerMatVec: matrix is " + d + " x " + d + ", vector has length " + x.length);
    }
    Dense.checkTriangular("lowerMatVec", lower, true);
    double[] l = Dense.triangleValues(lower, true);
    double[] xv = Real.values(x);
    double[] y = new double[d];
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j <= i; j++) {
        s += l[i * d + j] * xv[j];
      }
      y[i] = s;
    }
    int t = Dense.triangleSize(d);
    Real[] inputs = new Real[t + d];
    Dense.packTriangle(lower, true, inputs, 0);
    System.arraycopy(x, 0, inputs, t, d);
    return BlockNode.of(inputs, y, (ybar, inAdj) -> {
      for (int i = 0, k = 0; i < d; i++) {
        double g = ybar[i];
        for (int j = 0; j <= i; j++, k++) {
          inAdj[k] += g * xv[j];
          inAdj[t + j] += g * l[i * d + j];
        }
      }
    });
  }

  /** C = A B for an n x p matrix A and a p x m matrix B; one block (EJML for the products). */
  public static Real[][] multiply(Real[][] a, Real[][] b) {
    int p = Dense.checkRectangular("multiply", a, b.length);
    int m = Dense.checkRectangular("multiply", b);
    int n = a.length;
    DMatrixRMaj av = DMatrixRMaj.wrap(n, p, Dense.values(a, p));
    DMatrixRMaj bv = DMatrixRMaj.wrap(p, m, Dense.values(b, m));
    DMatrixRMaj c = new DMatrixRMaj(n, m);
    CommonOps_DDRM.mult(av, bv, c);
    Real[] inputs = new Real[n * p + p * m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, inputs, i * p, p);
    }
    for (int i = 0; i < p; i++) {
      System.arraycopy(b[i], 0, inputs, n * p + i * m, m);
    }
    Real[] out = BlockNode.of(inputs, c.data, (cbar, inAdj) -> {
      DMatrixRMaj cb = DMatrixRMaj.wrap(n, m, cbar);
      DMatrixRMaj abar = new DMatrixRMaj(n, p);
      DMatrixRMaj bbar = new DMatrixRMaj(p, m);
      CommonOps_DDRM.multTransB(cb, bv, abar);
      CommonOps_DDRM.multTransA(av, cb, bbar);
      System.arraycopy(abar.data, 0, inAdj, 0, n * p);
      System.arraycopy(bbar.data, 0, inAdj, n * p, p * m);
    });
    return Dense.rows(out, n, m);
  }

  /** A + c I for a square A: the diagonal entries are new nodes, the others are shared. */
  public static Real[][] addDiagonal(Real[][] a, Real c) {
    int n = a.length;
    Real[][] r = new Real[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("addDiagonal: matrix must be square, row " + i + " has " + a[i].length + " entries for " + n + " rows");
      }
      r[i] = a[i].clone();
      r[i][i] = a[i][i].plus(c);
    }
    return r;
  }

  /** A + c I for a constant shift (a jitter). */
  public static Real[][] addDiagonal(Real[][] a, double c) {
    return addDiagonal(a, Real.of(c));
  }

  /** The quadratic form x^T A x (Stan's {@code quad_form}); one node. */
  public static Real quadForm(Real[][] a, Real[] x) {
    int n = x.length;
    if (a.length != n) {
      throw new IllegalArgumentException("quadForm: matrix has " + a.length + " rows, vector has length " + n);
    }
    Dense.checkRectangular("quadForm", a, n);
    double[] xv = Real.values(x);
    Real[] parents = new Real[n * n + n];
    double[] partial = new double[n * n + n];
    double q = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double aij = a[i][j].value();
        q += xv[i] * aij * xv[j];
        parents[i * n + j] = a[i][j];
        partial[i * n + j] = xv[i] * xv[j];
        partial[n * n + i] += aij * xv[j];
        partial[n * n + j] += xv[i] * aij;
      }
      parents[n * n + i] = x[i];
    }
    return Reals.node(parents, q, partial);
  }
}
