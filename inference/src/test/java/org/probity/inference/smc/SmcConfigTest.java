package org.probity.inference.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.probity.inference.composite.RmsmcConfig;

/** The settings records: defaults, withers that change one setting, and errors naming the bad one. */
class SmcConfigTest {
  @Test
  void defaultsAndWithers() {
    SmcConfig d = SmcConfig.DEFAULTS;
    assertEquals(new SmcConfig(1000, Resampler.SYSTEMATIC, OptionalInt.empty()), d);
    SmcConfig c = d.withParticles(7).withResampler(Resampler.RESIDUAL).withSteps(3);
    assertEquals(new SmcConfig(7, Resampler.RESIDUAL, OptionalInt.of(3)), c);
    assertEquals(OptionalInt.empty(), c.untilFinished().steps());
    RmsmcConfig<Integer> r = RmsmcConfig.<Integer>defaults().withParticles(5).withSteps(2).withMoves(3);
    assertEquals(new SmcConfig(5, Resampler.SYSTEMATIC, OptionalInt.of(2)), r.smc());
    assertEquals(3, r.moves());
  }

  @Test
  void badSettingsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SmcConfig.DEFAULTS.withParticles(0)).getMessage()
        .contains("particles must be at least 1, got 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SmcConfig.DEFAULTS.withSteps(-1)).getMessage()
        .contains("steps must be at least 0, got -1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RmsmcConfig.<Integer>defaults().withMoves(-2))
        .getMessage().contains("moves must be at least 0, got -2"));
  }
}
