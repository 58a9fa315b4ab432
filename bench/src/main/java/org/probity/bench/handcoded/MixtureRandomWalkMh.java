package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.bench.data.MixtureData;

/**
 * The hand-written baseline for {@code gmm-mh}: the 1-D mixture of K Gaussians with known sigma and
 * the assignments z marginalised (log-sum-exp over components per point), w ~ Dirichlet(alpha)
 * written as w = g / sum(g) with g[k] ~ Gamma(alpha[k], 1) (the same law for w), mu[k] ~
 * Normal(0, muPriorSd) constrained to be increasing. Sampled by joint isotropic random-walk
 * Metropolis on z = (log g, mu) with log-Jacobian sum(log g), exactly the proposal of Probity's
 * {@code RandomWalkMH} over all sites; a proposal that breaks the order is rejected.
 */
public final class MixtureRandomWalkMh {
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private MixtureRandomWalkMh() {
  }

  /** Log posterior density of z = (log g[0..K-1], mu[0..K-1]) up to a constant; -Infinity if mu is not increasing. */
  public static double logTarget(MixtureData d, double[] z) {
    int k = d.k();
    for (int c = 1; c < k; c++) {
      if (!(z[k + c - 1] < z[k + c])) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    double lp = 0;
    double sum = 0;
    double[] g = new double[k];
    for (int c = 0; c < k; c++) {
      g[c] = Math.exp(z[c]);
      sum += g[c];
      // Gamma(alpha, 1) log density (up to the constant -logGamma(alpha)) plus log-Jacobian z[c]
      lp += (d.alpha()[c] - 1) * z[c] - g[c] + z[c];
      double m = z[k + c] / d.muPriorSd();
      lp += -0.5 * m * m;
    }
    double[] logW = new double[k];
    for (int c = 0; c < k; c++) {
      logW[c] = Math.log(g[c] / sum) - Math.log(d.sigma()) - HALF_LOG_2PI;
    }
    double inv2s2 = 0.5 / (d.sigma() * d.sigma());
    double[] t = new double[k];
    for (double y : d.y()) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double r = y - z[k + c];
        t[c] = logW[c] - r * r * inv2s2;
        max = Math.max(max, t[c]);
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += Math.exp(t[c] - max);
      }
      lp += max + Math.log(s);
    }
    return lp;
  }

  /** The draws as (w[0..K-1], mu[0..K-1]) per iteration, and the acceptance rate. */
  public static RandomWalkMetropolis.Result run(MixtureData d, double[] init, int iterations, double scale,
      UniformRandomProvider rng) {
    RandomWalkMetropolis.Result r = RandomWalkMetropolis.run(z -> logTarget(d, z), init, iterations, scale, rng);
    int k = d.k();
    for (double[] z : r.draws()) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        z[c] = Math.exp(z[c]);
        sum += z[c];
      }
      for (int c = 0; c < k; c++) {
        z[c] /= sum;
      }
    }
    return r;
  }

  /** The start: g = 1 (equal weights), mu at the data's 1/6, 3/6 and 5/6 quantiles (increasing). */
  public static double[] defaultInit(MixtureData d) {
    int k = d.k();
    double[] y = d.y().clone();
    java.util.Arrays.sort(y);
    double[] z = new double[2 * k];
    for (int c = 0; c < k; c++) {
      z[k + c] = y[(int) ((2 * c + 1) / (2.0 * k) * (y.length - 1))];
    }
    for (int c = 1; c < k; c++) {
      if (!(z[k + c] > z[k + c - 1])) {
        z[k + c] = z[k + c - 1] + 1e-3;
      }
    }
    return z;
  }
}
