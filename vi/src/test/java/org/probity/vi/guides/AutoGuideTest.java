package org.probity.vi.guides;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.normal;
import static org.probity.Probity.sample;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.vi.adev.Expectation;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.optim.Schedule;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * Automatic guides on a correlated Gaussian target x1 ~ N(0, 1), x2 ~ N(0.8 x1, 0.6), i.e.
 * N(0, [[1, 0.8], [0.8, 1]]) with precision diagonal 1 / 0.36. The full-rank optimum is the target
 * (loc 0, L = [[1, 0], [0.8, 0.6]]); the mean-field optimum has loc 0 and scales sqrt(0.36) = 0.6.
 * At those optima the expected ELBO gradient is zero, checked by Monte Carlo at z = 5 (20,000
 * estimates); optimisation from the default start reaches them within 0.05.
 */
class AutoGuideTest {
  private static Prob<Real> target() {
    return sample("x1", normal(0, 1)).flatMap(x1 -> sample("x2", normal(x1.times(0.8), 0.6)));
  }

  private static void assertZeroMeanGradient(AutoGuide q, ParamStore store, String param, int size) {
    Expectation elbo = q.elbo();
    UniformRandomProvider rng = Rngs.of(3);
    int n = 20_000;
    double[] s = new double[size];
    double[] ss = new double[size];
    for (int i = 0; i < n; i++) {
      Gradient g = elbo.gradEstimate(store, rng);
      for (int j = 0; j < size; j++) {
        double x = g.get(param, j);
        s[j] += x;
        ss[j] += x * x;
      }
    }
    for (int j = 0; j < size; j++) {
      double m = s[j] / n;
      double se = Math.sqrt(Math.max(ss[j] / n - m * m, 0) / n);
      assertEquals(0.0, m, 5 * se + 1e-9, param + "[" + j + "]");
    }
  }

  @Test
  void meanFieldOptimumHasZeroExpectedGradientAndIsFound() {
    AutoGuide q = AutoGuide.meanField(LogDensity.of(target()), "q");
    ParamStore store = new ParamStore();
    q.initialise(store, new double[] {0, 0}, new double[][] {{0.36, 0}, {0, 0.36}});
    assertZeroMeanGradient(q, store, "q.loc", 2);
    assertZeroMeanGradient(q, store, "q.scale", 2);
    ParamStore fit = new ParamStore();
    Optimize.maximize(q.elbo(), fit, Optimize.Config.of(4000).optimizer(Adam.of(Schedule.exponentialDecay(0.05, 0.05, 4000)))
        .samples(4).progress(false));
    assertArrayEquals(new double[] {0, 0}, q.mean(fit), 0.05);
    assertEquals(0.36, q.covariance(fit)[0][0], 0.05);
    assertEquals(0.36, q.covariance(fit)[1][1], 0.05);
  }

  @Test
  void fullRankOptimumIsTheTargetItself() {
    AutoGuide q = AutoGuide.fullRank(LogDensity.of(target()), "q");
    ParamStore store = new ParamStore();
    q.initialise(store, new double[] {0, 0}, new double[][] {{1, 0.8}, {0.8, 1}});
    assertZeroMeanGradient(q, store, "q.loc", 2);
    assertZeroMeanGradient(q, store, "q.scale_tril", 3);
    ParamStore fit = new ParamStore();
    Optimize.maximize(q.elbo(), fit, Optimize.Config.of(4000).optimizer(Adam.of(Schedule.exponentialDecay(0.05, 0.05, 4000)))
        .samples(4).progress(false));
    double[][] c = q.covariance(fit);
    assertArrayEquals(new double[] {0, 0}, q.mean(fit), 0.05);
    assertEquals(1.0, c[0][0], 0.08);
    assertEquals(0.8, c[0][1], 0.08);
    assertEquals(1.0, c[1][1], 0.08);
  }

  @Test
  void drawsMapBackToTheModelsAddresses() {
    AutoGuide q = AutoGuide.meanField(LogDensity.of(target()), "q");
    var draws = q.draws(new ParamStore(), 3, Rngs.of(1));
    assertEquals(3, draws.size());
    assertEquals(2, draws.get(0).size());
  }
}
