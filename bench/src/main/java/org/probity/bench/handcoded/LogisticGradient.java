package org.probity.bench.handcoded;

import org.probity.ad.LogDensityFunction;
import org.probity.bench.data.LogisticData;

/**
 * The log posterior density of Bayesian logistic regression and its gradient, by hand: theta =
 * (b, w[0..D-1]) with Normal(0, 1) priors and y_i ~ BernoulliLogit(b + X_i . w), so
 * log p = sum_j log N(theta_j | 0, 1) + sum_i [y_i eta_i - log(1 + e^eta_i)] and
 * grad = -theta + sum_i (y_i - logistic(eta_i)) (1, X_i). One pass over the rows, the design
 * matrix row-major in one array; no allocation per call. Not thread-safe ({@link #copy}).
 */
public final class LogisticGradient implements LogDensityFunction {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private final double[] x;
  private final int[] y;
  private final int n;
  private final int d;

  /** The density of these data. */
  public LogisticGradient(LogisticData data) {
    this(flatten(data.x()), data.y().clone(), data.n(), data.d());
  }

  private LogisticGradient(double[] x, int[] y, int n, int d) {
    this.x = x;
    this.y = y;
    this.n = n;
    this.d = d;
  }

  private static double[] flatten(double[][] rows) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return out;
  }

  @Override
  public int dimension() {
    return d + 1;
  }

  @Override
  public double logDensity(double[] theta) {
    return evaluate(theta, null);
  }

  @Override
  public double logDensityAndGradient(double[] theta, double[] gradient) {
    return evaluate(theta, gradient);
  }

  private double evaluate(double[] theta, double[] g) {
    double lp = 0;
    for (int j = 0; j <= d; j++) {
      lp += -0.5 * theta[j] * theta[j] - LOG_SQRT_2PI;
      if (g != null) {
        g[j] = -theta[j];
      }
    }
    double b = theta[0];
    for (int i = 0, row = 0; i < n; i++, row += d) {
      double eta = b;
      for (int j = 0; j < d; j++) {
        eta += x[row + j] * theta[j + 1];
      }
      // log(1 + e^eta) without overflow; logistic(eta) from the same exponential
      double e = Math.exp(-Math.abs(eta));
      double softplus = Math.max(eta, 0) + Math.log1p(e);
      lp += y[i] * eta - softplus;
      if (g != null) {
        double p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
        double r = y[i] - p;
        g[0] += r;
        for (int j = 0; j < d; j++) {
          g[j + 1] += r * x[row + j];
        }
      }
    }
    return lp;
  }

  @Override
  public LogDensityFunction copy() {
    return new LogisticGradient(x, y, n, d);
  }
}
