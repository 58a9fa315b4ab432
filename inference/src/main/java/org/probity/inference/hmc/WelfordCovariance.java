package org.probity.inference.hmc;

import java.util.Arrays;

/**
 * Welford's running mean and covariance matrix (Stan math's {@code welford_covar_estimator}):
 * m2 += (q - mean_new)(q - mean_old)'. Mutable.
 */
final class WelfordCovariance {
  private final int n;
  private final double[] mean;
  private final double[] delta;
  private final double[] m2;
  private int count;

  WelfordCovariance(int n) {
    this.n = n;
    mean = new double[n];
    delta = new double[n];
    m2 = new double[n * n];
  }

  void restart() {
    count = 0;
    Arrays.fill(mean, 0);
    Arrays.fill(m2, 0);
  }

  void add(double[] q) {
    ++count;
    for (int i = 0; i < n; i++) {
      delta[i] = q[i] - mean[i];
      mean[i] += delta[i] / count;
    }
    for (int i = 0; i < n; i++) {
      double d = q[i] - mean[i];
      int base = i * n;
      for (int j = 0; j < n; j++) {
        m2[base + j] += d * delta[j];
      }
    }
  }

  int count() {
    return count;
  }

  /**
   * Writes the sample covariance (n - 1 denominator) into {@code cov}, symmetrised (the update
   * is symmetric only up to rounding); leaves it alone below 2 samples, as Stan.
   */
  void sampleCovariance(double[][] cov) {
    if (count > 1) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          cov[i][j] = 0.5 * (m2[i * n + j] + m2[j * n + i]) / (count - 1.0);
        }
      }
    }
  }
}
