package org.probity.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.bijection.Bijection;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.random.Rngs;

/**
 * The unconstrained log-density view: its value is the log joint density at the constrained
 * point plus the log-Jacobians, its gradient matches finite differences, it round-trips traces,
 * holds discrete choices fixed, and refuses runs whose structure changes.
 */
class LogDensityTest {

  static Prob<Real> hierarchical() {
    double[] y = {28, 8, -3, 7, -1, 1, 18, 12};
    double[] sigma = {15, 10, 16, 11, 9, 11, 10, 18};
    return sample("mu", normal(0, 5), mu -> sample("tau", halfCauchy(5), tau ->
        sample("theta", normal(0, 1).vector(8), (Real[] th) -> forEach(0, 8, j ->
            observe(normal(mu.plus(tau.times(th[j])), sigma[j]), y[j])).map(u -> tau))));
  }

  static Prob<Real> mixed() {
    return sample("w", dirichlet(2, 3, 4), (Real[] w) -> sample("k", categorical(0.3, 0.7), k ->
        sample("s", gamma(2, 1), s -> sample("b", uniform(-1, 2), b ->
            observe(normal(w[0].times(b).plus(k), s), 0.4).then(() ->
                observe(normal(w[2], s.plus(0.5)), 0.1)).map(u -> s)))));
  }

  @Test
  void theLayoutListsTheContinuousSitesInOrder() {
    LogDensity ld = LogDensity.of(hierarchical());
    assertEquals(List.of(Address.of("mu"), Address.of("tau"), Address.of("theta")),
        ld.layout().stream().map(LogDensity.Site::address).toList());
    assertEquals(10, ld.dimension());
    LogDensity m = LogDensity.of(mixed());
    assertEquals(2 + 1 + 1, m.dimension(), "simplex of 3 has 2 coordinates; k is held fixed");
    assertTrue(m.fixed().containsKey(Address.of("k")));
  }

  @Test
  void theValueIsTheLogJointAtTheConstrainedPointPlusTheLogJacobians() {
    for (Prob<Real> model : List.of(hierarchical(), mixed())) {
      LogDensity ld = LogDensity.of(model);
      UniformRandomProvider rng = Rngs.of(5);
      for (int rep = 0; rep < 20; rep++) {
        double[] theta = new double[ld.dimension()];
        for (int i = 0; i < theta.length; i++) {
          theta[i] = 2 * rng.nextDouble() - 1;
        }
        Map<Address, Object> values = new LinkedHashMap<>(ld.fixed());
        values.putAll(ld.constrain(theta));
        double jacobian = 0;
        for (LogDensity.Site s : ld.layout()) {
          Real[] u = Real.of(java.util.Arrays.copyOfRange(theta, s.offset(), s.offset() + s.dimension()));
          Bijection.Constrained c = s.bijection().forwardWithLogJacobian(u);
          jacobian += c.logAbsDetJacobian().value();
        }
        double expected = Traces.assess(model, values) + jacobian;
        assertEquals(expected, ld.logDensity(theta), 1e-9 * (1 + Math.abs(expected)));
        double[] g = new double[ld.dimension()];
        assertEquals(expected, ld.logDensityAndGradient(theta, g), 1e-9 * (1 + Math.abs(expected)));
      }
    }
  }

  @Test
  void theGradientMatchesFiniteDifferences() {
    for (Prob<Real> model : List.of(hierarchical(), mixed())) {
      LogDensity ld = LogDensity.of(model);
      UniformRandomProvider rng = Rngs.of(9);
      for (int rep = 0; rep < 10; rep++) {
        double[] theta = new double[ld.dimension()];
        for (int i = 0; i < theta.length; i++) {
          theta[i] = 2 * rng.nextDouble() - 1;
        }
        double[] g = new double[ld.dimension()];
        ld.logDensityAndGradient(theta, g);
        for (int i = 0; i < theta.length; i++) {
          double h = 1e-5;
          double[] p = theta.clone();
          double[] m = theta.clone();
          p[i] += h;
          m[i] -= h;
          double fd = (ld.logDensity(p) - ld.logDensity(m)) / (2 * h);
          assertEquals(fd, g[i], 1e-5 * (1 + Math.abs(fd)), "coordinate " + i);
        }
      }
    }
  }

  @Test
  void unconstrainAndTraceRoundTrip() {
    Prob<Real> model = mixed();
    Trace<Real> t = Traces.sample(model, Rngs.of(3));
    LogDensity ld = LogDensity.of(model, t);
    double[] theta = ld.unconstrain(t);
    Trace<?> back = ld.trace(theta);
    for (Choice c : t.ordered()) {
      Object v = back.value(c.address());
      if (v instanceof Real r) {
        assertEquals(((Real) c.value()).value(), r.value(), 1e-12, c.address().toString());
      } else if (v instanceof Real[] rs) {
        for (int i = 0; i < rs.length; i++) {
          assertEquals(((Real[]) c.value())[i].value(), rs[i].value(), 1e-12, c.address() + "[" + i + "]");
        }
      } else {
        assertEquals(c.value(), v, c.address().toString());
      }
    }
    assertEquals(t.logJoint(), back.logJoint(), 1e-9);
  }

  @Test
  void repeatedEvaluationReusesTheTape() {
    LogDensity ld = LogDensity.of(hierarchical());
    double[] theta = new double[ld.dimension()];
    double[] g = new double[ld.dimension()];
    double first = ld.logDensityAndGradient(theta, g);
    double[] g1 = g.clone();
    for (int i = 0; i < 1000; i++) {
      assertEquals(first, ld.logDensityAndGradient(theta, g));
    }
    assertEquals(java.util.Arrays.toString(g1), java.util.Arrays.toString(g), "the same gradient after 1000 reuses");
    LogDensity other = ld.copy();
    assertEquals(first, other.logDensityAndGradient(theta, g), "a copy evaluates alike");
  }

  @Test
  void aRunWhoseStructureChangesIsRefusedNamingTheAddress() {
    Prob<Real> model = sample("x", normal(0, 1), x -> x.value() > 0
        ? sample("y", normal(0, 1), y -> observe(normal(y, 1), 0.3).map(u -> x))
        : observe(normal(x, 1), 0.3).map(u -> x));
    Trace<Real> positive = Traces.generate(model, Map.of(Address.of("x"), Real.of(1.0)), Rngs.of(1)).trace();
    LogDensity ld = LogDensity.of(model, positive);
    assertEquals(2, ld.dimension());
    StructureChangeException e = assertThrows(StructureChangeException.class, () -> ld.logDensity(new double[] {-1, 0}));
    assertTrue(e.getMessage().contains("y"), e.getMessage());
    Trace<Real> negative = Traces.generate(model, Map.of(Address.of("x"), Real.of(-1.0)), Rngs.of(1)).trace();
    LogDensity ln = LogDensity.of(model, negative);
    StructureChangeException f = assertThrows(StructureChangeException.class, () -> ln.logDensity(new double[] {1}));
    assertTrue(f.getMessage().contains("y"), f.getMessage());
  }

  @Test
  void zeroDensityIsNegativeInfinity() {
    Prob<Real> model = sample("x", normal(0, 1), x -> condition(x.value() < 2).map(u -> x));
    LogDensity ld = LogDensity.of(model);
    assertEquals(Double.NEGATIVE_INFINITY, ld.logDensity(new double[] {3}));
    assertEquals(Double.NEGATIVE_INFINITY, ld.logDensityAndGradient(new double[] {3}, new double[1]));
    assertTrue(ld.logDensity(new double[] {1}) > Double.NEGATIVE_INFINITY);
  }
}
