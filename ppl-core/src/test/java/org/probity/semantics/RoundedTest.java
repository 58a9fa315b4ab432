package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Four significant digits, trailing zeros dropped, scientific notation only at the extremes. */
class RoundedTest {
  @Test
  void fourSignificantDigits() {
    assertEquals("-7.005", Rounded.of(-7.004565746846122));
    assertEquals("0.6429", Rounded.of(9.0 / 14));
    assertEquals("2", Rounded.of(2.0));
    assertEquals("9812", Rounded.of(9812.3));
    assertEquals("0", Rounded.of(-0.0));
    assertEquals("0.0001235", Rounded.of(0.00012345));
    assertEquals("1.235e+06", Rounded.of(1234567));
    assertEquals("3.000e-05", Rounded.of(0.00003));
    assertEquals("NaN", Rounded.of(Double.NaN));
    assertEquals("-Infinity", Rounded.of(Double.NEGATIVE_INFINITY));
    assertEquals("-7.0046", Rounded.decimals(-7.004565746846122));
    assertEquals("0", Rounded.decimals(1.1e-16));
    assertEquals("0", Rounded.decimals(-1.1e-16));
    assertEquals("-1234.5", Rounded.decimals(-1234.5));
    assertEquals("[0.3333, 1]", Rounded.of(new double[] {1.0 / 3, 1}));
  }
}
