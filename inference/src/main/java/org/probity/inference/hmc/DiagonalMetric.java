package org.probity.inference.hmc;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A diagonal Euclidean metric, given by the diagonal of M^-1 (Stan's {@code diag_e_metric}):
 * T(p) = sum_i m_i p_i^2 / 2 and p_i ~ N(0, 1 / m_i) for inverse-metric entries m_i.
 */
public final class DiagonalMetric implements Metric {
  private final double[] inverse;

  /**
   * Creates the metric.
   *
   * @param inverseMetric the diagonal of M^-1, each entry finite and positive
   * @throws InvalidMetricException naming the first invalid entry
   */
  public DiagonalMetric(double[] inverseMetric) {
    if (inverseMetric.length == 0) {
      throw new InvalidMetricException("a metric needs dimension >= 1, got 0");
    }
    for (int i = 0; i < inverseMetric.length; i++) {
      double m = inverseMetric[i];
      if (!(m > 0) || !Double.isFinite(m)) {
        throw new InvalidMetricException(
            "diagonal inverse metric entry " + i + " must be finite and positive, got " + m);
      }
    }
    this.inverse = inverseMetric.clone();
  }

  @Override
  public int dimension() {
    return inverse.length;
  }

  /** A copy of the diagonal of M^-1. */
  public double[] inverseMetric() {
    return inverse.clone();
  }

  @Override
  public double kineticEnergy(double[] p) {
    double s = 0;
    for (int i = 0; i < inverse.length; i++) {
      s += p[i] * (inverse[i] * p[i]);
    }
    return 0.5 * s;
  }

  @Override
  public void velocity(double[] p, double[] out) {
    for (int i = 0; i < inverse.length; i++) {
      out[i] = inverse[i] * p[i];
    }
  }

  @Override
  public void sampleMomentum(NormalizedGaussianSampler normal, double[] p) {
    for (int i = 0; i < inverse.length; i++) {
      p[i] = normal.sample() / Math.sqrt(inverse[i]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiagonalMetric d && java.util.Arrays.equals(inverse, d.inverse);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(inverse);
  }

  @Override
  public String toString() {
    return "DiagonalMetric" + java.util.Arrays.toString(inverse);
  }
}
