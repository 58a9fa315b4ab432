package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.ZeroWeightException;

/**
 * Issue #14, item 7: a zero weight everywhere names the site in importance sampling and the
 * Enumerator; a value of the wrong type in Density.replay is a named error, not a ClassCastException.
 */
class ErrorsNameTheSiteTest {
  @Test
  void importanceSamplingNamesWhereTheWeightBecameZero() {
    Prob<Double> m = sample("x", normal(0, 1), x -> observe("y", uniform(0, 1), 5.0).map(u -> x.value()));
    ZeroWeightException e = assertThrows(ZeroWeightException.class, () -> ImportanceSampling.run(m, 50, 1));
    assertTrue(e.getMessage().contains("y") && e.getMessage().contains("Uniform"), e.getMessage());
  }

  @Test
  void theEnumeratorNamesWhereTheWeightBecameZero() {
    Prob<Boolean> m = sample("k", bernoulli(0.5), k -> observe("obs", bernoulli(0.0), true).map(u -> k));
    ZeroWeightException e = assertThrows(ZeroWeightException.class, () -> Enumerator.enumerate(m));
    assertTrue(e.getMessage().contains("obs"), e.getMessage());
  }

  @Test
  void aWrongValueTypeInReplayIsNamed() {
    Prob<?> m = sample("x", normal(0, 1));
    ProbityException e = assertThrows(ProbityException.class, () -> Density.replay(m, Map.of(addr("x"), "abc")));
    assertTrue(e.getMessage().contains("x") && e.getMessage().contains("abc"), e.getMessage());
    ProbityException f = assertThrows(ProbityException.class, () -> Density.replay(sample("b", bernoulli(0.5)),
        Map.of(addr("b"), 1.5)));
    assertTrue(f.getMessage().contains("b") && f.getMessage().contains("1.5"), f.getMessage());
  }
}
