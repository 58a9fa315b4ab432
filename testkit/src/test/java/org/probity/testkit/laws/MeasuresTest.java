package org.probity.testkit.laws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact comparison the laws rest on must itself be able to fail. */
class MeasuresTest {
  @Test
  void aResultOnOneSideOnlyIsADifference() {
    assertNotNull(Measures.difference(Map.of(1, 0.0), Map.of(2, 0.0)));
    assertNotNull(Measures.difference(Map.of(1, -700.0), Map.of()));
    assertFalse(Measures.close(0.0, Double.NEGATIVE_INFINITY));
    assertFalse(Measures.close(Double.NaN, Double.NaN));
  }

  @Test
  void equalMeasuresWithinTheToleranceAgree() {
    assertTrue(Measures.close(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
    assertNull(Measures.difference(Map.of(1, -1.0, 2, -2.0), Map.of(2, -2.0 + 1e-12, 1, -1.0)));
    assertNotNull(Measures.difference(Map.of(1, -1.0), Map.of(1, -1.0 + 1e-6)));
  }
}
