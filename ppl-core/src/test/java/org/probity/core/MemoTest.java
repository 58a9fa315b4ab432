package org.probity.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.semantics.Sampler;
import org.probity.trace.LogDensity;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Stochastic memoisation: within a run, the same argument gives the same draw at a stable
 * address; across runs nothing is shared; the Sampler, the Enumerator (exactly), traces and the
 * log-density view agree; independent parts read values drawn before them and refuse to draw new
 * ones.
 */
class MemoTest {
  private static final List<String> COLOURS = List.of("blue", "green", "brown");

  /** WebPPL's eye-colour example: two people's memoised colours conditioned equal; bob's colour, asked twice. */
  static Prob<String> eyes() {
    Function<String, Prob<String>> eyeColor = mem("eyeColor", person -> categorical(COLOURS, 0.5, 0.3, 0.2));
    return eyeColor.apply("bob").flatMap(b -> eyeColor.apply("alice").flatMap(a ->
        condition(a.equals(b)).then(() -> eyeColor.apply("bob").map(again -> {
          if (!again.equals(b)) {
            throw new AssertionError("memoised call changed its value: " + b + " then " + again);
          }
          return again;
        }))));
  }

  @Test
  void theEnumeratorGivesTheExactLaw() {
    Enumeration<String> e = Enumerator.enumerate(eyes());
    double z = 0.25 + 0.09 + 0.04;
    assertEquals(0.25 / z, e.probability("blue"), 1e-12);
    assertEquals(0.09 / z, e.probability("green"), 1e-12);
    assertEquals(0.04 / z, e.probability("brown"), 1e-12);
    assertEquals(Math.log(z), e.logEvidence(), 1e-12);
    // without memoisation the second "bob" would be a fresh draw and the law the prior
    Enumeration<Trace<String>> traces = Enumerator.enumerate(Traces.posterior(eyes()));
    assertEquals(3, traces.support().size(), "one trace per common colour");
    for (Trace<String> t : traces.support()) {
      assertEquals(List.of(Address.of("eyeColor", "bob"), Address.of("eyeColor", "alice")), t.addresses());
    }
  }

  @Test
  void theSamplerAgreesWithTheEnumerator() {
    Enumeration<String> exact = Enumerator.enumerate(eyes());
    int n = 30_000;
    int kept = 0;
    int blue = 0;
    UniformRandomProvider rng = Rngs.of(21);
    for (int i = 0; i < n; i++) {
      Sampler.Run<String> r = Sampler.detailed(eyes(), rng);
      if (r.logWeight() == 0.0) {
        kept++;
        blue += r.value().equals("blue") ? 1 : 0;
      }
    }
    double p = exact.probability("blue");
    assertEquals(p, blue / (double) kept, 4 * Math.sqrt(p * (1 - p) / kept));
    assertEquals(0.38, kept / (double) n, 4 * Math.sqrt(0.38 * 0.62 / n), "P(equal colours)");
  }

  @Test
  void eachRunHasItsOwnTable() {
    Function<Integer, Prob<Boolean>> coin = mem("coin", i -> bernoulli(0.5));
    Prob<List<Boolean>> three = coin.apply(1).flatMap(a -> coin.apply(2).flatMap(b -> coin.apply(1).map(c -> List.of(a, b, c))));
    int n = 4000;
    int firstTrue = 0;
    int agree12 = 0;
    UniformRandomProvider rng = Rngs.of(3);
    for (int i = 0; i < n; i++) {
      List<Boolean> v = Sampler.run(three, rng).value();
      assertEquals(v.get(0), v.get(2));
      firstTrue += v.get(0) ? 1 : 0;
      agree12 += v.get(0).equals(v.get(1)) ? 1 : 0;
    }
    double se = Math.sqrt(0.25 / n);
    assertEquals(0.5, firstTrue / (double) n, 4 * se, "runs do not share the memoised value");
    assertEquals(0.5, agree12 / (double) n, 4 * se, "different arguments draw independently");
    Enumeration<List<Boolean>> e = Enumerator.enumerate(three);
    assertEquals(4, e.support().size());
    for (List<Boolean> v : e.support()) {
      assertEquals(0.25, e.probability(v), 1e-12);
    }
  }

  @Test
  void theLogDensityViewLaysOutEachMemoisedValueOnce() {
    Function<Integer, Prob<Real>> theta = mem("theta", j -> normal(0, 1));
    Prob<Real> model = theta.apply(0).flatMap(a -> theta.apply(1).flatMap(b -> theta.apply(0).flatMap(a2 ->
        observe(normal(a2.plus(b), Real.of(1)), Real.of(0.5)).map(u -> a2))));
    LogDensity ld = LogDensity.of(model);
    assertEquals(List.of(Address.of("theta", 0), Address.of("theta", 1)),
        ld.layout().stream().map(LogDensity.Site::address).toList());
    double a = 0.3;
    double b = -0.8;
    double expected = -0.5 * a * a - 0.5 * b * b - 0.5 * (0.5 - a - b) * (0.5 - a - b) - 1.5 * Math.log(2 * Math.PI);
    double[] g = new double[2];
    assertEquals(expected, ld.logDensityAndGradient(new double[] {a, b}, g), 1e-12);
    assertEquals(-a + (0.5 - a - b), g[0], 1e-12);
    assertEquals(-b + (0.5 - a - b), g[1], 1e-12);
  }

  @Test
  void independentPartsReadEarlierValuesButDrawNoNewOnes() {
    Function<Integer, Prob<Integer>> level = mem("level", i -> categorical(0.2, 0.8));
    // 40 parts: the Sampler runs them apart (in parallel), each reading the value drawn before
    Prob<Boolean> reads = level.apply(0).flatMap(l -> independent(40, i -> level.apply(0))
        .map(ls -> ls.stream().allMatch(x -> x.equals(l))));
    for (long seed = 0; seed < 20; seed++) {
      assertTrue(Sampler.sample(reads, seed));
    }
    Enumeration<Boolean> exact = Enumerator.enumerate(level.apply(0).flatMap(l -> independent(3, i -> level.apply(0))
        .map(ls -> ls.stream().allMatch(x -> x.equals(l)))));
    assertEquals(1.0, exact.probability(true), 0.0);
    Prob<List<Integer>> draws = independent(2, i -> level.apply(7));
    UnsupportedConstructException s = assertThrows(UnsupportedConstructException.class, () -> Sampler.sample(draws, 1));
    assertTrue(s.getMessage().contains("level[7]"), s.getMessage());
    assertThrows(UnsupportedConstructException.class, () -> Enumerator.enumerate(draws));
    assertThrows(UnsupportedConstructException.class, () -> Traces.sample(draws, Rngs.of(1)));
  }

  @Test
  void anOrdinaryChoiceAtAMemoisedAddressIsADuplicate() {
    Function<Integer, Prob<Boolean>> coin = mem("coin", i -> bernoulli(0.5));
    Prob<Boolean> clash = coin.apply(1).flatMap(c -> sample(addr("coin", 1), bernoulli(0.5)));
    assertThrows(DuplicateAddressException.class, () -> Sampler.sample(clash, 1));
  }

  @Test
  void argumentsNameTheAddress() {
    Function<Object, Prob<Boolean>> f = mem("f", k -> bernoulli(0.5));
    Trace<Boolean> t = Traces.sample(f.apply(List.of("a", 2)).then(f.apply(Thread.State.NEW)).then(f.apply(true)),
        Rngs.of(1));
    assertEquals(List.of(Address.parse("f/a[2]"), Address.parse("f/NEW"), Address.parse("f/true")), t.addresses());
    InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> Sampler.sample(f.apply(2.5), 1));
    assertTrue(e.getMessage().contains("2.5"), e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
