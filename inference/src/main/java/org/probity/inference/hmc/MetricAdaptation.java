package org.probity.inference.hmc;

import java.util.Optional;

/**
 * Windowed estimation of the metric, Stan's {@code var_adaptation} and {@code covar_adaptation}
 * (src/stan/mcmc): the draws of each slow window ({@link AdaptationWindows}) feed a Welford
 * estimator; when the window closes the inverse metric becomes the regularised estimate
 * (n / (n + 5)) Sigma-hat + 1e-3 (5 / (n + 5)) I of its n draws, and the estimator restarts.
 * Mutable: one per chain.
 */
final class MetricAdaptation {
  private final MetricKind kind;
  private final AdaptationWindows windows;
  private final WelfordVariance variance;
  private final WelfordCovariance covariance;

  MetricAdaptation(MetricKind kind, int n, AdaptationWindows windows) {
    this.kind = kind;
    this.windows = windows;
    this.variance = kind == MetricKind.DIAGONAL ? new WelfordVariance(n) : null;
    this.covariance = kind == MetricKind.DENSE ? new WelfordCovariance(n) : null;
  }

  /**
   * Learns from one warm-up draw (Stan's {@code learn_variance} / {@code learn_covariance}).
   *
   * @param current the metric in use (its values are kept below 2 window draws, as Stan)
   * @param q the draw
   * @return the new metric when this draw closes a slow window
   * @throws AdaptationException when the estimate is not finite
   */
  Optional<Metric> learn(Metric current, double[] q) {
    if (windows.inWindow()) {
      if (variance != null) {
        variance.add(q);
      } else {
        covariance.add(q);
      }
    }
    if (windows.endOfWindow()) {
      windows.computeNextWindow();
      Metric next = variance != null ? diagonal(current) : dense(current);
      windows.advance();
      return Optional.of(next);
    }
    windows.advance();
    return Optional.empty();
  }

  private Metric diagonal(Metric current) {
    int n = current.dimension();
    double[] var = current instanceof DiagonalMetric d ? d.inverseMetric() : diagonalOf(current);
    variance.sampleVariance(var);
    double count = variance.count();
    for (int i = 0; i < n; i++) {
      var[i] = (count / (count + 5.0)) * var[i] + 1e-3 * (5.0 / (count + 5.0));
      if (!Double.isFinite(var[i])) {
        throw overflow("variance of coordinate " + i + " is " + var[i]);
      }
    }
    variance.restart();
    return Metric.diagonal(var);
  }

  private Metric dense(Metric current) {
    int n = current.dimension();
    double[][] cov = current instanceof DenseMetric d ? d.inverseMetric() : denseOf(current);
    covariance.sampleCovariance(cov);
    double count = covariance.count();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cov[i][j] = (count / (count + 5.0)) * cov[i][j] + (i == j ? 1e-3 * (5.0 / (count + 5.0)) : 0.0);
        if (!Double.isFinite(cov[i][j])) {
          throw overflow("covariance entry (" + i + ", " + j + ") is " + cov[i][j]);
        }
      }
    }
    covariance.restart();
    return Metric.dense(cov);
  }

  private static double[] diagonalOf(Metric m) {
    double[][] a = ((DenseMetric) m).inverseMetric();
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i][i];
    }
    return d;
  }

  private static double[][] denseOf(Metric m) {
    double[] d = ((DiagonalMetric) m).inverseMetric();
    double[][] a = new double[d.length][d.length];
    for (int i = 0; i < d.length; i++) {
      a[i][i] = d[i];
    }
    return a;
  }

  private static AdaptationException overflow(String what) {
    return new AdaptationException("numerical overflow in metric adaptation: the estimated " + what
        + ". This occurs when the sampler meets extreme values on the unconstrained scale, when the"
        + " target is too wide or improper; check the model");
  }

  /** The kind of metric estimated. */
  MetricKind kind() {
    return kind;
  }
}
