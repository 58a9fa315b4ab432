package org.probity.bench.handcoded;

import org.probity.bench.data.LogisticData;

/**
 * The Laplace approximation of the logistic-regression posterior (Tierney and Kadane 1986): the
 * mode by Newton's method on the log posterior (Normal(0, 1) priors, so the Hessian is negative
 * definite and Newton converges from 0) and the covariance as the inverse negative Hessian there.
 * Used to start both MH chains at the mode, to set the random-walk scale, and as a reference.
 */
public final class LogisticLaplace {
  private LogisticLaplace() {
  }

  /** Mode (intercept first) and covariance. */
  public record Result(double[] mode, double[][] covariance) {
    /** Posterior standard deviation of coordinate j under the approximation. */
    public double sd(int j) {
      return Math.sqrt(covariance[j][j]);
    }

    /**
     * The isotropic random-walk scale 2.38 * sqrt(mean marginal variance / dim) (Roberts, Gelman
     * and Gilks 1997 for a roughly spherical target).
     */
    public double randomWalkScale() {
      double v = 0;
      for (int j = 0; j < mode.length; j++) {
        v += covariance[j][j];
      }
      return 2.38 * Math.sqrt(v / mode.length / mode.length);
    }
  }

  /** Newton's method from 0 until the step is below 1e-10 (at most 100 steps). */
  public static Result fit(LogisticData d) {
    int dim = d.d() + 1;
    double[] theta = new double[dim];
    double[][] h = new double[dim][dim];
    for (int it = 0; it < 100; it++) {
      double[] g = new double[dim];
      h = new double[dim][dim];
      for (int j = 0; j < dim; j++) {
        g[j] = -theta[j];
        h[j][j] = 1;
      }
      double[] xi = new double[dim];
      for (int i = 0; i < d.n(); i++) {
        xi[0] = 1;
        System.arraycopy(d.x()[i], 0, xi, 1, d.d());
        double eta = 0;
        for (int j = 0; j < dim; j++) {
          eta += xi[j] * theta[j];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double r = d.y()[i] - p;
        double w = p * (1 - p);
        for (int a = 0; a < dim; a++) {
          g[a] += r * xi[a];
          for (int b = 0; b < dim; b++) {
            h[a][b] += w * xi[a] * xi[b];
          }
        }
      }
      double[] step = solve(h, g);
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        theta[j] += step[j];
        norm = Math.max(norm, Math.abs(step[j]));
      }
      if (norm < 1e-10) {
        break;
      }
    }
    return new Result(theta, inverse(h));
  }

  private static double[] solve(double[][] a, double[] b) {
    double[][] inv = inverse(a);
    double[] x = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b.length; j++) {
        x[i] += inv[i][j] * b[j];
      }
    }
    return x;
  }

  /** Gauss-Jordan inverse with partial pivoting (small dense symmetric positive definite matrices). */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      double p = m[c][c];
      for (int k = 0; k < 2 * n; k++) {
        m[c][k] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c];
          for (int k = 0; k < 2 * n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, out[i], 0, n);
    }
    return out;
  }
}
