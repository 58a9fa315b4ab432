package org.probity.vi.adev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.sample;

import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.dist.Geometric;
import org.probity.dist.Normal;
import org.probity.dist.Poisson;
import org.probity.random.Rngs;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * MVD and REINFORCE on infinite supports against formulas, by Monte Carlo: each mean gradient is
 * compared with its formula at z = 4.9 standard errors (a false alarm about once in a million
 * comparisons; 20,000 estimates each).
 */
class MvdContinuousTest {
  private static final int N = 20_000;
  private static final double Z = 4.9;

  private static void check(Expectation e, ToDoubleFunction<Gradient> coordinate, double expected, long seed) {
    ParamStore store = new ParamStore();
    UniformRandomProvider rng = Rngs.of(seed);
    double s = 0;
    double ss = 0;
    for (int i = 0; i < N; i++) {
      double g = coordinate.applyAsDouble(e.gradEstimate(store, rng));
      s += g;
      ss += g * g;
    }
    double mean = s / N;
    double se = Math.sqrt(Math.max(ss / N - mean * mean, 0) / N);
    assertEquals(expected, mean, Z * se + 1e-12, "mean gradient " + mean + " +- " + se);
  }

  @Test
  void poissonRate() {
    // E[x^2] = lam + lam^2; d/d log lam = (1 + 2 lam) lam
    double lam = 1.5;
    for (Estimator est : new Estimator[] {Estimators.MVD, Estimators.REINFORCE}) {
      Expectation e = Expectation.of(p -> sample(Estimators.tag(Poisson.of(p.positive("lam", lam)), est))
          .map(x -> Real.of((double) x * x)));
      check(e, g -> g.get("lam", 0), (1 + 2 * lam) * lam, 11);
    }
  }

  @Test
  void geometricProbability() {
    // E[x] = (1 - p) / p; d/dp = -1/p^2; p = logistic(u): dp/du = p (1 - p)
    double p0 = 0.4;
    for (Estimator est : new Estimator[] {Estimators.MVD, Estimators.REINFORCE}) {
      Expectation e = Expectation.of(p -> sample(Estimators.tag(Geometric.of(p.interval("p", 0, 1, p0)), est))
          .map(x -> Real.of(x)));
      check(e, g -> g.get("p", 0), -1 / (p0 * p0) * p0 * (1 - p0), 12);
    }
  }

  @Test
  void normalMeanAndScale() {
    // E[x^2] = mu^2 + sigma^2: d/dmu = 2 mu, d/d log sigma = 2 sigma^2
    double mu = 0.8;
    double sigma = 1.3;
    for (Estimator est : new Estimator[] {Estimators.MVD, Estimators.REINFORCE, Estimators.REPARAM,
        Estimators.leaveOneOut(4), Estimators.baseline(2.0)}) {
      Expectation e = Expectation.of(p -> sample(Estimators.tag(Normal.of(p.real("mu", mu), p.positive("sigma", sigma)), est))
          .map(x -> x.square()));
      check(e, g -> g.get("mu", 0), 2 * mu, 13);
      check(e, g -> g.get("sigma", 0), 2 * sigma * sigma, 14);
    }
  }
}
