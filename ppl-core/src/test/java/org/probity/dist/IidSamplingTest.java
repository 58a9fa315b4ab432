package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/** Iid draws are the base distribution's draws in order, also on Normal's one-sampler fast path. */
class IidSamplingTest {
  @Test
  void normalFastPathDrawsTheSameStreamAsSingleDraws() {
    Normal d = Normal.of(0.5, 2);
    double[] fast = Real.values(new Iid(d, 50).sample(Rngs.of(5)));
    UniformRandomProvider rng = Rngs.of(5);
    double[] single = new double[50];
    for (int i = 0; i < single.length; i++) {
      single[i] = d.sampleDouble(rng);
    }
    assertArrayEquals(single, fast, 0.0);
    // and the generator is left in the same state
    UniformRandomProvider a = Rngs.of(9);
    UniformRandomProvider b = Rngs.of(9);
    d.sampleDoubles(a, 7);
    for (int i = 0; i < 7; i++) {
      d.sampleDouble(b);
    }
    assertEquals(b.nextLong(), a.nextLong());
  }

  @Test
  void otherBasesDrawInOrder() {
    Gamma g = Gamma.of(2, 1);
    double[] xs = Real.values(new Iid(g, 10).sample(Rngs.of(3)));
    UniformRandomProvider rng = Rngs.of(3);
    for (double x : xs) {
      assertEquals(g.sampleDouble(rng), x, 0.0);
    }
  }
}
