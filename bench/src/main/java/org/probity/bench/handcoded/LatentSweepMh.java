package org.probity.bench.handcoded;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The hand-written baseline for {@code sweep-mh}: z[i] ~ Normal(0, 1), y[i] ~ Normal(z[i], 1),
 * sampled by single-site MH with prior proposals (lightweight MH): pick a site uniformly, draw
 * z' from the prior, accept with probability min(1, p(y[i] | z') / p(y[i] | z)). Plain arrays and
 * one generator.
 */
public final class LatentSweepMh {
  private LatentSweepMh() {
  }

  /** Per sweep of n updates: (mean of z, z[0], z[n/2], sum z[i] y[i]); and the acceptance rate. */
  public static RandomWalkMetropolis.Result run(double[] y, int sweeps, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = y.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = g.sample();
    }
    double[][] draws = new double[sweeps][];
    long accepted = 0;
    for (int s = 0; s < sweeps; s++) {
      for (int u = 0; u < n; u++) {
        int i = rng.nextInt(n);
        double z2 = g.sample();
        double r0 = y[i] - z[i];
        double r1 = y[i] - z2;
        double logAlpha = -0.5 * r1 * r1 + 0.5 * r0 * r0;
        if (logAlpha >= 0 || rng.nextDouble() < Math.exp(logAlpha)) {
          z[i] = z2;
          accepted++;
        }
      }
      double m = 0;
      double zy = 0;
      for (int i = 0; i < n; i++) {
        m += z[i];
        zy += z[i] * y[i];
      }
      draws[s] = new double[] {m / n, z[0], z[n / 2], zy};
    }
    return new RandomWalkMetropolis.Result(draws, accepted / ((double) sweeps * n));
  }
}
