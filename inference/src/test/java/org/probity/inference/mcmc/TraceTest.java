package org.probity.inference.mcmc;

import org.probity.trace.Traces;

import org.probity.trace.Update;

import org.probity.trace.Selection;

import org.probity.trace.Trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.DuplicateAddressException;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.dist.Normal;
import org.probity.random.Rngs;
import org.probity.semantics.Density;
import org.probity.semantics.Sampler;

class TraceTest {
  /** Named, anonymous, array-valued and independent choices with a plate likelihood. */
  static Prob<Double> mixed() {
    return sample("mu", normal(0, 1)).flatMap(mu ->
        sample("k", poisson(2.0)).flatMap(k ->
            sample(bernoulli(0.3)).flatMap(b ->
                sample("v", Normal.of(0, 1).iid(3)).flatMap(v ->
                    independent(2, i -> sample(normal(mu.value() + i, 1))).flatMap(zs ->
                        plate(normal(mu, 1.0), new double[] {0.2, -0.1, 0.4})
                            .then(() -> observe("y", normal(zs.get(1), 1.0), Real.of(1.5)))
                            .then(() -> pure(mu.value() + k + (b ? 1 : 0) + v[0].value())))))));
  }

  @Test
  void recordsChoicesWithDensitiesAgreeingWithDensityReplay() {
    Trace<Double> t = Traces.sample(mixed(), Rngs.of(3));
    assertEquals(List.of(Address.of("mu"), Address.of("k"), Address.parse("#0"), Address.of("v"),
        Address.parse("#1[0]/#0"), Address.parse("#1[1]/#0")), t.addresses());
    Density.Result<Double> r = Density.replay(mixed(), t.values());
    assertEquals(r.logPrior().value(), t.logPrior(), 1e-12);
    assertEquals(r.logLikelihood().value(), t.logLikelihood(), 1e-12);
    assertEquals(r.value(), t.output());
    Sampler.Recorded<Double> rec = Sampler.record(mixed(), Rngs.of(99));
    assertEquals(rec.choices().keySet(), Traces.replay(mixed(), rec.choices()).choices().keySet());
  }

  @Test
  void tracesAreValues() {
    Trace<Double> a = Traces.sample(mixed(), Rngs.of(5));
    Trace<Double> b = Traces.replay(mixed(), a.values());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0, a.compareTo(b));
    Trace<Double> c = Traces.sample(mixed(), Rngs.of(6));
    assertNotEquals(a, c);
    assertEquals(-c.compareTo(a), a.compareTo(c));
    assertTrue(a.toString().contains("mu ~ Normal"), a.toString());
  }

  @Test
  void jsonRoundTrip() {
    Trace<Double> a = Traces.sample(mixed(), Rngs.of(7));
    String json = TraceJson.write(a);
    Trace<Double> b = TraceJson.read(json, mixed());
    assertEquals(a, b);
    assertEquals(a.logJoint(), b.logJoint(), 0);
    assertArrayEquals(Real.values((Real[]) a.value("v")), Real.values((Real[]) TraceJson.readValues(json).get(Address.of("v"))));
    assertTrue(json.contains("\"type\" : \"real[]\""), json);
    Prob<Double> other = sample("mu", normal(5, 1)).flatMap(mu -> mixed());
    assertThrows(ProbityException.class, () -> TraceJson.read(json, other));
  }

  @Test
  void zeroDensityNamesTheSite() {
    Prob<Real> m = sample("x", normal(0, 1)).flatMap(x -> observe("y", uniform(10, 11), Real.of(0.5)).then(() -> pure(x)));
    Trace<Real> t = Traces.sample(m, Rngs.of(1));
    assertEquals(Double.NEGATIVE_INFINITY, t.logJoint());
    assertTrue(t.zeroSite().contains("y"), t.zeroSite());
  }

  @Test
  void duplicateAddressesAreAnError() {
    Prob<Real> m = sample("x", normal(0, 1)).flatMap(x -> sample("x", normal(0, 1)));
    assertThrows(DuplicateAddressException.class, () -> Traces.sample(m, Rngs.of(1)));
  }

  @Test
  void updateKeepsValidValuesAndDrawsTheRest() {
    Trace<Integer> t = Traces.replay(Models.branching(), Map.of(Address.of("b"), true, Address.of("x"), 2));
    Update<Integer> u = Sampler.run(Traces.update(t, Map.of(Address.of("b"), false), Selection.none()), 4).value();
    // x = 2 is not a Boolean: redrawn; y is new: drawn.
    assertEquals(java.util.Set.of(Address.of("x"), Address.of("y")), u.fresh());
    assertEquals(Boolean.FALSE, u.trace().value("b"));
    assertTrue(Traces.updateDeterministic(t, Map.of(Address.of("b"), false)).isEmpty());
    assertEquals(Double.NEGATIVE_INFINITY, Traces.reverseLogFresh(t, Traces.replay(Models.branching(),
        Map.of(Address.of("b"), true, Address.of("x"), 1)), java.util.Set.of(), Selection.none()));
  }
}
