package org.probity.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

class Xoroshiro128PlusPlusTest {

  @Test
  void sameOutputAsCommonsRngReference() {
    long[][] states = {{1L, 2L}, {0x9E3779B97F4A7C15L, -1L}, {123456789L, 987654321L}};
    for (long[] st : states) {
      XoRoShiRo128PlusPlus ref = new XoRoShiRo128PlusPlus(st[0], st[1]);
      Xoroshiro128PlusPlus ours = new Xoroshiro128PlusPlus(0);
      ours.setState(st[0], st[1]);
      for (int i = 0; i < 1000; i++) {
        assertEquals(ref.nextLong(), ours.nextLong(), "draw " + i);
      }
    }
  }

  @Test
  void reseedGivesTheStreamOfAFreshGenerator() {
    Xoroshiro128PlusPlus reused = new Xoroshiro128PlusPlus(5);
    for (int i = 0; i < 100; i++) {
      long seed = Rngs.childSeed(42, i);
      reused.reseed(seed);
      Xoroshiro128PlusPlus fresh = new Xoroshiro128PlusPlus(seed);
      for (int k = 0; k < 10; k++) {
        assertEquals(fresh.nextLong(), reused.nextLong());
      }
    }
  }

  @Test
  void doublesAreInTheUnitInterval() {
    Xoroshiro128PlusPlus g = new Xoroshiro128PlusPlus(9);
    double sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double u = g.nextDouble();
      assertEquals(true, u >= 0 && u < 1);
      sum += u;
    }
    // mean of U(0,1) within 5 standard errors (sd 1/sqrt(12))
    assertEquals(0.5, sum / n, 5 / Math.sqrt(12.0 * n));
  }
}
