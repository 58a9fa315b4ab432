package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.dist.DiscreteUniform;
import org.probity.dist.SupportTooLargeException;

/**
 * Huge finite supports are refused with a named error (issue #14, item 10): enumerating
 * discreteUniform(0, Integer.MAX_VALUE) overflowed the list's size or ran out of memory.
 */
class SupportTooLargeTest {
  @Test
  void aHugeSupportIsRefusedNotOverflowed() {
    SupportTooLargeException e = assertThrows(SupportTooLargeException.class,
        () -> DiscreteUniform.of(0, Integer.MAX_VALUE).enumerateSupport());
    assertEquals(1_000_000, e.limit());
    assertEquals(2147483648.0, e.size());
    assertTrue(e.getMessage().contains("2147483648") && e.getMessage().contains("1000000"), e.getMessage());
    assertThrows(SupportTooLargeException.class, () -> DiscreteUniform.of(Integer.MIN_VALUE, Integer.MAX_VALUE)
        .enumerateSupport(Long.MAX_VALUE));
  }

  @Test
  void theLimitIsConfigurable() {
    assertThrows(SupportTooLargeException.class, () -> DiscreteUniform.of(0, 20).enumerateSupport(10));
    assertEquals(List.of(3, 4, 5), DiscreteUniform.of(3, 5).enumerateSupport(3));
    assertEquals(1_000_000, DiscreteUniform.of(1, 1_000_000).enumerateSupport().size());
  }

  @Test
  void theEnumeratorNamesTheSite() {
    EnumerationLimitException e = assertThrows(EnumerationLimitException.class,
        () -> Enumerator.enumerate(sample("k", discreteUniform(0, Integer.MAX_VALUE))));
    assertTrue(e.getMessage().contains("k") && e.getMessage().contains("more than the limit"), e.getMessage());
  }

  @Test
  void theEnumeratorsLimitsBoundTheSupportOfAChoice() {
    // one more value than the default limit: refused by default, enumerated exactly with a higher maxSupport
    var m = sample("k", discreteUniform(0, 1_000_000)).map(k -> k % 2 == 0);
    EnumerationLimitException e = assertThrows(EnumerationLimitException.class, () -> Enumerator.enumerate(m));
    assertTrue(e.getMessage().contains("maxSupport") && e.getMessage().contains("1000001"), e.getMessage());
    Enumeration<Boolean> big = Enumerator.enumerate(m, Enumerator.Limits.DEFAULT.withMaxSupport(2_000_000));
    assertEquals(500_001 / 1_000_001.0, big.probability(true), 1e-12);
    // a lower bound refuses smaller supports, for Discrete and for other finite distributions alike
    var small = sample("k", discreteUniform(0, 9)).flatMap(k -> sample("c", multinomial(3, 0.2, 0.3, 0.5)).map(c -> k));
    assertEquals(10, Enumerator.enumerate(small, new Enumerator.Limits(1000, 10, 10)).support().size());
    EnumerationLimitException onK = assertThrows(EnumerationLimitException.class,
        () -> Enumerator.enumerate(small, new Enumerator.Limits(1000, 10, 9)));
    assertTrue(onK.getMessage().contains("at k"), onK.getMessage());
    // multinomial(3, three categories) has C(5, 2) = 10 outcomes
    EnumerationLimitException onC = assertThrows(EnumerationLimitException.class, () -> Enumerator.enumerate(
        sample("c", multinomial(3, 0.2, 0.3, 0.5)), Enumerator.Limits.DEFAULT.withMaxSupport(9)));
    assertTrue(onC.getMessage().contains("at c"), onC.getMessage());
    assertEquals(3, Enumerator.enumerate(sample("b", categorical(0.2, 0.3, 0.5)).map(b -> b),
        Enumerator.Limits.DEFAULT.withMaxSupport(3)).support().size());
    assertThrows(EnumerationLimitException.class, () -> Enumerator.enumerate(sample("e", categorical(List.of("a", "b",
        "c"), 1, 1, 1)), Enumerator.Limits.DEFAULT.withMaxSupport(2)));
    assertThrows(IllegalArgumentException.class, () -> new Enumerator.Limits(1, 1, 0));
    assertEquals(DiscreteUniform.MAX_ENUMERATED_SUPPORT, new Enumerator.Limits(5, 5).maxSupport());
  }
}
