package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.random.Rngs;

/**
 * {@link Continuous#doublePathIsExact}: where a family says so, its double log density is its
 * {@code logProb}'s value bit for bit, at draws, at arbitrary reals (out of the support too) and
 * for random parameters, constant or variables of a tape (whose log-scale is recomputed).
 */
class DoublePathTest {
  private static final int PARAMETER_SETS = 200;
  private static final int POINTS = 50;

  /** A family that says its double path is exact, built from two random parameters in (0.1, 10). */
  private record Family(String name, Function<Real[], Continuous> of) {
  }

  private static List<Family> families() {
    return List.of(
        new Family("Normal", p -> Normal.of(p[0].minus(5), p[1])),
        new Family("HalfCauchy", p -> HalfCauchy.of(p[1])));
  }

  @TestFactory
  Stream<DynamicTest> doublePathIsTheRealPath() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Family f : families()) {
      tests.add(DynamicTest.dynamicTest(f.name(), () -> {
        UniformRandomProvider rng = Rngs.of(f.name().hashCode());
        for (int k = 0; k < PARAMETER_SETS; k++) {
          double a = 0.1 + 9.9 * rng.nextDouble();
          double b = 0.1 + 9.9 * rng.nextDouble();
          boolean variables = k % 2 == 1;
          Tape tape = new Tape();
          Real[] p = variables ? new Real[] {tape.variable(a), tape.variable(b)} : new Real[] {Real.of(a), Real.of(b)};
          Continuous d = f.of().apply(p);
          assertTrue(d.doublePathIsExact(), f.name());
          for (int i = 0; i < POINTS; i++) {
            double x = i % 2 == 0 ? d.sampleDouble(rng) : 40 * (rng.nextDouble() - 0.5);
            assertEquals(Double.doubleToRawLongBits(d.logProb(Real.of(x)).value()),
                Double.doubleToRawLongBits(d.logDensity(x)), d + " at " + x);
          }
        }
      }));
    }
    return tests.stream();
  }

  /** The check can fail: HalfCauchy's former double path (the same density, summed in another order) differs. */
  @Test
  void anotherOrderOfTheSameSumIsCaught() {
    UniformRandomProvider rng = Rngs.of(7);
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
      double scale = 0.1 + 9.9 * rng.nextDouble();
      HalfCauchy d = HalfCauchy.of(scale);
      double x = d.sampleDouble(rng);
      double z = x / scale;
      double former = -Math.log1p(z * z) - Math.log(scale) + Special.LOG2 - Special.LOG_PI;
      if (Double.compare(former, d.logProb(Real.of(x)).value()) != 0) {
        differ++;
      }
    }
    assertTrue(differ > 100, "draws where the other order differs: " + differ);
  }

  /** Families that do not say so keep the default. */
  @Test
  void theDefaultIsNo() {
    assertEquals(false, Cauchy.of(0, 1).doublePathIsExact());
    assertEquals(false, Gamma.of(2, 1).doublePathIsExact());
  }
}
