package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Mcse;
import org.probity.inference.diagnostics.Rhat;
import org.probity.random.Rngs;
import org.probity.testkit.Tries;
import org.probity.trace.Selection;

/**
 * Posterior mean and sd of conjugate models within 5 Monte Carlo standard errors (MCSE from the
 * diagnostics' ESS, Vehtari et al. 2021) of the exact values, at fixed seeds.
 */
class ConjugateTest {
  static final boolean FULL = Tries.full();
  static final int DRAWS = FULL ? 10000 : 2000;
  static final double Z = 5;

  static void check(McmcResult<?> r, String name, double mean, double sd) {
    double[][] x = r.column(name);
    double[] flat = java.util.Arrays.stream(x).flatMapToDouble(java.util.Arrays::stream).toArray();
    double m = mean(flat);
    double s = sd(flat);
    double mcseMean = Mcse.mean(x);
    double mcseSd = Mcse.sd(x);
    String msg = name + ": mean " + m + " (exact " + mean + ", mcse " + mcseMean + "), sd " + s + " (exact " + sd
        + ", mcse " + mcseSd + "), rhat " + Rhat.rhat(x);
    assertTrue(Math.abs(m - mean) < Z * mcseMean, msg);
    assertTrue(Math.abs(s - sd) < Z * mcseSd, msg);
    assertTrue(Rhat.rhat(x) < 1.05, msg);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sd(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  static McmcConfig config(long seed) {
    return McmcConfig.defaults().warmup(500).samples(DRAWS).seed(seed);
  }

  @Test
  void normalNormal() {
    UniformRandomProvider rng = Rngs.of(2024);
    double[] y = new double[20];
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = 1.3 + rng.nextDouble() * 2 - 1;
      sum += y[i];
    }
    // mu ~ N(0, 2^2); y_i ~ N(mu, 1): posterior precision 1/4 + n, mean sum / precision.
    Prob<Real> model = sample("mu", normal(0, 2)).flatMap(mu -> plate(normal(mu, 1.0), y).then(() -> pure(mu)));
    double prec = 0.25 + y.length;
    double mean = sum / prec;
    double sd = Math.sqrt(1 / prec);
    check(Mcmc.run(model, Kernels.adaptiveRandomWalk(Selection.all(), 1.0), config(1)), "mu", mean, sd);
    check(Mcmc.run(model, Kernels.randomWalk(Selection.all(), 0.4), config(2)), "mu", mean, sd);
    check(Mcmc.run(model, Kernels.repeat(3, Kernels.mh()), config(3)), "mu", mean, sd);
  }

  @Test
  void betaBinomial() {
    // p ~ Beta(2, 3); 11 successes in 30: posterior Beta(13, 22) (random walk on the logit scale).
    Prob<Real> model = sample("p", beta(2, 3)).flatMap(p -> observe(binomial(30, p), 11).then(() -> pure(p)));
    double a = 13;
    double b = 22;
    double mean = a / (a + b);
    double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
    check(Mcmc.run(model, Kernels.adaptiveRandomWalk(Selection.all(), 1.0), config(4)), "p", mean, sd);
    check(Mcmc.run(model, Kernels.mh(), config(5)), "p", mean, sd);
  }

  @Test
  void gammaPoisson() {
    int[] counts = {3, 1, 4, 1, 5, 2, 6, 2, 3, 5, 0, 2, 4, 3, 3};
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    // lambda ~ Gamma(3, rate 2); y_i ~ Poisson(lambda): posterior Gamma(3 + sum y, 2 + n).
    Prob<Real> model = sample("lambda", gamma(3, 2)).flatMap(l ->
        forEach(0, counts.length, i -> observe(poisson(l), counts[i])).then(() -> pure(l)));
    double shape = 3 + total;
    double rate = 2 + counts.length;
    Kernel<Real> mixed = Kernels.mixture(new double[] {0.7, 0.3},
        List.of(Kernels.adaptiveRandomWalk(Selection.all(), 0.5), Kernels.mh()));
    check(Mcmc.run(model, mixed, config(6)), "lambda", shape / rate, Math.sqrt(shape) / rate);
  }

  @Test
  void wrongTargetIsDetected() {
    // The same check rejects draws from a slightly wrong posterior (a broken kernel would fail it).
    Prob<Real> model = sample("p", beta(2, 3)).flatMap(p -> observe(binomial(30, p), 11).then(() -> pure(p)));
    McmcResult<Real> r = Mcmc.run(model, Kernels.adaptiveRandomWalk(Selection.all(), 1.0), config(4));
    double mean = 13.0 / 35;
    double[][] x = r.column("p");
    assertTrue(Math.abs(mean(java.util.Arrays.stream(x).flatMapToDouble(java.util.Arrays::stream).toArray())
        - (mean + 0.02)) > Z * Mcse.mean(x), "the tolerance must be able to detect a 0.02 error in the mean");
  }
}
