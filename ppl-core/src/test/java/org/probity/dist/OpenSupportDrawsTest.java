package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/**
 * Draws stay in the open support (issue #14, item 3): vague priors whose samplers underflow or
 * round to a bound (Gamma(0.001, 0.001) gave exactly 0.0 on 47% of draws, Beta(0.01, 0.01) 0 or 1
 * on 35%) are moved to the nearest interior value, where the log density is finite.
 */
class OpenSupportDrawsTest {
  private static final int N = 20_000;

  private static void assertInterior(Continuous d, boolean reparameterised) {
    UniformRandomProvider rng = Rngs.of(7);
    double lo = d.supportLowerBound();
    double hi = d.supportUpperBound();
    for (int i = 0; i < N; i++) {
      double x = reparameterised ? d.rsample(rng).value() : d.sampleDouble(rng);
      assertTrue(x > lo && x < hi, d + " drew " + x + ", not in the open support (" + lo + ", " + hi + ")");
      double lp = d.logDensity(x);
      assertTrue(Double.isFinite(lp), d + " drew " + x + " with log density " + lp);
    }
  }

  @Test
  void vaguePriorsNeverDrawTheirBounds() {
    List<Continuous> ds = List.of(Gamma.of(0.001, 0.001), Gamma.of(0.01, 0.01), Beta.of(0.01, 0.01),
        Beta.of(0.001, 0.5), InverseGamma.of(0.001, 0.001), Exponential.of(1e300), LogNormal.of(0, 400),
        HalfNormal.of(1e-320), HalfCauchy.of(1e300), Weibull.of(0.01, 1), Uniform.of(0, Double.MIN_VALUE * 4));
    for (Continuous d : ds) {
      assertInterior(d, false);
      assertInterior(d, true);
    }
  }

  @Test
  void dirichletComponentsArePositive() {
    Dirichlet d = Dirichlet.of(new double[] {0.01, 0.01, 0.01});
    UniformRandomProvider rng = Rngs.of(3);
    for (int i = 0; i < N; i++) {
      Real[] x = i % 2 == 0 ? d.sample(rng) : d.rsample(rng);
      for (Real xi : x) {
        assertTrue(xi.value() > 0 && xi.value() < 1, "Dirichlet(0.01 x 3) drew a component " + xi.value());
      }
      assertTrue(Double.isFinite(d.logDensity(x)), "log density of a draw is " + d.logDensity(x));
    }
  }
}
