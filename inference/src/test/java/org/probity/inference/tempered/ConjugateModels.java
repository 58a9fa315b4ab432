package org.probity.inference.tempered;

import static org.probity.Probity.gamma;
import static org.probity.Probity.normal;
import static org.probity.Probity.plate;
import static org.probity.Probity.sample;

import org.apache.commons.numbers.gamma.LogGamma;
import org.probity.core.Prob;

/** Conjugate models with closed-form log evidence and posterior moments, for the tempered-SMC tests. */
final class ConjugateModels {
  private ConjugateModels() {
  }

  /** Twenty observations, fixed. */
  static final double[] Y = {1.21, 0.74, 2.13, 1.52, 0.93, 1.81, 1.12, 2.43, 1.34, 0.61, 1.95, 0.48, 1.67, 1.03,
      2.22, 0.85, 1.41, 1.76, 0.99, 1.58};

  /** A model, its exact log evidence and the exact posterior mean and variance of its result. */
  record Case(String name, Prob<Double> model, double logEvidence, double mean, double variance) {
  }

  /**
   * mu ~ Normal(0, tau), y_i ~ Normal(mu, sigma) as one plate observation: the marginal of y is
   * Normal(0, sigma^2 I + tau^2 1 1'), whose determinant and inverse follow from Sherman-Morrison;
   * the posterior of mu is Normal with precision 1/tau^2 + n/sigma^2.
   */
  static Case normalMean(double[] y, double tau, double sigma) {
    int n = y.length;
    double s = 0;
    double ss = 0;
    for (double v : y) {
      s += v;
      ss += v * v;
    }
    double a = tau * tau / (sigma * sigma);
    double logDet = 2 * n * Math.log(sigma) + Math.log(1 + n * a);
    double quad = (ss - a * s * s / (1 + n * a)) / (sigma * sigma);
    double logZ = -0.5 * n * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * quad;
    double precision = 1 / (tau * tau) + n / (sigma * sigma);
    Prob<Double> model = sample("mu", normal(0, tau), mu -> plate(normal(mu, sigma), y).map(u -> mu.value()));
    return new Case("normal mean", model, logZ, s / (sigma * sigma) / precision, 1 / precision);
  }

  /**
   * lambda ~ Gamma(shape a, rate b), y_i ~ Normal(0, 1/sqrt(lambda)): the posterior is
   * Gamma(a + n/2, b + S/2) with S = sum y_i^2, and log Z = a log b - lgamma(a) + lgamma(a + n/2)
   * - (a + n/2) log(b + S/2) - (n/2) log(2 pi). A positive site, so HMC moves go through the
   * log transform and its Jacobian.
   */
  static Case normalPrecision(double[] y, double a, double b) {
    int n = y.length;
    double ss = 0;
    for (double v : y) {
      ss += v * v;
    }
    double shape = a + n / 2.0;
    double rate = b + ss / 2;
    double logZ = a * Math.log(b) - LogGamma.value(a) + LogGamma.value(shape) - shape * Math.log(rate)
        - 0.5 * n * Math.log(2 * Math.PI);
    Prob<Double> model = sample("lambda", gamma(a, b),
        lambda -> plate(normal(org.probity.ad.Real.ZERO, lambda.pow(-0.5)), y).map(u -> lambda.value()));
    return new Case("normal precision", model, logZ, shape / rate, shape / (rate * rate));
  }
}
