package org.probity.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;

/**
 * {@link LogDensity}'s replayed gradient (a verified recording of the model's tape) equals running
 * the model, bit for bit, wherever it is used; a model that decides with a parameter's value is
 * never replayed; a decision made through {@code Real.test} is replayed on its recorded branch and
 * run on the other; a model that reads changing state outside its choices is caught by the check
 * on the second evaluation.
 */
class LogDensityReplayTest {

  private static double[] point(SplittableRandom r, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextDouble(-2, 2);
    }
    return t;
  }

  /** The view's value and gradient at theta against a fresh copy's first (run, not replayed) evaluation. */
  private static void assertSameAsARun(LogDensity view, double[] theta) {
    double[] g = new double[view.dimension()];
    double v = view.logDensityAndGradient(theta, g);
    double[] g0 = new double[view.dimension()];
    double v0 = view.copy().logDensityAndGradient(theta, g0);
    assertEquals(v0, v, 0.0);
    assertArrayEquals(g0, g, 0.0);
    assertEquals(v0, view.logDensity(theta), 1e-9 * (1 + Math.abs(v0)));
  }

  @Test
  void eightSchoolsIsReplayedAndEqualsRunningTheModel() {
    LogDensity view = LogDensity.of(LogDensityTest.hierarchical());
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 200; k++) {
      assertSameAsARun(view, point(r, view.dimension()));
    }
    assertTrue(view.replays(), "eight schools reads no parameter's value: its gradient is replayed");
    assertTrue(view.compiled(), "and compiled to straight-line code");
  }

  /**
   * Models over the positive, interval and unit-interval bijections with Gamma, Exponential, Beta,
   * LogNormal, Uniform and Student-t densities, and bernoulliLogit observations (their support and
   * parameter checks are recorded tests, not value reads): each view replays and compiles its recording, and the compiled gradient equals running
   * the model bit for bit at random points.
   */
  @Test
  void compiledGradientsOfOtherFamiliesEqualRunningTheModel() {
    double[] y = {0.3, -1.2, 2.5, 0.9};
    java.util.Map<String, Prob<?>> models = new java.util.LinkedHashMap<>();
    models.put("gamma scale, exponential, student-t likelihood", sample("s", gamma(2, 1), (Real s) ->
        sample("e", exponential(0.5), (Real e) -> forEach(0, y.length, j ->
            observe(studentT(Real.of(4), e.minus(1), s), y[j])).map(u -> s))));
    models.put("beta, lognormal, uniform", sample("p", beta(2, 3), (Real p) ->
        sample("sigma", logNormal(0, 1), (Real sigma) -> sample("m", uniform(-3, 3), (Real m) ->
            forEach(0, y.length, j -> observe(normal(p.times(4).minus(2).plus(m), sigma), y[j])).map(u -> p)))));
    boolean[] hit = {true, false, true, true};
    models.put("logistic regression, one bernoulliLogit observation per point", sample("b", normal(0, 2), (Real b) ->
        sample("w", normal(0, 2), (Real w) -> forEach(0, y.length, j ->
            observe(bernoulliLogit(b.plus(w.times(y[j]))), hit[j])).map(u -> b))));
    SplittableRandom r = new SplittableRandom(13);
    for (var e : models.entrySet()) {
      LogDensity view = LogDensity.of(e.getValue());
      for (int k = 0; k < 100; k++) {
        assertSameAsARun(view, point(r, view.dimension()));
      }
      assertTrue(view.replays(), e.getKey() + ": replayed");
      assertTrue(view.compiled(), e.getKey() + ": compiled");
    }
  }

  @Test
  void aModelDecidingWithAValueIsRun() {
    Prob<Real> m = sample("x", normal(0, 1), x -> x.value() > 0
        ? observe(normal(x, 1), 1.0).map(u -> x) : observe(normal(x.times(2), 1), 1.0).map(u -> x));
    LogDensity view = LogDensity.of(m);
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 50; k++) {
      assertSameAsARun(view, point(r, 1));
    }
    assertFalse(view.replays());
    double[] g = new double[1];
    // x = -1: the second branch, log N(-1 | 0, 1) + log N(1 | -2, 1), gradient -x + 2 (1 - 2x) = 1 + 6
    double v = view.logDensityAndGradient(new double[] {-1}, g);
    assertEquals(-0.5 - 4.5 - Math.log(2 * Math.PI), v, 1e-12);
    assertEquals(7, g[0], 1e-12);
  }

  @Test
  void aTestedDecisionIsReplayedOnItsBranchAndRunOnTheOther() {
    Prob<Real> m = sample("x", normal(0, 1), x -> x.test(v -> v > 0)
        ? observe(normal(x, 1), 1.0).map(u -> x) : observe(normal(x.times(2), 1), 1.0).map(u -> x));
    LogDensity view = LogDensity.of(m);
    view.logDensityAndGradient(new double[] {0.5}, new double[1]);
    view.logDensityAndGradient(new double[] {0.7}, new double[1]);
    assertTrue(view.replays());
    assertTrue(view.compiled());
    SplittableRandom r = new SplittableRandom(9);
    for (int k = 0; k < 50; k++) {
      assertSameAsARun(view, point(r, 1));
    }
    double[] g = new double[1];
    double v = view.logDensityAndGradient(new double[] {-1}, g);
    assertEquals(-0.5 - 4.5 - Math.log(2 * Math.PI), v, 1e-12);
    assertEquals(7, g[0], 1e-12);
  }

  @Test
  void aModelReadingChangingStateIsCaughtAndRun() {
    double[] data = {1.0};
    Prob<Real> m = sample("x", normal(0, 1), x -> observe(normal(x, 1), data[0]).map(u -> x));
    LogDensity view = LogDensity.of(m);
    double[] g = new double[1];
    view.logDensityAndGradient(new double[] {0.3}, g);
    data[0] = 2.0; // the model is not a function of its choices any more
    double v = view.logDensityAndGradient(new double[] {0.5}, g);
    assertFalse(view.replays());
    assertEquals(-0.125 - 1.125 - Math.log(2 * Math.PI), v, 1e-12);
    assertEquals(-0.5 + 1.5, g[0], 1e-12);
  }
}
