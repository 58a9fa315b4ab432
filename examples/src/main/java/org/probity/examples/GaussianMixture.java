package org.probity.examples;

import static org.probity.Probity.*;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.random.Rngs;

/**
 * A two-component Gaussian mixture with ordered means (the ordering removes label switching, so
 * the chains agree), the component indicators summed out:
 *
 * <pre>
 *   mu ~ Normal(0, 5) ordered: mu[1] &lt; mu[2],   w ~ Beta(2, 2)
 *   y[i] ~ w Normal(mu[1], 1) + (1 - w) Normal(mu[2], 1)      i = 1..n
 * </pre>
 *
 * by NUTS on synthetic data. Arguments: [n (default 100)] [seed (default 1)].
 */
@Example(name = "mixture", description = "Two-component Gaussian mixture with ordered means (no label switching); NUTS vs quadrature")
public final class GaussianMixture {
  /** The means the data are drawn with. */
  public static final double[] MU = {-1.5, 1.5};
  /** The weight of the first component the data are drawn with. */
  public static final double W = 0.4;

  private GaussianMixture() {
  }

  /**
   * Draws from the mixture with {@link #MU} and {@link #W}.
   *
   * @param n how many
   * @param seed the seed
   * @return the data
   */
  public static double[] synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (rng.nextDouble() < W ? MU[0] : MU[1]) + g.sample();
    }
    return y;
  }

  /**
   * The mixture model of the data.
   *
   * @param y the data
   * @return the model, returning the weight of the first component
   */
  public static Prob<Real> mixture(double[] y) {
    return model(m -> {
      Real[] mu = m.sample("mu", normal(0, 5).ordered(2));
      Real w = m.sample("w", beta(2, 2));
      m.plate("y", mixtureOf(new Real[] {w, w.oneMinus()}, List.of(normal(mu[0], 1), normal(mu[1], 1))), y);
      return w;
    });
  }

  /**
   * NUTS.
   *
   * @param y the data
   * @param config chains, warm-up, draws and seed
   * @return the draws (columns mu.1, mu.2, w)
   */
  public static McmcResult<Real> run(double[] y, McmcConfig config) {
    return Mcmc.run(mixture(y), config);
  }

  /**
   * Prints the summary table and the warnings.
   *
   * @param args [n] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("mixture", args, "n: number of points (default 100)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    long seed = cli.longValue(1, 1);
    System.out.println("data drawn with mu = (" + MU[0] + ", " + MU[1] + "), w = " + W);
    System.out.print(run(synthetic(cli.positiveInt(0, 100), seed), McmcConfig.defaults().seed(seed)));
  }
}
