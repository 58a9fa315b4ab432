package org.probity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner: passes true properties, finds and shrinks false ones, reports seed and try. */
class PropertyRunnerTest {
  static final Gen<Integer> INTS = (rng, size) -> rng.nextInt(1000);
  static final Shrinker<Integer> HALVE = x -> {
    List<Integer> out = new ArrayList<>();
    if (x > 0) {
      out.add(x / 2);
      out.add(x - 1);
    }
    return out;
  };

  @Test
  void truePropertiesPassAllTries() {
    AtomicInteger n = new AtomicInteger();
    Property.forAll(INTS, HALVE, 50, 1, x -> n.incrementAndGet() > 0 && x >= 0);
    assertEquals(50, n.get());
  }

  @Test
  void falsePropertiesShrinkToTheLocalMinimum() {
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(INTS, HALVE, 50, 1, x -> x < 100));
    assertEquals(100, f.counterexample());
    assertTrue(f.getMessage().contains("seed 1"), f.getMessage());
    assertTrue(f.getMessage().contains("\n100\n"), f.getMessage());
  }

  @Test
  void exceptionsAreFailuresWithTheirReason() {
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(INTS, HALVE, 50, 2, x -> {
      if (x >= 10) {
        throw new IllegalStateException("too big: " + x);
      }
      return true;
    }));
    assertEquals(10, f.counterexample());
    assertTrue(f.getMessage().contains("too big: 10"), f.getMessage());
  }

  @Test
  void aFailureIsReproducibleFromSeedAndTry() {
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(INTS, Shrinker.none(), 50, 3, x -> x < 900));
    PropertyFailure g = assertThrows(PropertyFailure.class,
        () -> Property.forAll(INTS, Shrinker.none(), f.tryIndex() + 1, 3, x -> x < 900));
    assertEquals(f.counterexample(), g.counterexample());
    assertEquals(f.tryIndex(), g.tryIndex());
  }
}
