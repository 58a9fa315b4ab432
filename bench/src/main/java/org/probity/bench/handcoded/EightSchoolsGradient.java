package org.probity.bench.handcoded;

import org.probity.ad.LogDensityFunction;
import org.probity.bench.data.EightSchoolsData;

/**
 * The log posterior density of non-centred eight schools on the unconstrained scale and its
 * gradient, by hand: theta = (mu, log tau, eta[0..J-1]) with mu ~ N(0, 5), tau ~ HalfCauchy(5)
 * (plus the log-Jacobian log tau), eta_j ~ N(0, 1) and y_j ~ N(mu + tau eta_j, sigma_j),
 * normalising constants included (as the model's {@code LogDensity} has them). No allocation.
 */
public final class EightSchoolsGradient implements LogDensityFunction {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private final double[] y;
  private final double[] sigma;
  private final int j;

  /** The density of these data. */
  public EightSchoolsGradient(EightSchoolsData data) {
    this.y = data.y().clone();
    this.sigma = data.sigma().clone();
    this.j = data.j();
  }

  @Override
  public int dimension() {
    return 2 + j;
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
    double mu = theta[0];
    double logTau = theta[1];
    double tau = Math.exp(logTau);
    // N(mu | 0, 5)
    double lp = -0.5 * mu * mu / 25 - Math.log(5) - LOG_SQRT_2PI;
    double gMu = -mu / 25;
    // HalfCauchy(tau | 5) = 2 / (pi 5 (1 + (tau / 5)^2)), with the Jacobian tau
    double r = tau / 5;
    lp += Math.log(2 / (Math.PI * 5)) - Math.log1p(r * r) + logTau;
    double gLogTau = -2 * r * r / (1 + r * r) + 1;
    for (int k = 0; k < j; k++) {
      double eta = theta[2 + k];
      lp += -0.5 * eta * eta - LOG_SQRT_2PI;
      double s = sigma[k];
      double resid = (y[k] - mu - tau * eta) / s;
      lp += -0.5 * resid * resid - Math.log(s) - LOG_SQRT_2PI;
      double dMean = resid / s; // d lp / d(mu + tau eta)
      gMu += dMean;
      gLogTau += dMean * tau * eta;
      if (g != null) {
        g[2 + k] = -eta + dMean * tau;
      }
    }
    if (g != null) {
      g[0] = gMu;
      g[1] = gLogTau;
    }
    return lp;
  }
}
