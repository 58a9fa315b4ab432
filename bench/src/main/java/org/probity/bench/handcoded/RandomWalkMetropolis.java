package org.probity.bench.handcoded;

import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Isotropic random-walk Metropolis (Metropolis et al. 1953) on an unconstrained vector z:
 * z' = z + scale * N(0, I), accepted with probability min(1, exp(logTarget(z') - logTarget(z))).
 * The log target must already include the log-Jacobian of any transform to the unconstrained
 * scale (as Probity's random walk does); a log target of -Infinity (e.g. an order constraint
 * violated) is always rejected. Plain arrays and one generator, no Probity types.
 */
public final class RandomWalkMetropolis {
  private RandomWalkMetropolis() {
  }

  /** Draws of z (iterations x dim) and the acceptance rate. */
  public record Result(double[][] draws, double acceptanceRate) {
  }

  /** Runs {@code iterations} steps from {@code init}. */
  public static Result run(ToDoubleFunction<double[]> logTarget, double[] init, int iterations, double scale,
      UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int dim = init.length;
    double[] z = init.clone();
    double lp = logTarget.applyAsDouble(z);
    if (Double.isNaN(lp)) {
      throw new IllegalArgumentException("log target is NaN at the initial point");
    }
    double[] prop = new double[dim];
    double[][] draws = new double[iterations][];
    int accepted = 0;
    for (int it = 0; it < iterations; it++) {
      for (int j = 0; j < dim; j++) {
        prop[j] = z[j] + scale * g.sample();
      }
      double lq = logTarget.applyAsDouble(prop);
      if (lq > Double.NEGATIVE_INFINITY && Math.log(rng.nextDouble()) < lq - lp) {
        System.arraycopy(prop, 0, z, 0, dim);
        lp = lq;
        accepted++;
      }
      draws[it] = z.clone();
    }
    return new Result(draws, accepted / (double) iterations);
  }
}
