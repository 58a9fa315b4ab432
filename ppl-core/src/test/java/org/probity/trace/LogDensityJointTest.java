package org.probity.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.random.Rngs;

/**
 * {@link LogDensity#joint}: the log joint of the constrained values, recorded, is a trace's log
 * joint bit for bit where every term's family has an exact double path; a guard with another
 * outcome gives NaN, not a wrong number; families without an exact double path are reported.
 */
class LogDensityJointTest {
  private static final double[] Y = {28, 8, -3, 7, -1, 1, 18, 12};
  private static final double[] SIGMA = {15, 10, 16, 11, 9, 11, 10, 18};

  /** Non-centred eight schools, one scalar site per school. */
  static Prob<Real> eightSchools() {
    return sample("mu", normal(0, 5), (Real mu) -> sample("tau", halfCauchy(5), (Real tau) -> schools(0, mu, tau)));
  }

  private static Prob<Real> schools(int j, Real mu, Real tau) {
    if (j == Y.length) {
      return pure(tau);
    }
    return sample("t" + j, normal(0, 1), (Real t) -> observe(normal(mu.plus(tau.times(t)), SIGMA[j]), Y[j],
        () -> schools(j + 1, mu, tau)));
  }

  private static LogDensity recorded(Prob<?> model, Trace<?> reference) {
    LogDensity view = LogDensity.joint(model, reference, Selection.all());
    double[] theta = view.unconstrain(reference);
    double[] g = new double[view.dimension()];
    view.logDensityAndGradient(theta, g); // records
    view.logDensityAndGradient(theta, g); // verifies and compiles
    return view;
  }

  @Test
  void recordedJointIsTheTracesLogJointBitForBit() {
    Prob<Real> model = eightSchools();
    Trace<Real> reference = Traces.sample(model, Rngs.of(3));
    LogDensity view = recorded(model, reference);
    assertTrue(view.matchesDoublePath(), "Normal and HalfCauchy have exact double paths");
    List<LogDensity.Site> sites = view.layout();
    SplittableRandom r = new SplittableRandom(11);
    int compared = 0;
    for (int k = 0; k < 500; k++) {
      double[] x = new double[view.dimension()];
      Map<Address, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < x.length; i++) {
        x[i] = i == 1 ? r.nextDouble(0.01, 30) : r.nextDouble(-10, 10); // site 1 is tau
        values.put(sites.get(i).address(), Real.of(x[i]));
      }
      double trace = Traces.replay(model, values).logJoint();
      assertEquals(Double.doubleToRawLongBits(trace), Double.doubleToRawLongBits(view.recordedValue(x)), "at " + k);
      compared++;
    }
    assertEquals(500, compared);
    // tau < 0: HalfCauchy's support guard has the other outcome; the recording does not describe the run
    double[] outside = view.unconstrain(reference);
    outside[1] = -1;
    assertTrue(Double.isNaN(view.recordedValue(outside)));
    assertFalse(view.followsRecording(outside));
  }

  @Test
  void familiesWithoutAnExactDoublePathAreReported() {
    Prob<Real> cauchyPrior = sample("m", cauchy(0, 2), (Real m) -> observe(normal(m, 1.0), 0.5, () -> pure(m)));
    Trace<Real> ref = Traces.sample(cauchyPrior, Rngs.of(1));
    assertFalse(recorded(cauchyPrior, ref).matchesDoublePath());
    Prob<Real> heldBernoulli = sample("z", bernoulli(0.4), (Boolean z) -> sample("m", normal(0, 1), (Real m) ->
        observe(normal(z ? m : m.negate(), 1.0), 0.5, () -> pure(m))));
    Trace<Real> ref2 = Traces.sample(heldBernoulli, Rngs.of(2));
    assertFalse(recorded(heldBernoulli, ref2).matchesDoublePath(), "a held Bernoulli term");
    // the unconstrained view is never a joint one
    LogDensity unconstrained = LogDensity.of(eightSchools(), Traces.sample(eightSchools(), Rngs.of(3)));
    double[] g = new double[unconstrained.dimension()];
    unconstrained.logDensityAndGradient(new double[10], g);
    unconstrained.logDensityAndGradient(new double[10], g);
    assertFalse(unconstrained.matchesDoublePath());
  }

  @Test
  void vectorSitesAreRefused() {
    Prob<Real> m = LogDensityTest.hierarchical();
    assertThrows(IllegalArgumentException.class, () -> LogDensity.joint(m, Traces.sample(m, Rngs.of(1)), Selection.all()));
  }
}
