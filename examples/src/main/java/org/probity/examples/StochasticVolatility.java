package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcConfig;
import org.probity.inference.smc.SmcResult;
import org.probity.random.Rngs;

/**
 * Stochastic volatility (Kim, Shephard and Chib 1998): the log variance of returns follows an
 * AR(1) process,
 *
 * <pre>
 *   h[1] ~ Normal(MU, SIGMA / sqrt(1 - PHI^2))
 *   h[t] ~ Normal(MU + PHI (h[t-1] - MU), SIGMA)
 *   y[t] ~ Normal(0, exp(h[t] / 2))
 * </pre>
 *
 * filtered by the bootstrap particle filter (the state-space combinator keeps each particle as its
 * state), with the log evidence and the filtering mean of the last log variance against a grid
 * filter ({@link #gridFilter}, the forward algorithm on a fine discretisation of h). Arguments:
 * [particles (default 2000)] [seed (default 1)].
 */
@Example(name = "stochastic-volatility", description = "Stochastic volatility (AR(1) log variance): particle filter vs a fine grid filter")
public final class StochasticVolatility {
  /** The mean log variance. */
  public static final double MU = -1.0;
  /** The persistence. */
  public static final double PHI = 0.95;
  /** The innovation sd of the log variance. */
  public static final double SIGMA = 0.3;

  private StochasticVolatility() {
  }

  /**
   * Returns drawn from the model.
   *
   * @param t how many
   * @param seed the seed
   * @return the returns
   */
  public static double[] synthetic(int t, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[t];
    double h = MU + SIGMA / Math.sqrt(1 - PHI * PHI) * g.sample();
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        h = MU + PHI * (h - MU) + SIGMA * g.sample();
      }
      y[i] = Math.exp(h / 2) * g.sample();
    }
    return y;
  }

  /**
   * The model of the returns.
   *
   * @param y the returns
   * @return the model, returning the last log variance
   */
  public static Prob<Real> volatility(double[] y) {
    return stateSpace(normal(MU, SIGMA / Math.sqrt(1 - PHI * PHI)),
        (Real h) -> normal(h.minus(MU).times(PHI).plus(MU), SIGMA),
        (Real h) -> normal(Real.ZERO, h.times(0.5).exp())).observe(reals(y));
  }

  /**
   * The bootstrap particle filter.
   *
   * @param y the returns
   * @param particles the number of particles
   * @param seed the seed
   * @return the weighted final states, with the log evidence
   */
  public static SmcResult<Real> filter(double[] y, int particles, long seed) {
    return Smc.run(volatility(y), SmcConfig.DEFAULTS.withParticles(particles), seed);
  }

  /**
   * The forward algorithm on {@code points} midpoints of [MU - 8 sd, MU + 8 sd] (sd the stationary
   * sd of h): the log evidence and E[h[T] | y], exact up to the discretisation.
   *
   * @param y the returns
   * @param points the grid size
   * @return {log evidence, filtering mean of the last state}
   */
  public static double[] gridFilter(double[] y, int points) {
    double sd = SIGMA / Math.sqrt(1 - PHI * PHI);
    double lo = MU - 8 * sd;
    double width = 16 * sd / points;
    double[] h = new double[points];
    double[] p = new double[points];
    for (int i = 0; i < points; i++) {
      h[i] = lo + (i + 0.5) * width;
      p[i] = Math.exp(normal(MU, sd).logDensity(h[i])) * width;
    }
    double[][] k = new double[points][points];
    for (int i = 0; i < points; i++) {
      double m = MU + PHI * (h[i] - MU);
      for (int j = 0; j < points; j++) {
        double z = (h[j] - m) / SIGMA;
        k[i][j] = Math.exp(-0.5 * z * z) / (SIGMA * Math.sqrt(2 * Math.PI)) * width;
      }
    }
    double logZ = 0;
    for (int t = 0; t < y.length; t++) {
      if (t > 0) {
        double[] next = new double[points];
        for (int i = 0; i < points; i++) {
          if (p[i] > 1e-300) {
            for (int j = 0; j < points; j++) {
              next[j] += p[i] * k[i][j];
            }
          }
        }
        p = next;
      }
      double s = 0;
      for (int i = 0; i < points; i++) {
        p[i] *= Math.exp(normal(0, Math.exp(h[i] / 2)).logDensity(y[t]));
        s += p[i];
      }
      for (int i = 0; i < points; i++) {
        p[i] /= s;
      }
      logZ += Math.log(s);
    }
    double mean = 0;
    for (int i = 0; i < points; i++) {
      mean += p[i] * h[i];
    }
    return new double[] {logZ, mean};
  }

  /**
   * Prints the particle filter's answers next to the grid filter's.
   *
   * @param args [particles] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("stochastic-volatility", args, "particles: number of particles (default 2000)",
        "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    double[] y = synthetic(100, 7);
    SmcResult<Real> r = filter(y, cli.positiveInt(0, 2000), cli.longValue(1, 1));
    double[] exact = gridFilter(y, 1000);
    System.out.println(r);
    System.out.printf(java.util.Locale.ROOT, "log evidence  %.4f   grid filter %.4f%n", r.logEvidence(), exact[0]);
    System.out.printf(java.util.Locale.ROOT, "E[h_T | y]    %.4f   grid filter %.4f%n", r.expectation(Real::value),
        exact[1]);
  }
}
