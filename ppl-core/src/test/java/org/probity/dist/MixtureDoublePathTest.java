package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.observe;
import static org.probity.Probity.plate;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * {@link Mixture}'s double path: the closed-form terms of all-{@link Normal} mixtures and the
 * generic loop agree with the differentiable path (an independent computation through
 * {@code Reals.logSumExp}), and the vectorised sum ({@link Continuous#logDensitySum}, what
 * {@code plate(mixture, y)} weighs) is bit for bit the sum of one observation per point.
 */
class MixtureDoublePathTest {
  private static final Mixture NORMALS = Mixture.of(new double[] {0.2, 0.5, 0.3},
      Normal.of(-2, 0.5), Normal.of(0.5, 1), Normal.of(3, 2));
  private static final Mixture OTHERS = Mixture.of(new double[] {0.5, 0.5}, Gamma.of(2, 1), Laplace.of(0, 1));

  private static double[] points(int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = NORMALS.sampleDouble(rng) * 1.5 + (i % 7 == 0 ? 40 : 0);
    }
    return y;
  }

  private static double leftToRight(Mixture m, double[] y) {
    double s = 0;
    for (double x : y) {
      s += m.logDensity(x);
    }
    return s;
  }

  @Test
  void closedFormNormalTermsAgreeWithTheDifferentiablePath() {
    for (double x : points(300, 5)) {
      double exact = NORMALS.logProb(Real.of(x)).value();
      assertEquals(exact, NORMALS.logDensity(x), 1e-14 * Math.abs(exact) + 1e-14, "at " + x);
    }
  }

  @Test
  void genericComponentsAgreeWithTheDifferentiablePath() {
    for (double x : new double[] {-3, -0.5, 0.25, 1, 2.5, 9}) {
      double exact = OTHERS.logProb(Real.of(x)).value();
      assertEquals(exact, OTHERS.logDensity(x), 1e-14 * Math.abs(exact) + 1e-14, "at " + x);
    }
  }

  @Test
  void vectorisedSumIsTheSumOfThePointsBitForBit() {
    double[] y = points(500, 9);
    assertEquals(leftToRight(NORMALS, y), NORMALS.logDensitySum(y), 0.0);
    assertEquals(leftToRight(NORMALS, y), Plate.iid(NORMALS, y.length).logDensity(y), 0.0);
    double[] pos = {0.1, 0.7, 2, 5.5, -1};
    assertEquals(leftToRight(OTHERS, pos), OTHERS.logDensitySum(pos), 0.0);
    assertEquals(leftToRight(OTHERS, pos), Plate.iid(OTHERS, pos.length).logDensity(pos), 0.0);
  }

  @Test
  void zeroWeightsAndInfiniteValues() {
    Mixture m = Mixture.of(new double[] {0, 1}, Normal.of(0, 1), Normal.of(1, 1));
    assertEquals(Normal.of(1, 1).logDensity(0.3), m.logDensity(0.3), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, NORMALS.logDensity(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(Double.NEGATIVE_INFINITY, NORMALS.logDensitySum(new double[] {0, Double.NEGATIVE_INFINITY, 1}), 0.0);
    assertTrue(Double.isNaN(NORMALS.logDensity(Double.NaN)), "a NaN value is not hidden");
  }

  // the weights and means are drawn, then the data are observed one point at a time or as one plate
  private static Prob<Real> model(double[] y, boolean vectorised) {
    return sample("w", Beta.of(2, 2), (Real w) -> sample("mu", Normal.of(0, 3), (Real mu) -> {
      Mixture m = Mixture.of(new double[] {w.value(), 1 - w.value()}, Normal.of(mu.value(), 1), Normal.of(-mu.value(), 1));
      return vectorised ? plate(m, y).then(() -> pure(w)) : pointwise(m, y, 0, w);
    }));
  }

  private static Prob<Real> pointwise(Mixture m, double[] y, int i, Real w) {
    return i == y.length ? pure(w) : observe(m, y[i], () -> pointwise(m, y, i + 1, w));
  }

  @Test
  void aPlateOfAMixtureWeighsAsOneObservationPerPoint() {
    double[] y = points(200, 3);
    for (long seed = 1; seed <= 5; seed++) {
      Trace<Real> a = Traces.sample(model(y, false), Rngs.of(seed));
      Trace<Real> b = Traces.sample(model(y, true), Rngs.of(seed));
      assertEquals(a.logPrior(), b.logPrior(), 0.0);
      assertEquals(a.logLikelihood(), b.logLikelihood(), 0.0, "seed " + seed);
      assertTrue(Double.isFinite(b.logLikelihood()));
    }
  }
}
