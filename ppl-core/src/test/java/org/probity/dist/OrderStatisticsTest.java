package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/**
 * Ordered vectors ({@code base.ordered(k)}): the density k! prod f(x_i) on x_1 &lt; ... &lt; x_k
 * integrates to 1 (k = 2 by two-dimensional quadrature to 1e-6; k = 3 by importance sampling, to
 * {@value #Z} Monte Carlo standard errors), draws are the sorted draws of the base with the known
 * moments of exponential order statistics (Renyi's representation), and the log density is
 * differentiable in the value and the parameters.
 */
class OrderStatisticsTest {
  static final double Z = 5;

  @Test
  void twoOrderedDrawsIntegrateToOne() {
    OrderStatistics normal = Normal.of(0.5, 2).ordered(2);
    double total = Simpson.integrate(x -> Simpson.integrate(
        y -> Math.exp(normal.logDensity(Real.of(x, y))), x, Double.POSITIVE_INFINITY, 1e-10),
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1e-9);
    assertEquals(1.0, total, 1e-6);
    OrderStatistics gamma = Gamma.of(2, 1).ordered(2);
    total = Simpson.integrate(x -> Simpson.integrate(
        y -> Math.exp(gamma.logDensity(Real.of(x, y))), x, Double.POSITIVE_INFINITY, 1e-10),
        0, Double.POSITIVE_INFINITY, 1e-9);
    assertEquals(1.0, total, 1e-6);
  }

  /** The mean of p(y) / q(y) for y ~ q, with q a proposal of heavier tails than the base. */
  static void importanceSampledMassIsOne(OrderStatistics d, Continuous q, long seed) {
    int n = 200_000;
    int k = d.k();
    UniformRandomProvider rng = Rngs.of(seed);
    double s = 0;
    double ss = 0;
    for (int t = 0; t < n; t++) {
      double[] y = new double[k];
      double logQ = 0;
      for (int i = 0; i < k; i++) {
        y[i] = q.sampleDouble(rng);
        logQ += q.logDensity(y[i]);
      }
      double w = Math.exp(d.logDensity(Real.of(y)) - logQ);
      s += w;
      ss += w * w;
    }
    double mean = s / n;
    double se = Math.sqrt((ss / n - mean * mean) / n);
    assertTrue(se < 0.01, d + ": standard error " + se + " too large for the test to mean anything");
    assertEquals(1.0, mean, Z * se, d + ": importance-sampled mass");
  }

  @Test
  void threeOrderedDrawsIntegrateToOne() {
    importanceSampledMassIsOne(Normal.of(0, 5).ordered(3), Normal.of(0, 7), 11);
    importanceSampledMassIsOne(Gamma.of(2, 1).ordered(3), Exponential.of(0.4), 12);
  }

  @Test
  void drawsAreTheSortedDrawsOfTheBase() {
    Gamma g = Gamma.of(2, 1);
    double[] direct = Real.values(g.vector(5).sample(Rngs.of(4)));
    Arrays.sort(direct);
    assertArrayEquals(direct, Real.values(g.ordered(5).sample(Rngs.of(4))), 0.0);
  }

  /**
   * Renyi: the i-th order statistic of k Exponential(rate) draws is sum_{j<i} E_j / (rate (k - j))
   * for independent standard exponentials E_j, so its mean, variance and fourth central moment
   * are sums over independent terms.
   */
  @Test
  void exponentialOrderStatisticsHaveRenyisMoments() {
    double rate = 1.5;
    int k = 4;
    int n = 40_000;
    OrderStatistics d = Exponential.of(rate).ordered(k);
    UniformRandomProvider rng = Rngs.of(21);
    double[][] xs = new double[k][n];
    for (int t = 0; t < n; t++) {
      Real[] x = d.sample(rng);
      for (int i = 0; i < k; i++) {
        xs[i][t] = x[i].value();
      }
    }
    for (int i = 0; i < k; i++) {
      double mean = 0;
      double var = 0;
      double mu4 = 0;
      double[] v = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        double r = rate * (k - j);
        mean += 1 / r;
        v[j] = 1 / (r * r);
        var += v[j];
        mu4 += 9 / (r * r * r * r);
      }
      for (int a = 0; a <= i; a++) {
        for (int b = a + 1; b <= i; b++) {
          mu4 += 6 * v[a] * v[b];
        }
      }
      SamplingMomentsTest.checkMeanAndVariance("Exponential order statistic " + (i + 1) + " of " + k, xs[i], mean, var, mu4);
    }
  }

  @Test
  void logDensityIsKFactorialTimesTheProductOnTheOrderedRegionOnly() {
    Normal base = Normal.of(1, 2);
    OrderStatistics d = base.ordered(3);
    double expected = Math.log(6) + base.logDensity(-1.0) + base.logDensity(0.5) + base.logDensity(2.0);
    assertEquals(expected, d.logDensity(Real.of(-1, 0.5, 2)), 1e-12);
    assertEquals(expected, d.logProb(Real.of(-1, 0.5, 2)).value(), 1e-12);
    assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(Real.of(-1, 2, 0.5)));
    assertEquals(Double.NEGATIVE_INFINITY, d.logProb(Real.of(0.5, 0.5, 2)).value());
    assertEquals(Double.NEGATIVE_INFINITY, Gamma.of(2, 1).ordered(2).logDensity(Real.of(-1, 2)));
    assertThrows(DistributionException.class, () -> d.logDensity(Real.of(1, 2)));
  }

  @Test
  void logDensityIsDifferentiableInTheValueAndTheParameters() {
    Function<Real[], Real> f = p -> Normal.of(p[0], p[1]).ordered(3).logProb(new Real[] {p[2], p[3], p[4]});
    assertNull(GradientCheck.mismatch(f, new double[] {0.3, 1.7, -1.2, 0.4, 2.5}, GradientCheck.TOL));
    Function<Real[], Real> g = p -> Gamma.of(p[0], p[1]).positiveOrdered(2).logProb(new Real[] {p[2], p[3]});
    assertNull(GradientCheck.mismatch(g, new double[] {2.5, 1.3, 0.4, 1.9}, GradientCheck.TOL));
  }

  @Test
  void supportsAndErrors() {
    assertEquals(new Constraint.Ordered(2), StudentT.of(3, 0, 1).ordered(2).support());
    assertEquals(new Constraint.PositiveOrdered(2), HalfCauchy.of(0, 1).positiveOrdered(2).support());
    DistributionException e = assertThrows(DistributionException.class, () -> Beta.of(2, 2).ordered(3));
    assertTrue(e.getMessage().contains("Beta") && e.getMessage().contains("interval(0.0, 1.0)"), e.getMessage());
    e = assertThrows(DistributionException.class, () -> Normal.of(0, 1).positiveOrdered(3));
    assertTrue(e.getMessage().contains("positive"), e.getMessage());
    e = assertThrows(DistributionException.class, () -> Normal.of(0, 1).ordered(0));
    assertTrue(e.getMessage().contains("k") && e.getMessage().contains("0"), e.getMessage());
  }
}
