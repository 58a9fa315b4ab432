package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.bench.data.LogisticData;

/**
 * The hand-written baseline for {@code vi-lr-elbo}: mean-field ADVI on Bayesian logistic
 * regression (Normal(0, 1) priors on theta = (b, w)), the same estimator as Probity's automatic
 * guide: one reparameterised draw theta = mu + sigma eps per step, the ELBO estimate
 * log p(theta) - log q(theta), its gradient by the chain rule written out (d/dmu = grad log p,
 * d/d log sigma = grad log p * sigma eps + 1), and Adam (0.9, 0.999, 1e-8) ascending; mu starts at
 * 0 and sigma at 0.1, as Probity's guide does.
 */
public final class LogisticMeanFieldAdvi {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private LogisticMeanFieldAdvi() {
  }

  /** The ELBO estimates (one per step) and the final mu and log sigma. */
  public record Result(double[] elbo, double[] mu, double[] logSigma) {
  }

  /** log p(theta) and its gradient (written into {@code grad}). */
  static double logDensityAndGradient(LogisticData d, double[] theta, double[] grad) {
    int dim = theta.length;
    double lp = 0;
    for (int j = 0; j < dim; j++) {
      lp -= 0.5 * theta[j] * theta[j] + HALF_LOG_TWO_PI;
      grad[j] = -theta[j];
    }
    double[][] x = d.x();
    int[] y = d.y();
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      double eta = theta[0];
      for (int j = 1; j < dim; j++) {
        eta += row[j - 1] * theta[j];
      }
      double s = y[i] == 1 ? -eta : eta;
      lp -= s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
      double p = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
      double r = y[i] - p;
      grad[0] += r;
      for (int j = 1; j < dim; j++) {
        grad[j] += r * row[j - 1];
      }
    }
    return lp;
  }

  /** {@code steps} Adam steps with learning rate {@code lr}. */
  public static Result run(LogisticData d, int steps, double lr, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int dim = d.d() + 1;
    int np = 2 * dim; // mu, then log sigma
    double[] u = new double[np];
    for (int j = 0; j < dim; j++) {
      u[dim + j] = Math.log(0.1);
    }
    double[] m = new double[np];
    double[] v = new double[np];
    double[] grad = new double[np];
    double[] theta = new double[dim];
    double[] eps = new double[dim];
    double[] gp = new double[dim];
    double[] trace = new double[steps];
    for (int t = 0; t < steps; t++) {
      double logq = 0;
      for (int j = 0; j < dim; j++) {
        eps[j] = g.sample();
        double sigma = Math.exp(u[dim + j]);
        theta[j] = u[j] + sigma * eps[j];
        logq += -0.5 * eps[j] * eps[j] - u[dim + j] - HALF_LOG_TWO_PI;
      }
      double lp = logDensityAndGradient(d, theta, gp);
      trace[t] = lp - logq;
      for (int j = 0; j < dim; j++) {
        grad[j] = gp[j];
        grad[dim + j] = gp[j] * Math.exp(u[dim + j]) * eps[j] + 1;
      }
      double c1 = 1 - Math.pow(0.9, t + 1);
      double c2 = 1 - Math.pow(0.999, t + 1);
      for (int k = 0; k < np; k++) {
        m[k] = 0.9 * m[k] + 0.1 * grad[k];
        v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
        u[k] += lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
      }
    }
    return new Result(trace, java.util.Arrays.copyOf(u, dim), java.util.Arrays.copyOfRange(u, dim, np));
  }
}
