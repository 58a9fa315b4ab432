package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.bench.data.LogisticData;

/**
 * The hand-written baseline for {@code lr-mh}: random-walk Metropolis (Metropolis et al. 1953)
 * on (b, w) with an isotropic Gaussian proposal of scale {@code step}, Normal(0, 1) priors and the
 * full Bernoulli-logit likelihood recomputed at every proposal, on plain arrays.
 */
public final class LogisticRandomWalkMh {
  private LogisticRandomWalkMh() {
  }

  /** Draws (iterations x (1 + D): intercept first) and the acceptance rate. */
  public record Result(double[][] draws, double acceptanceRate) {
    /** Posterior mean of coordinate j. */
    public double mean(int j) {
      double s = 0;
      for (double[] d : draws) {
        s += d[j];
      }
      return s / draws.length;
    }
  }

  /** Log posterior (up to a constant) of theta = (b, w). */
  public static double logPosterior(LogisticData d, double[] theta) {
    double lp = 0;
    for (double v : theta) {
      lp -= 0.5 * v * v;
    }
    double[][] x = d.x();
    int[] y = d.y();
    int dim = d.d();
    for (int i = 0; i < d.n(); i++) {
      double eta = theta[0];
      double[] row = x[i];
      for (int j = 0; j < dim; j++) {
        eta += row[j] * theta[j + 1];
      }
      // log sigmoid(eta) if y = 1, log sigmoid(-eta) if y = 0; stable softplus
      double s = y[i] == 1 ? -eta : eta;
      lp -= s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }
    return lp;
  }

  /** Runs {@code iterations} steps from theta = 0. */
  public static Result run(LogisticData d, int iterations, double step, UniformRandomProvider rng) {
    return run(d, iterations, step, new double[d.d() + 1], rng);
  }

  /** Runs {@code iterations} steps from {@code init} (intercept first). */
  public static Result run(LogisticData d, int iterations, double step, double[] init, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int dim = d.d() + 1;
    if (init.length != dim) {
      throw new IllegalArgumentException("init has " + init.length + " coordinates, the model " + dim);
    }
    double[] theta = init.clone();
    double lp = logPosterior(d, theta);
    double[][] draws = new double[iterations][];
    int accepted = 0;
    double[] prop = new double[dim];
    for (int it = 0; it < iterations; it++) {
      for (int j = 0; j < dim; j++) {
        prop[j] = theta[j] + step * g.sample();
      }
      double lq = logPosterior(d, prop);
      if (Math.log(rng.nextDouble()) < lq - lp) {
        System.arraycopy(prop, 0, theta, 0, dim);
        lp = lq;
        accepted++;
      }
      draws[it] = theta.clone();
    }
    return new Result(draws, accepted / (double) iterations);
  }
}
