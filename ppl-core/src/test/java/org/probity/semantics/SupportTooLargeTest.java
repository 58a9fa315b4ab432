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
}
