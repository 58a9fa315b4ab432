package org.probity.dist;

import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;

/**
 * The design matrix and linear predictor shared by the GLM likelihoods ({@link NormalIdGlm},
 * {@link PoissonLogGlm}): eta_i = alpha + x_i . beta over the rows x_i of a matrix held by
 * reference (data, built once; it must not be changed afterwards).
 */
final class GlmDesign {
  final String name;
  final DMatrixRMaj x;
  final Real alpha;
  final Real[] beta;

  /** Validates the shapes and that alpha and beta are finite, naming the distribution. */
  GlmDesign(String name, DMatrixRMaj x, Real alpha, Real[] beta) {
    if (x.numCols != beta.length) {
      throw new DistributionException(name + ": parameter beta has length " + beta.length + " but the design matrix has "
          + x.numCols + " columns");
    }
    DistributionException.finite(name, "alpha", alpha.value());
    for (int j = 0; j < beta.length; j++) {
      if (!Double.isFinite(beta[j].value())) {
        DistributionException.finite(name, "beta[" + j + "]", beta[j].value());
      }
    }
    this.name = name;
    this.x = x;
    this.alpha = alpha;
    this.beta = beta.clone();
  }

  /** The rows copied into a matrix (checked rectangular; {@code cols} used when there are none). */
  static DMatrixRMaj matrix(String name, double[][] rows, int cols) {
    int c = rows.length == 0 ? cols : rows[0].length;
    DMatrixRMaj m = new DMatrixRMaj(rows.length, c);
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != c) {
        throw new DistributionException(name + ": row x[" + i + "] has " + rows[i].length + " columns, row x[0] " + c);
      }
      System.arraycopy(rows[i], 0, m.data, i * c, c);
    }
    return m;
  }

  int rows() {
    return x.numRows;
  }

  int cols() {
    return x.numCols;
  }

  /** Whether alpha or an entry of beta is a tape node. */
  boolean variable() {
    if (alpha.isVariable()) {
      return true;
    }
    for (Real b : beta) {
      if (b.isVariable()) {
        return true;
      }
    }
    return false;
  }

  /** All linear predictors alpha + X beta, as doubles. */
  double[] etas() {
    int n = x.numRows;
    int p = x.numCols;
    double[] w = Real.values(beta);
    double a = alpha.value();
    double[] data = x.data;
    double[] eta = new double[n];
    for (int i = 0, off = 0; i < n; i++, off += p) {
      double e = a;
      for (int j = 0; j < p; j++) {
        e += data[off + j] * w[j];
      }
      eta[i] = e;
    }
    return eta;
  }

  /** Checks that an observation vector has one entry per row. */
  void checkLength(int n) {
    if (n != x.numRows) {
      throw new DistributionException(name + ": the observations have length " + n + " but the design matrix has " + x.numRows + " rows");
    }
  }

  /**
   * The parents alpha, beta_0..beta_{p-1} and their partials sum_i r_i and sum_i r_i x_ij for
   * per-row derivatives r_i = d(log density)/d(eta_i), written into {@code parents} and
   * {@code partials} from index 0.
   */
  void chain(double[] r, Real[] parents, double[] partials) {
    int n = x.numRows;
    int p = x.numCols;
    double[] data = x.data;
    double ga = 0;
    double[] gb = new double[p];
    for (int i = 0, off = 0; i < n; i++, off += p) {
      double ri = r[i];
      ga += ri;
      for (int j = 0; j < p; j++) {
        gb[j] += ri * data[off + j];
      }
    }
    parents[0] = alpha;
    partials[0] = ga;
    for (int j = 0; j < p; j++) {
      parents[1 + j] = beta[j];
      partials[1 + j] = gb[j];
    }
  }

  String describe() {
    return x.numRows + " x " + x.numCols + ", alpha=" + alpha + ", beta=" + java.util.Arrays.toString(beta);
  }
}
