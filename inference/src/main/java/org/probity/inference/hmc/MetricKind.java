package org.probity.inference.hmc;

/** Which Euclidean metric warm-up estimates (Stan's {@code metric=diag_e} or {@code dense_e}). */
public enum MetricKind {
  /** A diagonal metric from the marginal variances (Stan's default). */
  DIAGONAL,
  /** A dense metric from the covariance matrix. */
  DENSE;

  /** The identity metric of this kind, where warm-up starts (Stan's default). */
  public Metric identity(int n) {
    if (this == DIAGONAL) {
      return Metric.unit(n);
    }
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1.0;
    }
    return Metric.dense(id);
  }
}
