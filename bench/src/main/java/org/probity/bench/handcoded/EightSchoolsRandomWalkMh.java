package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.bench.data.EightSchoolsData;

/**
 * The hand-written baseline for {@code eight-schools}: the non-centred model mu ~ Normal(0, 5),
 * tau ~ HalfCauchy(0, 5), theta_tilde[j] ~ Normal(0, 1), y[j] ~ Normal(mu + tau * theta_tilde[j],
 * sigma[j]) (Rubin 1981; Gelman et al., BDA3 section 5.5), sampled by joint isotropic random-walk
 * Metropolis on z = (mu, log tau, theta_tilde) with the log-Jacobian log tau, exactly the proposal
 * of Probity's {@code RandomWalkMH} over all sites.
 */
public final class EightSchoolsRandomWalkMh {
  private static final double LOG_2_OVER_PI = Math.log(2 / Math.PI);
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private EightSchoolsRandomWalkMh() {
  }

  /** Log posterior density of z = (mu, log tau, theta_tilde[0..J-1]), Jacobian included, constants kept. */
  public static double logTarget(EightSchoolsData d, double[] z) {
    double mu = z[0];
    double logTau = z[1];
    double tau = Math.exp(logTau);
    double lp = -0.5 * (mu / 5) * (mu / 5) - Math.log(5) - HALF_LOG_2PI;
    double u = tau / 5;
    lp += LOG_2_OVER_PI - Math.log(5) - Math.log1p(u * u) + logTau;
    for (int j = 0; j < d.j(); j++) {
      double tt = z[2 + j];
      lp += -0.5 * tt * tt - HALF_LOG_2PI;
      double r = (d.y()[j] - mu - tau * tt) / d.sigma()[j];
      lp += -0.5 * r * r - Math.log(d.sigma()[j]) - HALF_LOG_2PI;
    }
    return lp;
  }

  /** The draws as (mu, tau, theta_tilde...) per iteration, and the acceptance rate. */
  public static RandomWalkMetropolis.Result run(EightSchoolsData d, double[] init, int iterations, double scale,
      UniformRandomProvider rng) {
    RandomWalkMetropolis.Result r = RandomWalkMetropolis.run(z -> logTarget(d, z), init, iterations, scale, rng);
    for (double[] z : r.draws()) {
      z[1] = Math.exp(z[1]);
    }
    return r;
  }

  /** The start: mu = 0, tau = 1, theta_tilde = 0, on the unconstrained scale. */
  public static double[] defaultInit(EightSchoolsData d) {
    return new double[2 + d.j()];
  }
}
