package org.probity.inference.hmc;

import java.util.Arrays;

/**
 * Welford's running mean and variance of each coordinate (Stan math's
 * {@code welford_var_estimator}; Welford, Technometrics 4, 1962). Mutable.
 */
final class WelfordVariance {
  private final double[] mean;
  private final double[] m2;
  private int count;

  WelfordVariance(int n) {
    mean = new double[n];
    m2 = new double[n];
  }

  void restart() {
    count = 0;
    Arrays.fill(mean, 0);
    Arrays.fill(m2, 0);
  }

  void add(double[] q) {
    ++count;
    for (int i = 0; i < mean.length; i++) {
      double delta = q[i] - mean[i];
      mean[i] += delta / count;
      m2[i] += (q[i] - mean[i]) * delta;
    }
  }

  int count() {
    return count;
  }

  /** Writes the sample variances (n - 1 denominator) into {@code var}; leaves it alone below 2 samples, as Stan. */
  void sampleVariance(double[] var) {
    if (count > 1) {
      for (int i = 0; i < m2.length; i++) {
        var[i] = m2[i] / (count - 1.0);
      }
    }
  }
}
