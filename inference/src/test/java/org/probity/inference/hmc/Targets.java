package org.probity.inference.hmc;

import org.probity.ad.LogDensityFunction;

/** Log densities with hand-written gradients for the HMC tests; none allocates per evaluation. */
final class Targets {
  private Targets() {
  }

  /** The iid standard normal on R^n. */
  static LogDensityFunction standardNormal(int n) {
    return new LogDensityFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double logDensity(double[] x) {
        double s = 0;
        for (double v : x) {
          s += v * v;
        }
        return -0.5 * s;
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[i] * x[i];
          g[i] = -x[i];
        }
        return -0.5 * s;
      }
    };
  }

  /** Independent normals with these means and standard deviations. */
  static LogDensityFunction diagonalNormal(double[] mean, double[] sd) {
    int n = mean.length;
    return new LogDensityFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double logDensity(double[] x) {
        return logDensityAndGradient(x, new double[n]);
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          double z = (x[i] - mean[i]) / sd[i];
          s += z * z;
          g[i] = -z / sd[i];
        }
        return -0.5 * s;
      }
    };
  }

  /** The normal N(mean, cov) (up to its normalising constant). */
  static final class Gaussian implements LogDensityFunction {
    final double[] mean;
    final double[][] cov;
    final double[][] precision;
    private final double[] d;

    Gaussian(double[] mean, double[][] cov) {
      this.mean = mean.clone();
      this.cov = cov;
      this.precision = inverse(cov);
      this.d = new double[mean.length];
    }

    @Override
    public int dimension() {
      return mean.length;
    }

    @Override
    public double logDensity(double[] x) {
      return logDensityAndGradient(x, new double[x.length]);
    }

    @Override
    public double logDensityAndGradient(double[] x, double[] g) {
      int n = mean.length;
      for (int i = 0; i < n; i++) {
        d[i] = x[i] - mean[i];
      }
      double q = 0;
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += precision[i][j] * d[j];
        }
        g[i] = -row;
        q += d[i] * row;
      }
      return -0.5 * q;
    }

    @Override
    public LogDensityFunction copy() {
      return new Gaussian(mean, cov);
    }

    /** Lower Cholesky factor of the covariance (for exact draws). */
    double[][] choleskyOfCovariance() {
      return cholesky(cov);
    }
  }

  /** A covariance with unit variances and correlation rho^|i-j| scaled by sd_i sd_j (AR(1)). */
  static double[][] ar1Covariance(double[] sd, double rho) {
    int n = sd.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = sd[i] * sd[j] * Math.pow(rho, Math.abs(i - j));
      }
    }
    return c;
  }

  /**
   * Neal's funnel in n dimensions: v ~ N(0, 3^2), x_i | v ~ N(0, exp(v / 2)^2) for i = 1..n-1
   * (Neal, "Slice sampling", Ann. Statist. 2003, section 8), coordinates (v, x_1, ..., x_{n-1}).
   */
  static LogDensityFunction funnel(int n) {
    return new LogDensityFunction() {
      @Override
      public int dimension() {
        return n;
      }

      @Override
      public double logDensity(double[] x) {
        return logDensityAndGradient(x, new double[n]);
      }

      @Override
      public double logDensityAndGradient(double[] x, double[] g) {
        double v = x[0];
        double precision = Math.exp(-v);
        double lp = -v * v / 18.0 - (n - 1) * v / 2.0;
        double dv = -v / 9.0 - (n - 1) / 2.0;
        for (int i = 1; i < n; i++) {
          double xi = x[i];
          lp -= 0.5 * xi * xi * precision;
          dv += 0.5 * xi * xi * precision;
          g[i] = -xi * precision;
        }
        g[0] = dv;
        return lp;
      }
    };
  }

  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      l[j][j] = Math.sqrt(s);
      for (int i = j + 1; i < n; i++) {
        double t = a[i][j];
        for (int k = 0; k < j; k++) {
          t -= l[i][k] * l[j][k];
        }
        l[i][j] = t / l[j][j];
      }
    }
    return l;
  }

  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] l = cholesky(a);
    double[][] inv = new double[n][n];
    for (int col = 0; col < n; col++) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double s = i == col ? 1 : 0;
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * y[k];
        }
        y[i] = s / l[i][i];
      }
      double[] x = new double[n];
      for (int i = n - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < n; k++) {
          s -= l[k][i] * x[k];
        }
        x[i] = s / l[i][i];
      }
      for (int i = 0; i < n; i++) {
        inv[i][col] = x[i];
      }
    }
    return inv;
  }
}
