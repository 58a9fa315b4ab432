package org.probity.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Deterministic;
import org.probity.dist.DistributionException;
import org.probity.handlers.Handlers;
import org.probity.random.Rngs;
import org.probity.semantics.Density;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;

/**
 * Deterministic sites: recorded in traces with the value the run computes, never sampled nor
 * weighted, and recomputed by every interpreter that replays or re-runs a program (traces, the
 * density semantics, the log-density view, substitution); the Enumerator and the Sampler agree.
 */
class DeterministicSiteTest {
  private static final Address S = Address.of("s");

  /** Two coins, their sum recorded as a deterministic site, an observation of the sum. */
  static Prob<Integer> coins() {
    return sample("a", bernoulli(0.3), a -> sample("b", bernoulli(0.6), b ->
        deterministic("s", (a ? 1 : 0) + (b ? 1 : 0)).flatMap(s ->
            observe(bernoulli(0.2 + 0.3 * s), true).map(u -> s))));
  }

  /** mu ~ N(0, 1), mu2 = mu + 1 recorded, y = 0.7 observed from N(mu2, 0.5). */
  static Prob<Real> shifted() {
    return sample("mu", normal(0, 1), mu -> deterministic("mu2", mu.plus(1)).flatMap(mu2 ->
        observe(normal(mu2, Real.of(0.5)), Real.of(0.7)).map(u -> mu2)));
  }

  private static double logNormal(double x, double m, double s) {
    double z = (x - m) / s;
    return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
  }

  @Test
  void theDistributionIsADiracAtTheValue() {
    Deterministic<Real[]> d = Deterministic.of(Real.of(1, 2));
    assertEquals(0.0, d.logDensity(Real.of(1, 2)));
    assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(Real.of(1, 3)));
    assertEquals(1, d.enumerateSupport().size());
    assertTrue(d.support().isDiscrete());
    assertEquals("Deterministic([1.0, 2.0])", d.name());
    assertThrows(DistributionException.class, () -> Deterministic.of(null));
  }

  @Test
  void theEnumeratorGivesTheExactLawWithoutForking() {
    Enumeration<Integer> e = Enumerator.enumerate(coins());
    // P(s) prop. to P(s) (0.2 + 0.3 s): P(0) = 0.28, P(1) = 0.54, P(2) = 0.18
    double z = 0.28 * 0.2 + 0.54 * 0.5 + 0.18 * 0.8;
    assertEquals(0.28 * 0.2 / z, e.probability(0), 1e-12);
    assertEquals(0.54 * 0.5 / z, e.probability(1), 1e-12);
    assertEquals(0.18 * 0.8 / z, e.probability(2), 1e-12);
    assertEquals(Math.log(z), e.logEvidence(), 1e-12);
    // over traces, each of the four paths is one trace whose s is a + b
    Enumeration<Trace<Integer>> traces = Enumerator.enumerate(Traces.posterior(coins()));
    assertEquals(4, traces.support().size());
    for (Trace<Integer> t : traces.support()) {
      int a = (Boolean) t.value("a") ? 1 : 0;
      int b = (Boolean) t.value("b") ? 1 : 0;
      assertEquals(a + b, t.value("s"));
      assertTrue(t.choice(S).isDeterministic());
      assertEquals(0.0, t.choice(S).logDensity());
    }
  }

  @Test
  void theSamplerAgreesWithTheEnumerator() {
    Enumeration<Integer> exact = Enumerator.enumerate(coins());
    int n = 40_000;
    double[] mass = new double[3];
    double total = 0;
    UniformRandomProvider rng = Rngs.of(11);
    for (int i = 0; i < n; i++) {
      Sampler.Run<Integer> r = Sampler.detailed(coins(), rng);
      double w = Math.exp(r.logWeight());
      mass[r.value()] += w;
      total += w;
    }
    for (int s = 0; s < 3; s++) {
      double p = exact.probability(s);
      // self-normalised weights in [0.2, 0.8]: the standard error is at most sqrt(p(1-p)/n) * 0.8/0.2
      double se = Math.sqrt(p * (1 - p) / n) * 4;
      assertEquals(p, mass[s] / total, 4 * se, "P(s = " + s + ")");
    }
  }

  @Test
  void aTraceRecordsTheSiteWithoutWeight() {
    Trace<Real> t = Traces.sample(shifted(), Rngs.of(3));
    double mu = ((Real) t.value("mu")).value();
    assertEquals(mu + 1, ((Real) t.value("mu2")).value(), 0.0);
    assertEquals(logNormal(mu, 0, 1), t.logPrior(), 1e-12, "the deterministic site adds nothing to the prior");
    assertEquals(logNormal(0.7, mu + 1, 0.5), t.logLikelihood(), 1e-12);
    assertEquals(List.of(Address.of("mu"), Address.of("mu2")), t.addresses());
  }

  @Test
  void reRunsRecomputeTheSiteInsteadOfKeepingOrTakingAValue() {
    Trace<Real> t = Traces.sample(shifted(), Rngs.of(3));
    // an update that changes mu: no fresh draw is needed, mu2 follows
    Optional<Update<Real>> u = Traces.updateDeterministic(t, Map.of(Address.of("mu"), Real.of(2.0)));
    assertTrue(u.isPresent(), "a deterministic site never needs a fresh draw");
    assertEquals(3.0, ((Real) u.get().trace().value("mu2")).value(), 0.0);
    assertTrue(u.get().fresh().isEmpty());
    // a value given for the site is ignored: replay recomputes it
    Map<Address, Object> values = new LinkedHashMap<>();
    values.put(Address.of("mu"), Real.of(-1.0));
    values.put(Address.of("mu2"), Real.of(42.0));
    Trace<Real> r = Traces.replay(shifted(), values);
    assertEquals(0.0, ((Real) r.value("mu2")).value(), 0.0);
    assertEquals(0.0, r.output().value(), 0.0);
    // regenerating mu redraws it and recomputes mu2; the weight has no term for mu2
    Traces.Updated<Real> g = Traces.regenerateTrace(t, Selection.of(Address.of("mu")), Rngs.of(8));
    double mu = ((Real) g.trace().value("mu")).value();
    assertEquals(mu + 1, ((Real) g.trace().value("mu2")).value(), 0.0);
    assertEquals(g.trace().logLikelihood() - t.logLikelihood(), g.logWeight(), 1e-12);
    assertFalse(g.discard().containsKey(Address.of("mu2")), "a recomputed site is not a discarded choice");
    // the reverse move needs no draw for mu2
    assertEquals(t.choice(Address.of("mu")).logDensity(),
        Traces.reverseLogFresh(t, g.trace(), java.util.Set.of(), Selection.of(Address.of("mu"))), 1e-12);
  }

  @Test
  void theDensitySemanticsRecomputesTheSite() {
    Map<Address, Object> without = Map.of(Address.of("mu"), Real.of(0.3));
    Map<Address, Object> stale = Map.of(Address.of("mu"), Real.of(0.3), Address.of("mu2"), Real.of(9.0));
    double expected = logNormal(0.3, 0, 1) + logNormal(0.7, 1.3, 0.5);
    assertEquals(expected, Density.logJoint(shifted(), without).value(), 1e-12);
    assertEquals(expected, Density.logJoint(shifted(), stale).value(), 1e-12);
    assertEquals(expected, Traces.assess(shifted(), stale), 1e-12);
    Map<Address, Object> grad = Traces.choiceGradients(Traces.replay(shifted(), without), Selection.all());
    // d/dmu [log N(mu; 0, 1) + log N(0.7; mu + 1, 0.5)] = -mu + (0.7 - mu - 1) / 0.25
    assertEquals(-0.3 + (0.7 - 1.3) / 0.25, (Double) grad.get(Address.of("mu")), 1e-12);
    assertFalse(grad.containsKey(Address.of("mu2")));
  }

  @Test
  void theLogDensityViewMovesOnlyTheChoicesAndRecomputesTheSite() {
    LogDensity ld = LogDensity.of(shifted());
    assertEquals(List.of(Address.of("mu")), ld.layout().stream().map(LogDensity.Site::address).toList());
    assertFalse(ld.fixed().containsKey(Address.of("mu2")), "a deterministic site is not held at the reference's value");
    for (double mu : new double[] {-1.5, 0.0, 0.4, 2.0}) {
      double expected = logNormal(mu, 0, 1) + logNormal(0.7, mu + 1, 0.5);
      assertEquals(expected, ld.logDensity(new double[] {mu}), 1e-12);
      double[] g = new double[1];
      assertEquals(expected, ld.logDensityAndGradient(new double[] {mu}, g), 1e-12);
      assertEquals(-mu + (0.7 - mu - 1) / 0.25, g[0], 1e-12);
      assertEquals(mu + 1, ((Real) ld.trace(new double[] {mu}).value("mu2")).value(), 0.0);
    }
  }

  @Test
  void substitutionAndReplayLeaveTheSiteToTheRun() {
    Prob<Real> fixed = Handlers.substitute(shifted(), Map.of("mu", 1.0, "mu2", 5.0));
    assertEquals(2.0, Sampler.sample(fixed, 1).value(), 0.0);
    Trace<Real> other = Traces.sample(shifted(), Rngs.of(5));
    Trace<Real> replayed = Traces.sample(Handlers.replay(shifted(), other), Rngs.of(6));
    assertEquals(List.of(Address.of("mu2")), replayed.addresses(), "mu is substituted away; mu2 stays a recorded site");
    assertEquals(other.value("mu2"), replayed.value("mu2"));
    assertEquals(other.output(), replayed.output());
  }

  @Test
  void generateRecordsTheSiteAndIgnoresAConstraintOnIt() {
    Sampler.Recorded<Real> r = Sampler.generate(shifted(), Map.of(Address.of("mu"), Real.of(0.5),
        Address.of("mu2"), Real.of(7.0)), Rngs.of(1));
    assertEquals(1.5, ((Real) r.choices().get(Address.of("mu2"))).value(), 0.0);
    assertEquals(logNormal(0.5, 0, 1) + logNormal(0.7, 1.5, 0.5), r.logWeight(), 1e-12);
    assertEquals(0.0, r.logProposal());
  }

  @Test
  void aDuplicateNameIsStillAnError() {
    Prob<Real> twice = sample("mu", normal(0, 1), mu -> deterministic("mu", mu));
    assertThrows(org.probity.core.DuplicateAddressException.class, () -> Sampler.sample(twice, 1));
  }
}
