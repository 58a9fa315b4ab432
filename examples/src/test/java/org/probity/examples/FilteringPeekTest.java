package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.Transform;
import org.probity.semantics.Sampler;

/**
 * Issue 13: a statistician recorded the filtering mean of the Kalman example with {@code peek}
 * after every step and read 0 at the last one. Now peek runs after every observation, the last
 * included: each step's SMC filtering mean agrees with the Kalman filter's, the tolerance being
 * five standard errors estimated from independent SMC runs.
 */
class FilteringPeekTest {
  private static final int T = 25;
  private static final int RUNS = 20;
  private static final int PARTICLES = 400;

  /** The Kalman filter's mean of x[t] given y[0..t], for every t. */
  static double[] kalmanMeans(double[] y) {
    double[] means = new double[y.length];
    double m = 0;
    double p = 1;
    for (int i = 0; i < y.length; i++) {
      if (i > 0) {
        m = StateSpaceKalman.A * m;
        p = StateSpaceKalman.A * StateSpaceKalman.A * p + StateSpaceKalman.Q;
      }
      double k = p / (p + StateSpaceKalman.R);
      m += k * (y[i] - m);
      p *= 1 - k;
      means[i] = m;
    }
    return means;
  }

  /**
   * The Kalman example's state-space model returning its last state (the example maps it to a
   * double; after the last observation the filtering expectation reads the program's result, so
   * the function given to it must take what the program returns).
   */
  static Prob<Real> states(double[] y) {
    return stateSpace(normal(0, 1), (Real x) -> normal(StateSpaceKalman.A * x.value(), Math.sqrt(StateSpaceKalman.Q)),
        (Real x) -> normal(x.value(), Math.sqrt(StateSpaceKalman.R))).named("x").observe(reals(y));
  }

  @Test
  void peekSeesTheFilteringMeanAtEveryStepTheLastIncluded() {
    double[] y = StateSpaceKalman.simulate(T, 3);
    double[] exact = kalmanMeans(y);
    assertEquals(exact[T - 1], StateSpaceKalman.kalman(y)[0], 1e-12);
    double[][] est = new double[T][RUNS];
    int[] seen = new int[RUNS];
    for (int r = 0; r < RUNS; r++) {
      int run = r;
      Transform<Real> record = Transform.peek((Population<Real> p) -> {
        est[p.step() - 1][run] = p.filteringExpectation((Real x) -> x.value());
        seen[run]++;
      });
      Sampler.sample(Smc.sis(Population.spawn(states(y), PARTICLES),
          Transform.<Real>resample(Resampler.SYSTEMATIC).andThen(record)), 100 + r);
    }
    for (int r = 0; r < RUNS; r++) {
      assertEquals(T, seen[r], "peek ran after each of the " + T + " observations");
    }
    for (int t = 0; t < T; t++) {
      double mean = 0;
      for (double e : est[t]) {
        mean += e / RUNS;
      }
      double var = 0;
      for (double e : est[t]) {
        var += (e - mean) * (e - mean) / (RUNS - 1);
      }
      double se = Math.sqrt(var / RUNS);
      assertTrue(se > 0, "the runs differ at step " + t);
      assertEquals(exact[t], mean, 5 * se + 1e-9, "filtering mean at step " + t);
    }
    assertTrue(Math.abs(exact[T - 1]) > 0.1, "the check could not tell a missing last step (0) from the answer");
  }
}
