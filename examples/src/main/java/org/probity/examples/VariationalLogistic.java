package org.probity.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.hmc.Hmc;
import org.probity.inference.hmc.HmcConfig;
import org.probity.inference.hmc.HmcResult;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.vi.adev.Expectation;
import org.probity.vi.guides.AutoGuide;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.optim.Schedule;
import org.probity.vi.param.ParamStore;

/**
 * Bayesian logistic regression ({@link LogisticRegression}'s model and synthetic data) by
 * automatic differentiation variational inference: a mean-field and a full-rank Gaussian guide
 * on the coefficients, fitted by Adam on the ELBO (REPARAM gradients through the model's
 * unconstrained log density), compared with NUTS's posterior means and standard deviations. The
 * coefficients are unconstrained, so the guides' moments are the coefficients' own. Mean-field
 * ADVI is known to understate posterior standard deviations when coefficients are correlated;
 * the full-rank guide captures the correlation. Arguments: [rows N (default 500)] [seed
 * (default 1)] [steps (default 3000)].
 */
@Example(name = "vi-logistic", description = "Bayesian logistic regression by ADVI (mean-field and full-rank Gaussian guides) against NUTS")
public final class VariationalLogistic {
  private VariationalLogistic() {
  }

  /** One coefficient: NUTS's posterior mean and sd, then each guide's. */
  public record Row(String name, double nutsMean, double nutsSd, double meanFieldMean, double meanFieldSd,
      double fullRankMean, double fullRankSd) {
  }

  /** The comparison and each guide's final ELBO (the mean of 2000 estimates at the fit). */
  public record Report(List<Row> rows, double meanFieldElbo, double fullRankElbo) {
  }

  /** Runs NUTS and both guides on N synthetic rows. */
  public static Report run(int n, long seed, int steps, boolean progress) {
    Prob<Real[]> model = LogisticRegression.model(LogisticRegression.synthetic(n, seed));
    LogDensity density = LogDensity.of(model);
    int d = density.dimension();
    HmcResult nuts = Hmc.sample(density, HmcConfig.defaults().chains(2).warmup(500).draws(1000).seed(seed));
    double[][] mf = fit(AutoGuide.meanField(LogDensity.of(model), "mf"), steps, seed, progress);
    double[][] fr = fit(AutoGuide.fullRank(LogDensity.of(model), "fr"), steps, seed, progress);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      double[] draws = flatten(nuts.coordinate(i));
      rows.add(new Row(density.layout().get(i).address().toString(), mean(draws), sd(draws), mf[0][i], mf[1][i], fr[0][i],
          fr[1][i]));
    }
    return new Report(rows, mf[2][0], fr[2][0]);
  }

  /** Fits a guide: its means, its standard deviations and its final ELBO. */
  private static double[][] fit(AutoGuide guide, int steps, long seed, boolean progress) {
    ParamStore store = new ParamStore(seed);
    Expectation elbo = guide.elbo();
    Optimize.maximize(elbo, store, Optimize.Config.of(steps)
        .optimizer(Adam.of(Schedule.exponentialDecay(0.05, 0.1, steps))).samples(2).progress(progress).seed(seed));
    double[][] cov = guide.covariance(store);
    double[] sd = new double[cov.length];
    for (int i = 0; i < sd.length; i++) {
      sd[i] = Math.sqrt(cov[i][i]);
    }
    UniformRandomProvider rng = Rngs.of(seed + 1);
    double e = 0;
    for (int i = 0; i < 2000; i++) {
      e += elbo.estimate(store, rng);
    }
    return new double[][] {guide.mean(store), sd, {e / 2000}};
  }

  private static double[] flatten(double[][] chains) {
    return java.util.Arrays.stream(chains).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double sd(double[] xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (xs.length - 1));
  }

  /** Prints the comparison table. */
  public static void main(String[] args) {
    Args cli = Args.of("vi-logistic", args, "rows: simulated data rows (default 500)", "seed: random seed (default 1)",
        "steps: optimisation steps per guide (default 3000)");
    if (cli.help()) {
      return;
    }
    int n = cli.positiveInt(0, 500);
    long seed = cli.longValue(1, 1);
    int steps = cli.positiveInt(2, 3000);
    Report r = run(n, seed, steps, true);
    System.out.printf(Locale.ROOT, "Bayesian logistic regression, N = %d rows; ADVI (Adam, %d steps, 2 draws per step) vs NUTS"
        + " (2 chains x 1000 draws)%n", n, steps);
    System.out.printf(Locale.ROOT, "%-10s %17s %17s %17s%n", "", "NUTS", "mean-field", "full-rank");
    System.out.printf(Locale.ROOT, "%-10s %8s %8s %8s %8s %8s %8s%n", "coef", "mean", "sd", "mean", "sd", "mean", "sd");
    for (Row row : r.rows()) {
      System.out.printf(Locale.ROOT, "%-10s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", row.name(), row.nutsMean(), row.nutsSd(),
          row.meanFieldMean(), row.meanFieldSd(), row.fullRankMean(), row.fullRankSd());
    }
    System.out.printf(Locale.ROOT, "final ELBO: mean-field %.3f, full-rank %.3f (higher is closer in KL to the posterior)%n",
        r.meanFieldElbo(), r.fullRankElbo());
  }
}
