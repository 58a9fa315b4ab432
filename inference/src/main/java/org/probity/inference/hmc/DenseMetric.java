package org.probity.inference.hmc;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A dense Euclidean metric, given by M^-1 (Stan's {@code dense_e_metric}): T(p) = p' M^-1 p / 2,
 * and p = U^-1 u with u ~ N(0, I) and U the upper Cholesky factor of M^-1 (M^-1 = U'U), so that
 * p ~ N(0, M), as Stan's {@code sample_p}.
 */
public final class DenseMetric implements Metric {
  /** Tolerance on the relative asymmetry of M^-1 accepted (and removed by averaging). */
  private static final double SYMMETRY_TOLERANCE = 1e-10;

  private final int n;
  /** M^-1, row-major. */
  private final double[] inverse;
  /** Lower Cholesky factor L of M^-1 (L = U'), row-major. */
  private final double[] lower;

  /**
   * Creates the metric.
   *
   * @param inverseMetric M^-1, square, symmetric (up to rounding) and positive definite
   * @throws InvalidMetricException naming the offending entry or pivot
   */
  public DenseMetric(double[][] inverseMetric) {
    n = inverseMetric.length;
    if (n == 0) {
      throw new InvalidMetricException("a metric needs dimension >= 1, got 0");
    }
    inverse = new double[n * n];
    for (int i = 0; i < n; i++) {
      if (inverseMetric[i].length != n) {
        throw new InvalidMetricException("dense inverse metric row " + i + " has "
            + inverseMetric[i].length + " entries but the matrix has " + n + " rows");
      }
      for (int j = 0; j < n; j++) {
        double a = inverseMetric[i][j];
        if (!Double.isFinite(a)) {
          throw new InvalidMetricException(
              "dense inverse metric entry (" + i + ", " + j + ") must be finite, got " + a);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double a = inverseMetric[i][j];
        double b = inverseMetric[j][i];
        if (Math.abs(a - b) > SYMMETRY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
          throw new InvalidMetricException("dense inverse metric must be symmetric, but entry ("
              + i + ", " + j + ") = " + a + " and (" + j + ", " + i + ") = " + b);
        }
        double s = 0.5 * (a + b);
        inverse[i * n + j] = s;
        inverse[j * n + i] = s;
      }
    }
    lower = cholesky(inverse, n);
  }

  private static double[] cholesky(double[] a, int n) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      if (!(d > 0)) {
        throw new InvalidMetricException("dense inverse metric is not positive definite: pivot "
            + j + " is " + d + " (diagonal entry " + a[j * n + j] + ")");
      }
      double ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double s = a[i * n + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = s / ljj;
      }
    }
    return l;
  }

  @Override
  public int dimension() {
    return n;
  }

  /** A copy of M^-1. */
  public double[][] inverseMetric() {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(inverse, i * n, out[i], 0, n);
    }
    return out;
  }

  @Override
  public double kineticEnergy(double[] p) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      int base = i * n;
      for (int j = 0; j < n; j++) {
        row += inverse[base + j] * p[j];
      }
      s += p[i] * row;
    }
    return 0.5 * s;
  }

  @Override
  public void velocity(double[] p, double[] out) {
    for (int i = 0; i < n; i++) {
      double row = 0;
      int base = i * n;
      for (int j = 0; j < n; j++) {
        row += inverse[base + j] * p[j];
      }
      out[i] = row;
    }
  }

  @Override
  public void sampleMomentum(NormalizedGaussianSampler normal, double[] p) {
    for (int i = 0; i < n; i++) {
      p[i] = normal.sample();
    }
    // Back substitution U p = u with U = L', in place (p_i needs only u_i and p_j, j > i).
    for (int i = n - 1; i >= 0; i--) {
      double s = p[i];
      for (int j = i + 1; j < n; j++) {
        s -= lower[j * n + i] * p[j];
      }
      p[i] = s / lower[i * n + i];
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseMetric d && Arrays.equals(inverse, d.inverse);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(inverse);
  }

  @Override
  public String toString() {
    return "DenseMetric" + Arrays.deepToString(inverseMetric());
  }
}
