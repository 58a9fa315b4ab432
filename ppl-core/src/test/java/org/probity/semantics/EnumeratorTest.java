package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.UnsupportedConstructException;
import org.probity.core.ZeroWeightException;

class EnumeratorTest {

  /** Two fair coins, conditioned on at least one head: P(first = head) = 2/3, evidence 3/4. */
  @Test
  void twoCoinsConditioned() {
    Prob<Boolean> m = sample(bernoulli(0.5)).flatMap(a ->
        sample(bernoulli(0.5)).flatMap(b ->
            condition(a || b).map(u -> a)));
    Enumeration<Boolean> e = Enumerator.enumerate(m);
    assertEquals(2.0 / 3, e.probability(true), 1e-12);
    assertEquals(Math.log(0.75), e.logEvidence(), 1e-12);
  }

  @Test
  void independentProductIsEnumerated() {
    Prob<Integer> m = independent(3, i -> sample(bernoulli(0.5))).map(xs -> (int) xs.stream().filter(x -> x).count());
    Enumeration<Integer> e = Enumerator.enumerate(m);
    assertEquals(3.0 / 8, e.probability(2), 1e-12);
    assertEquals(1.0 / 8, e.probability(3), 1e-12);
  }

  @Test
  void continuousChoiceNamesTheAddress() {
    Prob<Double> m = sample("mu", normal(0, 1)).map(r -> r.value());
    UnsupportedConstructException ex = assertThrows(UnsupportedConstructException.class, () -> Enumerator.enumerate(m));
    assertTrue(ex.getMessage().contains("mu"), ex.getMessage());
    assertTrue(ex.getMessage().contains("Normal"), ex.getMessage());
  }

  @Test
  void impossibleObservationsAreAnError() {
    Prob<Boolean> m = sample(bernoulli(0.5)).flatMap(a -> observe(bernoulli(1.0), false).map(u -> a));
    assertThrows(ZeroWeightException.class, () -> Enumerator.enumerate(m));
  }

  @Test
  void millionLeftNestedBindsRun() {
    Prob<Integer> p = pure(0);
    for (int i = 0; i < 1_000_000; i++) {
      p = p.map(x -> x + 1);
    }
    assertEquals(1_000_000, Sampler.sample(p, 1));
    assertEquals(1.0, Enumerator.enumerate(p).probability(1_000_000), 0);
  }

  @Test
  void millionRightNestedBindsRun() {
    Prob<Integer> p = fold(0, 1_000_000, 0, (s, i) -> pure(s + 1));
    assertEquals(1_000_000, Sampler.sample(p, 1));
    Prob<List<Boolean>> q = forEach(0, 1_000_000, i -> pure(i % 2 == 0));
    assertEquals(1_000_000, Sampler.sample(q, 1).size());
  }
}
