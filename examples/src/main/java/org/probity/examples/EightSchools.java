package org.probity.examples;

import static org.probity.Probity.*;

import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcResult;

/**
 * The eight schools (Rubin 1981; Gelman et al., "Bayesian Data Analysis", section 5.5), the
 * classic hierarchical model, non-centred so that NUTS explores the neck of the funnel, by NUTS
 * with {@code Mcmc.run(model, seed)}'s defaults:
 *
 * <pre>
 *   mu ~ Normal(0, 5),  tau ~ HalfCauchy(5),  eta[j] ~ Normal(0, 1)
 *   theta[j] = mu + tau eta[j]                        (returned: the school effects)
 *   y[j] ~ Normal(theta[j], sigma[j])                 j = 1..8
 * </pre>
 *
 * The centred form (theta[j] ~ Normal(mu, tau), {@link #centred()}) is the same posterior but a
 * funnel for NUTS: it gives divergences, and the summary says so. Arguments: [form (centred or
 * non-centred, default non-centred)] [seed (default 1)].
 */
@Example(name = "eight-schools", description = "Eight schools, hierarchical; non-centred (default) or centred (divergences, and the warnings say so); NUTS")
public final class EightSchools {
  /** The estimated treatment effects. */
  public static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
  /** Their standard errors. */
  public static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

  private EightSchools() {
  }

  /** The school effects theta, a derived quantity (columns theta.1 .. theta.8). */
  public record Effects(double[] theta) {
  }

  /** The non-centred model. */
  public static Prob<Effects> model() {
    return sample("mu", normal(0, 5)).flatMap(mu -> sample("tau", halfCauchy(5)).flatMap(tau ->
        sample("eta", normal(0, 1).vector(Y.length)).flatMap(eta -> {
          Real[] theta = new Real[Y.length];
          for (int j = 0; j < Y.length; j++) {
            theta[j] = mu.plus(tau.times(eta[j]));
          }
          return plate(Y, j -> normal(theta[j], SIGMA[j])).then(() -> pure(new Effects(Real.values(theta))));
        })));
  }

  /**
   * The centred model: theta[j] ~ Normal(mu, tau) directly (columns theta.1 .. theta.8).
   *
   * @return the model, returning the school effects
   */
  public static Prob<Effects> centred() {
    return sample("mu", normal(0, 5)).flatMap(mu -> sample("tau", halfCauchy(5)).flatMap(tau ->
        sample("theta", normal(mu, tau).vector(Y.length)).flatMap(theta ->
            plate(Y, j -> normal(theta[j], SIGMA[j])).then(() -> pure(new Effects(Real.values(theta)))))));
  }

  /** NUTS with the default settings and the given seed. */
  public static McmcResult<Effects> run(long seed) {
    return Mcmc.run(model(), seed);
  }

  /**
   * NUTS on the centred or the non-centred form.
   *
   * @param centred true for {@link #centred()}, false for {@link #model()}
   * @param seed the seed
   * @return the draws
   */
  public static McmcResult<Effects> run(boolean centred, long seed) {
    return Mcmc.run(centred ? centred() : model(), seed);
  }

  /**
   * Prints the summary table and the warnings.
   *
   * @param args [form] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("eight-schools", args, "form: centred or non-centred (default non-centred)",
        "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    boolean centred = cli.choice(0, "non-centred", "centred", "non-centred").equals("centred");
    System.out.print(run(centred, cli.longValue(1, 1)));
  }
}
