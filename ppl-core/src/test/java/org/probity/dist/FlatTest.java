package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.flat;
import static org.probity.Probity.flatPositive;
import static org.probity.Probity.sample;

import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;
import org.probity.bijection.Bijections;
import org.probity.bijection.Identity;
import org.probity.bijection.Positive;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;

/** The improper flat priors: log density 0 on the support, and a specific exception when sampled. */
class FlatTest {
  @Test
  void samplingAnImproperPriorThrowsNamingTheProblem() {
    for (Flat f : new Flat[] {flat(), flatPositive()}) {
      ImproperPriorException e = assertThrows(ImproperPriorException.class, () -> f.sample(Rngs.of(1)));
      assertTrue(e.getMessage().contains(f.name()) && e.getMessage().contains("improper prior")
          && e.getMessage().contains("need a proper prior") && e.getMessage().contains("gradient-based"), e.getMessage());
      assertThrows(ImproperPriorException.class, () -> f.sampleDouble(Rngs.of(1)));
      assertThrows(ImproperPriorException.class, () -> f.vector(3).sample(Rngs.of(1)));
      assertThrows(ImproperPriorException.class, () -> f.ordered(2).sample(Rngs.of(1)));
      assertThrows(ImproperPriorException.class, () -> Sampler.run(sample("x", f), 3));
    }
  }

  @Test
  void logDensityIsZeroOnTheSupportOnly() {
    for (double x : new double[] {-1e300, -2, 0, 3.5, 1e300}) {
      assertEquals(0.0, flat().logDensity(x));
      assertEquals(0.0, flat().logProb(Real.of(x)).value());
    }
    assertEquals(Double.NEGATIVE_INFINITY, flat().logDensity(Double.NaN));
    assertEquals(Double.NEGATIVE_INFINITY, flat().logDensity(Double.POSITIVE_INFINITY));
    assertEquals(0.0, flatPositive().logDensity(1e-300));
    assertEquals(0.0, flatPositive().logDensity(7));
    assertEquals(Double.NEGATIVE_INFINITY, flatPositive().logDensity(0));
    assertEquals(Double.NEGATIVE_INFINITY, flatPositive().logDensity(-1));
    assertEquals(0.0, Grad.grad(x -> flat().logProb(x[0]), new double[] {1.5}).gradient()[0]);
    assertTrue(Double.isNaN(flat().mean()) && Double.isNaN(flatPositive().variance()));
  }

  @Test
  void supportsGiveGradientSamplersTheirBijections() {
    assertEquals(new Constraint.RealLine(), flat().support());
    assertEquals(new Constraint.Positive(), flatPositive().support());
    assertEquals(new Identity(), Bijections.forConstraint(flat().support()));
    assertEquals(new Positive(), Bijections.forConstraint(flatPositive().support()));
    assertEquals(new Constraint.Independent(new Constraint.RealLine(), 4), flat().vector(4).support());
    assertEquals(new Constraint.PositiveOrdered(2), flatPositive().ordered(2).support());
  }
}
