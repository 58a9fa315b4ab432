package org.probity.examples;

import static org.probity.Probity.*;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.BernoulliLogitGlm;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * Bayesian logistic regression on synthetic data: alpha, beta[j] ~ Normal(0, 2.5),
 * y ~ BernoulliLogitGlm(x, alpha, beta), that is y_i ~ Bernoulli(logistic(alpha + x_i . beta)) independently,
 * the likelihood one observation and one vectorised node ({@link BernoulliLogitGlm}, Stan's
 * {@code bernoulli_logit_glm}); inferred with adaptive random-walk Metropolis on all
 * coefficients jointly (scale tuned in warm-up towards acceptance 0.234), 4 chains in parallel,
 * printing the MCMC summary table. Arguments: [rows N (default 1000)] [seed (default 1)].
 */
@Example(name = "logistic", description = "Bayesian logistic regression, synthetic data, adaptive random-walk MH, 4 chains, summary table")
public final class LogisticRegression {
  /** The coefficients the synthetic data are drawn with: intercept, then slopes. */
  public static final double[] TRUE = {-0.5, 1.0, -2.0, 0.5};

  private LogisticRegression() {
  }

  /** Synthetic data: a design matrix x (N x 3, standard normal entries) and 0/1 labels y. */
  public record Data(DMatrixRMaj x, int[] y) {
  }

  /** Draws N rows from the true model with the given seed. */
  public static Data synthetic(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int d = TRUE.length - 1;
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double eta = TRUE[0];
      for (int j = 0; j < d; j++) {
        double v = g.sample();
        x.set(i, j, v);
        eta += TRUE[j + 1] * v;
      }
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return new Data(x, y);
  }

  /** The model: returns the coefficients (alpha, beta[0..d-1]). */
  public static Prob<Real[]> model(Data data) {
    int d = data.x().numCols;
    return sample("alpha", normal(0, 2.5)).flatMap(alpha ->
        forEach(0, d, j -> sample(addr("beta", j), normal(0, 2.5))).flatMap(betas -> {
          Real[] w = betas.toArray(new Real[0]);
          return observe(bernoulliLogitGlm(data.x(), alpha, w), data.y()).then(() -> {
            Real[] out = new Real[d + 1];
            out[0] = alpha;
            System.arraycopy(w, 0, out, 1, d);
            return pure(out);
          });
        }));
  }

  /** Runs the sampler on N synthetic rows. */
  public static McmcResult<Real[]> run(int n, long seed, McmcConfig config) {
    return Mcmc.run(model(synthetic(n, seed)), Kernels.adaptiveRandomWalk(Selection.all(), 0.1), config);
  }

  /** Prints the summary table of 4 chains of 1000 draws after 1000 warm-up iterations. */
  public static void main(String[] args) {
    Args cli = Args.of("logistic", args, "rows: simulated data rows (default 1000)",
        "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int n = cli.positiveInt(0, 1000);
    long seed = cli.longValue(1, 1);
    McmcResult<Real[]> r = run(n, seed, McmcConfig.defaults().seed(seed));
    System.out.printf(Locale.ROOT, "Bayesian logistic regression, N = %d rows, true alpha = %.2f, beta = (%.2f, %.2f, %.2f)%n",
        n, TRUE[0], TRUE[1], TRUE[2], TRUE[3]);
    System.out.println("adaptive random-walk MH, 4 chains x 1000 draws (1000 warm-up); acceptance per chain: "
        + java.util.Arrays.toString(java.util.Arrays.stream(r.acceptanceRates()).map(a -> Math.round(a * 1000) / 1000.0).toArray()));
    System.out.print(r.summary());
  }
}
