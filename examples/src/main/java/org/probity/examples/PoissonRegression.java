package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;

/**
 * Poisson regression (a generalised linear model with the log link) on synthetic counts:
 *
 * <pre>
 *   alpha ~ Normal(0, 1),  beta ~ Normal(0, 1)
 *   y[i] ~ Poisson(exp(alpha + beta x[i]))         i = 1..n
 * </pre>
 *
 * by NUTS with the default settings. Arguments: [n (default 30)] [seed (default 1)].
 */
@Example(name = "poisson-regression", description = "Poisson regression (log link) on synthetic counts; NUTS vs a quadrature of the exact posterior")
public final class PoissonRegression {
  /** The intercept the data are drawn with. */
  public static final double ALPHA = 0.5;
  /** The slope the data are drawn with. */
  public static final double BETA = 0.8;

  private PoissonRegression() {
  }

  /**
   * The counts and their predictor.
   *
   * @param x the predictor, uniform on [-1, 1]
   * @param y the counts
   */
  public record Counts(double[] x, int[] y) {
  }

  /**
   * Counts drawn from the model with {@link #ALPHA} and {@link #BETA}.
   *
   * @param n the number of counts
   * @param seed the seed
   * @return the data
   */
  public static Counts synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    double[] x = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * rng.nextDouble() - 1;
      y[i] = PoissonSampler.of(rng, Math.exp(ALPHA + BETA * x[i])).sample();
    }
    return new Counts(x, y);
  }

  /**
   * The regression of the counts.
   *
   * @param d the data
   * @return the model, returning the slope
   */
  public static Prob<Real> regression(Counts d) {
    return model(m -> {
      Real alpha = m.sample("alpha", normal(0, 1));
      Real beta = m.sample("beta", normal(0, 1));
      for (int i = 0; i < d.y().length; i++) {
        m.observe("y." + (i + 1), poissonLog(alpha.plus(beta.times(d.x()[i]))), d.y()[i]);
      }
      return beta;
    });
  }

  /**
   * NUTS.
   *
   * @param d the data
   * @param config chains, warm-up, draws and seed
   * @return the draws
   */
  public static McmcResult<Real> run(Counts d, McmcConfig config) {
    return Mcmc.run(regression(d), config);
  }

  /**
   * Prints the summary table and the warnings.
   *
   * @param args [n] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("poisson-regression", args, "n: number of counts (default 30)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    long seed = cli.longValue(1, 1);
    System.out.println("counts drawn with alpha = " + ALPHA + ", beta = " + BETA);
    System.out.print(run(synthetic(cli.positiveInt(0, 30), seed), McmcConfig.defaults().seed(seed)));
  }
}
