package org.probity.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The handlers on a program whose choices' continuations return the next choice directly
 * ({@code sample(d, x -> sample(...))}): a handler that gives a choice its value must not let the
 * next choice be taken for it (it was named and handled as the fixed site's before the fix). The
 * general laws are proofs' {@code HandlerLawsTest}, {@code SeedTest} and {@code SiteNamingTest}.
 */
class HandlersTest {
  /** a ~ Bernoulli(0.3), then b ~ Bernoulli(0.6) in a's own continuation; result a + 2b. */
  static final Prob<Integer> NESTED = sample("a", bernoulli(0.3), x -> sample("b", bernoulli(0.6),
      y -> pure((x ? 1 : 0) + (y ? 2 : 0))));

  @Test
  void aSubstitutedChoiceLeavesTheNextChoiceItsOwnSite() {
    Prob<Integer> s = Handlers.substitute(NESTED, Map.of("a", true));
    Enumeration<Trace<Integer>> traces = Enumerator.enumerate(Traces.posterior(s));
    for (Trace<Integer> t : traces.support()) {
      assertEquals(List.of(Address.of("b")), t.addresses(), "the only choice left is b: " + t);
    }
    assertEquals(0.4, Enumerator.enumerate(s).probability(1), 1e-12);
    assertEquals(0.6, Enumerator.enumerate(s).probability(3), 1e-12);
    // a condition outside sees b at its own address
    List<Weighted<Integer>> c = Enumerator.unnormalised(Handlers.condition(s, Map.of("b", true)));
    assertEquals(1, c.size());
    assertEquals(3, c.get(0).value());
    assertEquals(Math.log(0.6), c.get(0).logWeight(), 1e-12);
  }

  @Test
  void aSeededProgramIsDeterministicWhateverItsContinuations() {
    Prob<Integer> anonymous = sample(bernoulli(0.3), x -> sample(bernoulli(0.6), y -> pure((x ? 1 : 0) + (y ? 2 : 0))));
    for (Prob<Integer> p : List.of(NESTED, anonymous)) {
      for (long seed = 0; seed < 20; seed++) {
        assertEquals(1, Enumerator.unnormalised(Handlers.seed(p, seed)).size(), "seed " + seed);
      }
    }
  }

  @Test
  void replayingATraceGivesItsPath() {
    for (Trace<Integer> t : Enumerator.enumerate(Traces.prior(NESTED)).support()) {
      List<Weighted<Integer>> r = Enumerator.unnormalised(Handlers.replay(NESTED, t));
      assertEquals(1, r.size(), t.toString());
      assertEquals(t.output(), r.get(0).value());
      assertEquals(0.0, r.get(0).logWeight(), 1e-12);
    }
  }
}
