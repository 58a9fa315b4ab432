package org.probity.examples;

/**
 * The exact posterior means of the README's eight-parameter regression, computed without
 * sampling: given sigma the coefficients are Gaussian (prior N(0, I), conjugate), and sigma's
 * marginal posterior, proportional to HalfNormal(sigma; 1) N(bp; 0, sigma^2 I + X X^T), is
 * integrated on a fine grid (trapezoid rule).
 */
final class ExactRegression {
  /** The six predictors (columns of X after the intercept), as in the README. */
  static final double[][] PREDICTORS = {
      {1.30, 0.56, 0.76, 1.32, 0.22, 0.97, 0.55, 0.27, -0.36, -0.19, 0.45, 0.01, -1.74, -0.43, -1.00, -0.71, 0.20, 0.31, -0.94, 0.38, -3.15, -0.70, 0.52, 0.14, -0.73, 0.45, 1.10, -1.46, 1.46, 0.42},
      {-0.32, -1.15, -0.57, 2.11, -0.61, -2.08, 0.96, 0.61, 0.17, 0.34, -1.29, -0.05, -0.30, 0.74, 1.18, -0.13, -1.44, -1.66, -0.41, 0.68, 1.55, -0.64, 0.37, 0.42, 1.45, 0.39, -0.45, -0.90, -0.05, 1.06},
      {-0.03, -0.22, -0.45, 1.40, 0.13, 0.88, 0.86, 0.17, -0.88, -0.76, -2.08, 1.03, 0.50, -0.17, -0.09, 0.40, 1.10, 0.09, 0.22, -1.64, 0.61, -2.67, 0.34, 0.15, -0.87, 0.98, 0.65, 0.31, 1.48, -1.41},
      {0.26, -0.23, 0.39, 1.19, 0.30, -2.20, -1.40, -1.41, 1.61, -1.61, 0.68, 0.50, 0.14, 0.22, -0.42, -0.82, -0.24, 1.01, -0.22, -0.01, 1.74, -1.40, -0.57, 0.62, -0.08, 1.36, 1.05, -0.91, 0.89, -0.43},
      {-0.16, 0.16, 0.12, 0.40, -1.36, -0.12, -2.23, 0.18, -1.61, -0.11, -1.28, 1.41, 1.00, 0.46, 0.05, 0.26, -1.71, 1.39, 0.03, -1.03, -0.19, 1.05, 0.34, 0.71, -1.61, 0.23, 0.91, 1.04, 0.25, 1.43},
      {-0.45, -0.40, -0.56, 0.98, -0.44, 1.32, -1.70, 2.64, -1.02, 1.70, -0.69, 0.93, -0.12, 0.43, -0.47, -0.06, 1.65, 1.16, 0.18, -1.49, -0.71, -0.61, -0.26, -0.59, 0.34, -1.03, 0.65, -0.34, -0.48, -0.58},
  };
  /** The responses. */
  static final double[] BP = {0.70, -0.56, 0.29, 0.47, 0.34, -0.67, 0.58, -0.16, 1.13, 0.64, 0.49, -1.02, -0.87, -0.02, 0.01, -1.12, -0.40, 0.62, -0.40, 1.86, -0.51, 0.50, -0.11, 0.27, 1.66, 0.16, -0.94, -1.20, -0.04, 0.70};

  private ExactRegression() {
  }

  /** E[alpha, b_1..b_6, sigma | bp], in the README's order. */
  static double[] posteriorMeans() {
    int n = BP.length;
    int p = PREDICTORS.length + 1;
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 1; j < p; j++) {
        x[i][j] = PREDICTORS[j - 1][i];
      }
    }
    double[][] xtx = new double[p][p];
    double[] xty = new double[p];
    double yty = 0;
    for (int i = 0; i < n; i++) {
      yty += BP[i] * BP[i];
      for (int a = 0; a < p; a++) {
        xty[a] += x[i][a] * BP[i];
        for (int b = 0; b < p; b++) {
          xtx[a][b] += x[i][a] * x[i][b];
        }
      }
    }
    int grid = 6000;
    double hi = 3.0;
    double[] logW = new double[grid + 1];
    double[][] mean = new double[grid + 1][];
    double[] sigmas = new double[grid + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 1; g <= grid; g++) {
      double s = hi * g / grid;
      double s2 = s * s;
      // precision of the coefficients given sigma: X^T X / s2 + I; mean: precision^-1 X^T y / s2
      double[][] prec = new double[p][p];
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          prec[a][b] = xtx[a][b] / s2 + (a == b ? 1 : 0);
        }
      }
      double[][] l = cholesky(prec);
      double[] rhs = new double[p];
      for (int a = 0; a < p; a++) {
        rhs[a] = xty[a] / s2;
      }
      double[] m = solve(l, rhs);
      // log N(y; 0, s2 I + X X^T) by the matrix determinant lemma and Woodbury's identity
      double logDet = n * Math.log(s2);
      for (int a = 0; a < p; a++) {
        logDet += 2 * Math.log(l[a][a]);
      }
      double quad = yty / s2;
      for (int a = 0; a < p; a++) {
        quad -= rhs[a] * m[a];
      }
      double logLik = -0.5 * (n * Math.log(2 * Math.PI) + logDet + quad);
      double logPrior = -0.5 * s2; // HalfNormal(1), up to a constant
      logW[g] = logLik + logPrior;
      mean[g] = m;
      sigmas[g] = s;
      max = Math.max(max, logW[g]);
    }
    double[] out = new double[p + 1];
    double total = 0;
    for (int g = 1; g <= grid; g++) {
      double w = Math.exp(logW[g] - max) * (g == grid ? 0.5 : 1.0);
      total += w;
      for (int a = 0; a < p; a++) {
        out[a] += w * mean[g][a];
      }
      out[p] += w * sigmas[g];
    }
    for (int a = 0; a <= p; a++) {
      out[a] /= total;
    }
    return out;
  }

  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    return l;
  }

  /** Solves (L L^T) x = b. */
  private static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
