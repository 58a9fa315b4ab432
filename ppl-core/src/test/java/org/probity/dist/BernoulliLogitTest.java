package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulliLogit;
import static org.probity.Probity.sample;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;
import org.probity.random.Rngs;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/** BernoulliLogit agrees with Bernoulli(logistic(eta)) and stays finite where that underflows. */
class BernoulliLogitTest {
  private static final double[] ETAS = {-800, -40, -5, -0.3, 0, 0.7, 3, 40, 800};

  @Test
  void matchesBernoulliOfTheLogisticWhereThatIsAccurate() {
    for (double eta : new double[] {-8, -5, -0.3, 0, 0.7, 3, 8}) { // beyond, 1 - logistic(eta) cancels
      double p = 1 / (1 + Math.exp(-eta));
      for (boolean b : new boolean[] {true, false}) {
        double expected = Bernoulli.of(p).logDensity(b);
        assertEquals(expected, BernoulliLogit.of(eta).logDensity(b), 1e-12 * (1 + Math.abs(expected)), "eta " + eta + " " + b);
        assertEquals(expected, BernoulliLogit.of(eta).logProb(b).value(), 1e-12 * (1 + Math.abs(expected)), "eta " + eta + " " + b);
      }
      assertEquals(p, BernoulliLogit.of(eta).mean(), 1e-15);
      assertEquals(p * (1 - p), BernoulliLogit.of(eta).variance(), 1e-15);
    }
  }

  @Test
  void extremeLogOddsGiveTheExactFiniteLogMass() {
    // log logistic(eta) = -log1p(e^-eta): at eta = -800 it is -800 (to double precision), at +800 it is -e^-800 = -0.
    for (double eta : ETAS) {
      double lt = BernoulliLogit.of(eta).logDensity(true);
      double lf = BernoulliLogit.of(eta).logDensity(false);
      assertTrue(Double.isFinite(lt) && Double.isFinite(lf), "eta " + eta + ": " + lt + ", " + lf);
      assertTrue(lt <= 0 && lf <= 0, "eta " + eta);
      // the two probabilities sum to one
      assertEquals(0, Math.log(Math.exp(lt) + Math.exp(lf)), 1e-15, "eta " + eta);
    }
    assertEquals(-800, BernoulliLogit.of(-800).logDensity(true), 0);
    assertEquals(-800, BernoulliLogit.of(800).logDensity(false), 0);
    assertEquals(-40 - Math.log1p(Math.exp(-40)), BernoulliLogit.of(-40).logDensity(true), 1e-13);
    // Bernoulli(logistic(-800)) has p = 0 and gives -Infinity; BernoulliLogit does not
    assertEquals(Double.NEGATIVE_INFINITY, Bernoulli.of(1 / (1 + Math.exp(800))).logDensity(true));
  }

  @Test
  void gradientWithRespectToTheLogOddsMatchesCentralDifferences() {
    for (double eta : ETAS) {
      for (boolean b : new boolean[] {true, false}) {
        Grad.ValueAndGradient ad = Grad.grad(x -> BernoulliLogit.of(x[0]).logProb(b), new double[] {eta});
        double exact = b ? 1 / (1 + Math.exp(eta)) : -1 / (1 + Math.exp(-eta)); // d/deta log p = 1 - p; log(1-p): -p
        assertEquals(exact, ad.gradient()[0], 1e-12, "eta " + eta + " " + b);
        assertTrue(Double.isFinite(ad.value()), "eta " + eta);
        if (Math.abs(eta) < 50) {
          double fd = Grad.numericGradient(x -> BernoulliLogit.of(x[0]).logProb(b), new double[] {eta}, 1e-6)[0];
          assertEquals(fd, ad.gradient()[0], 1e-6 * (1 + Math.abs(fd)), "eta " + eta + " " + b);
        }
      }
    }
  }

  @Test
  void enumeratesExactly() {
    Enumeration<Boolean> e = Enumerator.enumerate(sample(bernoulliLogit(Math.log(3))));
    assertEquals(0.75, e.probability(true), 1e-12);
    assertEquals(0.25, e.probability(false), 1e-12);
    assertEquals(List.of(false, true), BernoulliLogit.of(0).enumerateSupport());
  }

  @Test
  void samplesAtTheRightRate() {
    // p = 0.2, n = 20000: standard error 0.0028; 5 standard errors
    UniformRandomProvider rng = Rngs.of(7);
    BernoulliLogit d = bernoulliLogit(Real.of(Math.log(0.25)));
    int n = 20000;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += d.sample(rng) ? 1 : 0;
    }
    assertEquals(0.2, hits / (double) n, 5 * Math.sqrt(0.2 * 0.8 / n));
  }

  @Test
  void rejectsNonFiniteLogOdds() {
    DistributionException e = assertThrows(DistributionException.class, () -> BernoulliLogit.of(Double.NaN));
    assertTrue(e.getMessage().startsWith("BernoulliLogit") && e.getMessage().contains("eta") && e.getMessage().contains("NaN"),
        e.getMessage());
  }
}
