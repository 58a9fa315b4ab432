package org.probity.vi.adev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.sample;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.dist.Beta;
import org.probity.dist.Dirichlet;
import org.probity.dist.Gamma;
import org.probity.random.Rngs;
import org.probity.vi.param.ParamStore;

/**
 * REPARAM through implicit reparameterisation (Figurnov, Mohamed and Mnih, 2018) for Gamma, Beta
 * and Dirichlet: the mean gradient of 20,000 estimates against the formula, within z = 4.9
 * standard errors (a false alarm about once in a million comparisons). Parameters are positive,
 * so the derivatives are with respect to their logs.
 */
class ImplicitReparamTest {
  private static void check(Expectation e, String param, int coord, double expected) {
    ParamStore store = new ParamStore();
    UniformRandomProvider rng = Rngs.of(17);
    int n = 20_000;
    double s = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double g = e.gradEstimate(store, rng).get(param, coord);
      s += g;
      ss += g * g;
    }
    double m = s / n;
    double se = Math.sqrt(Math.max(ss / n - m * m, 0) / n);
    assertEquals(expected, m, 4.9 * se + 1e-12, param + ": " + m + " +- " + se);
  }

  @Test
  void gammaShape() {
    // E[x^2] = a (a + 1) for Gamma(a, 1): d/d log a = a (2 a + 1)
    double a = 1.7;
    Expectation e = Expectation.of(p -> sample(Estimators.reparam(Gamma.of(p.positive("a", a), Real.ONE))).map(Real::square));
    check(e, "a", 0, a * (2 * a + 1));
  }

  @Test
  void betaShapes() {
    // E[x] = a / (a + b): d/d log a = a b / (a + b)^2
    double a = 2.5;
    double b = 1.5;
    Expectation e = Expectation.of(p -> sample(Estimators.reparam(Beta.of(p.positive("a", a), p.positive("b", b)))));
    check(e, "a", 0, a * b / ((a + b) * (a + b)));
  }

  @Test
  void dirichletConcentration() {
    // E[x_0] = a_0 / sum a: d/d log a_0 = a_0 (sum a - a_0) / (sum a)^2
    double[] alpha = {1.2, 0.7, 2.0};
    Expectation e = Expectation.of(p -> sample(Estimators.reparam(Dirichlet.of(p.positiveVector("alpha", 3,
        org.probity.vi.param.Init.values(alpha))))).map(x -> x[0]));
    double sum = alpha[0] + alpha[1] + alpha[2];
    check(e, "alpha", 0, alpha[0] * (sum - alpha[0]) / (sum * sum));
  }
}
