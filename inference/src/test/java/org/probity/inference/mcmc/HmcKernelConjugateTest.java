package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;

/**
 * NUTS on traces, run by {@code Mcmc.run(model, seed)}'s defaults (the default kernel for
 * continuous models is NUTS), on conjugate models whose posteriors are known exactly: posterior
 * means and sds within 5 Monte Carlo standard errors ({@link ConjugateTest#check}, MCSE from the
 * multi-chain ESS) at fixed seeds. Each model has a site of a different support, moved on its
 * unconstrained scale: the real line, the positive half line (gamma-Poisson), the simplex
 * (Dirichlet-categorical), a real vector (a regression's coefficients as one {@code Real[]} site),
 * an ordered vector, and a Cholesky factor of a correlation matrix (LKJ).
 */
class HmcKernelConjugateTest {
  static final int DRAWS = ConjugateTest.FULL ? 5000 : 1000;

  static McmcConfig config(long seed) {
    return McmcConfig.defaults().warmup(500).samples(DRAWS).seed(seed).progress(false);
  }

  @Test
  void theDefaultKernelOfAContinuousModelIsNuts() {
    Prob<Real> model = sample("mu", normal(0, 1));
    assertTrue(Mcmc.defaultKernel(model) instanceof HmcKernel<?>);
    Prob<Integer> discrete = sample("mu", normal(0, 1)).flatMap(mu -> sample("k", poisson(2.0)));
    assertTrue(Mcmc.defaultKernel(discrete) instanceof SingleSiteMH<?>);
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
    Prob<Real> model = sample("mu", normal(0, 2)).flatMap(mu -> plate(normal(mu, 1.0), y).then(() -> pure(mu)));
    double prec = 0.25 + y.length;
    McmcResult<Real> r = Mcmc.run(model, config(1));
    assertEquals("nuts", Describe.name(r.kernel()));
    ConjugateTest.check(r, "mu", sum / prec, Math.sqrt(1 / prec));
  }

  @Test
  void gammaPoissonWithAPositiveSite() {
    int[] y = {3, 5, 2, 4, 6, 1};
    Prob<Real> model = sample("lambda", gamma(2, 1)).flatMap(l -> observeAll(l, y, 0).then(() -> pure(l)));
    // Gamma(2 + 21, 1 + 6).
    double shape = 23;
    double rate = 7;
    ConjugateTest.check(Mcmc.run(model, config(2)), "lambda", shape / rate, Math.sqrt(shape) / rate);
  }

  private static Prob<org.probity.core.Unit> observeAll(Real rate, int[] y, int i) {
    if (i == y.length) {
      return pure(org.probity.core.Unit.UNIT);
    }
    return observe(poisson(rate), y[i]).then(() -> observeAll(rate, y, i + 1));
  }

  @Test
  void dirichletCategoricalWithASimplexSite() {
    double[] alpha = {1.5, 2, 3};
    int[] y = {0, 2, 2, 1, 2, 0, 2, 2, 1, 2, 0, 2};
    int[] counts = new int[3];
    for (int v : y) {
      counts[v]++;
    }
    Prob<Real[]> model = sample("p", dirichlet(alpha)).flatMap(p -> categoricals(p, y, 0).then(() -> pure(p)));
    McmcResult<Real[]> r = Mcmc.run(model, config(3));
    double total = 0;
    for (int k = 0; k < 3; k++) {
      total += alpha[k] + counts[k];
    }
    for (int k = 0; k < 3; k++) {
      double a = alpha[k] + counts[k];
      double mean = a / total;
      double sd = Math.sqrt(a * (total - a) / (total * total * (total + 1)));
      ConjugateTest.check(r, "p." + (k + 1), mean, sd);
    }
  }

  private static Prob<org.probity.core.Unit> categoricals(Real[] p, int[] y, int i) {
    if (i == y.length) {
      return pure(org.probity.core.Unit.UNIT);
    }
    return observe(categorical(p), y[i]).then(() -> categoricals(p, y, i + 1));
  }

  @Test
  void regressionCoefficientsAsOneVectorSite() {
    double[][] x = {{1, 0.3, -1.2}, {1, -0.5, 0.4}, {1, 1.1, 0.9}, {1, 0.2, -0.3}, {1, -1.4, 0.1}, {1, 0.8, 1.5},
        {1, -0.2, -0.8}, {1, 0.6, 0.2}};
    double[] y = {0.1, 1.4, 2.9, 0.8, 0.2, 3.1, 0.3, 1.9};
    double tau = 2;
    Prob<Real[]> model = sample("beta", normal(0, tau).vector(3)).flatMap(b -> plate(y, i -> normal(
        b[0].times(x[i][0]).plus(b[1].times(x[i][1])).plus(b[2].times(x[i][2])), 1.0)).then(() -> pure(b)));
    // Posterior N(S X'y, S) with S = (X'X + I / tau^2)^-1.
    double[][] p = new double[3][3];
    double[] xty = new double[3];
    for (int i = 0; i < x.length; i++) {
      for (int a = 0; a < 3; a++) {
        xty[a] += x[i][a] * y[i];
        for (int b = 0; b < 3; b++) {
          p[a][b] += x[i][a] * x[i][b];
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      p[a][a] += 1 / (tau * tau);
    }
    double[][] s = invert3(p);
    McmcResult<Real[]> r = Mcmc.run(model, config(4));
    for (int a = 0; a < 3; a++) {
      double mean = s[a][0] * xty[0] + s[a][1] * xty[1] + s[a][2] * xty[2];
      ConjugateTest.check(r, "beta." + (a + 1), mean, Math.sqrt(s[a][a]));
    }
  }

  static double[][] invert3(double[][] m) {
    double a = m[0][0];
    double b = m[0][1];
    double c = m[0][2];
    double d = m[1][0];
    double e = m[1][1];
    double f = m[1][2];
    double g = m[2][0];
    double h = m[2][1];
    double k = m[2][2];
    double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
    return new double[][] {
        {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
        {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
        {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
  }

  @Test
  void orderedVectorSite() {
    // Two sorted standard normals: E[max] = 1 / sqrt(pi), Var = 1 - 1 / pi.
    Prob<Real[]> model = sample("z", normal(0, 1).ordered(2));
    McmcResult<Real[]> r = Mcmc.run(model, config(5));
    double m = 1 / Math.sqrt(Math.PI);
    double sd = Math.sqrt(1 - 1 / Math.PI);
    ConjugateTest.check(r, "z.1", -m, sd);
    ConjugateTest.check(r, "z.2", m, sd);
  }

  /** The correlations of a Cholesky factor, returned as derived quantities. */
  record Correlations(double r12, double r13, double r23) {
  }

  @Test
  void choleskyFactorOfACorrelationMatrix() {
    // LKJ(eta = 2) in 3 dimensions: each correlation is 2 Beta(b, b) - 1 with b = eta - 1 + K / 2 = 2.5,
    // so mean 0 and variance 1 / (2 b + 1) = 1 / 6.
    Prob<Correlations> model = sample("L", lkjCholesky(3, 2.0)).map(l -> new Correlations(l[1][0].value(),
        l[2][0].value(), l[2][0].value() * l[1][0].value() + l[2][1].value() * l[1][1].value()));
    McmcResult<Correlations> r = Mcmc.run(model, config(6));
    for (String name : new String[] {"r12", "r13", "r23"}) {
      ConjugateTest.check(r, name, 0, Math.sqrt(1.0 / 6));
    }
  }
}
