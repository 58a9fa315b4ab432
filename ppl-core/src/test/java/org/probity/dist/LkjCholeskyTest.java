package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.bijection.CholeskyCorrelation;
import org.probity.random.Rngs;

/**
 * The LKJ distribution on correlation Cholesky factors: its density is normalised (K = 2 by
 * quadrature over the correlation; every K by the exact factorisation into independent Beta
 * partial correlations, LKJ 2009 section 3.2), its normalising constant equals PyTorch's
 * multivariate-gamma form, its sampler gives each correlation the marginal
 * Beta(eta - 1 + K/2, eta - 1 + K/2) on (-1, 1) (tolerance {@value #Z} Monte Carlo standard
 * errors, fixed seeds), and its log density is differentiable in L and eta.
 */
class LkjCholeskyTest {
  static final double Z = 5;

  /** The 2 x 2 factor [[1, 0], [tanh v, sech v]] (rows of unit norm to rounding). */
  static Real[][] twoByTwo(double v) {
    return new Real[][] {{Real.ONE, Real.ZERO}, {Real.of(Math.tanh(v)), Real.of(1 / Math.cosh(v))}};
  }

  @Test
  void normalisedForKEqualsTwo() {
    for (double eta : new double[] {0.3, 0.7, 1, 2.5, 10}) {
      LkjCholesky d = LkjCholesky.of(2, eta);
      // r = tanh(v), dr/dv = sech^2 v, which removes the end-point singularities of eta < 1
      double total = Simpson.integrate(v -> {
        double s = 1 / Math.cosh(v);
        return s == 0 ? 0 : Math.exp(d.logDensity(twoByTwo(v))) * s * s;
      }, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1e-12);
      assertEquals(1.0, total, 1e-8, "LKJ(2, " + eta + ")");
    }
  }

  @Test
  void forKEqualsTwoTheCorrelationIsBetaOnMinusOneOne() {
    for (double eta : new double[] {0.4, 1, 3.5}) {
      LkjCholesky d = LkjCholesky.of(2, eta);
      Beta b = Beta.of(eta, eta);
      for (double v = -4; v <= 4; v += 0.37) {
        double r = Math.tanh(v);
        double expected = b.logDensity((r + 1) / 2) - Math.log(2);
        assertEquals(expected, d.logDensity(twoByTwo(v)), 1e-10 * (1 + Math.abs(expected)), "eta " + eta + " r " + r);
      }
    }
  }

  /** log of PyTorch's LKJCholesky constant: (K-1)/2 log pi + mvlgamma(eta + (K-2)/2, K-1) - (K-1) lgamma(eta + (K-1)/2). */
  static double pytorchLogNormaliser(int k, double eta) {
    int p = k - 1;
    double a = eta + 0.5 * (k - 2);
    double mvlgamma = 0.25 * p * (p - 1) * Math.log(Math.PI);
    for (int j = 1; j <= p; j++) {
      mvlgamma += LogGamma.value(a + 0.5 * (1 - j));
    }
    return 0.5 * p * Math.log(Math.PI) + mvlgamma - p * LogGamma.value(eta + 0.5 * p);
  }

  @Test
  void normalisingConstantEqualsTheMultivariateGammaForm() {
    for (int k = 1; k <= 8; k++) {
      for (double eta : new double[] {0.5, 1, 1.7, 6}) {
        double expected = pytorchLogNormaliser(k, eta);
        assertEquals(expected, LkjCholesky.of(k, eta).logNormaliser().value(), 1e-10 * (1 + Math.abs(expected)),
            "K " + k + " eta " + eta);
        assertEquals(expected, org.probity.Probity.lkjCholesky(k, Real.of(eta)).logNormaliser().value(),
            1e-10 * (1 + Math.abs(expected)), "facade, K " + k + " eta " + eta);
      }
    }
  }

  /**
   * With L built row by row from canonical partial correlations z_ij (independent of the main
   * code's map), p(L(z)) |dL/dz| = prod_{i>j} Beta(z_ij; b_j, b_j) on (-1, 1), b_j = eta + (K-1-j)/2,
   * exactly: since z -> L is a bijection from (-1, 1)^{K(K-1)/2} and the right-hand side
   * integrates to 1, so does the density, for every K.
   */
  @Test
  void densityFactorisesIntoIndependentBetaPartialCorrelations() {
    UniformRandomProvider rng = Rngs.of(41);
    for (int k = 2; k <= 5; k++) {
      for (double eta : new double[] {0.6, 1, 2.3}) {
        LkjCholesky d = LkjCholesky.of(k, eta);
        for (int t = 0; t < 20; t++) {
          Real[][] l = new Real[k][k];
          double logJacobian = 0;
          double logBetas = 0;
          for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(l[i], Real.ZERO);
            double remaining = 1;
            for (int j = 0; j < i; j++) {
              double z = 1.9 * rng.nextDouble() - 0.95;
              l[i][j] = Real.of(z * Math.sqrt(remaining));
              logJacobian += 0.5 * Math.log(remaining);
              double b = eta + 0.5 * (k - 2 - j);
              logBetas += Beta.of(b, b).logDensity((z + 1) / 2) - Math.log(2);
              remaining *= 1 - z * z;
            }
            l[i][i] = Real.of(Math.sqrt(remaining));
          }
          assertEquals(logBetas, d.logDensity(l) + logJacobian, 1e-9 * (1 + Math.abs(logBetas)), "K " + k + " eta " + eta);
        }
      }
    }
  }

  @Test
  void samplerGivesEachCorrelationItsBetaMarginal() {
    int k = 4;
    int n = 20_000;
    long seed = 7;
    for (double eta : new double[] {0.7, 1, 3}) {
      LkjCholesky d = LkjCholesky.of(k, eta);
      UniformRandomProvider rng = Rngs.of(seed++);
      double a = eta - 1 + k / 2.0;
      double m2 = 1 / (2 * a + 1); // E r^2 of Beta(a, a) on (-1, 1)
      double m4 = 3 / ((2 * a + 1) * (2 * a + 3)); // E r^4
      double[][] s1 = new double[k][k];
      double[][] s2 = new double[k][k];
      for (int t = 0; t < n; t++) {
        Real[][] l = d.sample(rng);
        for (int i = 1; i < k; i++) {
          for (int j = 0; j < i; j++) {
            double r = 0;
            for (int m = 0; m <= j; m++) {
              r += l[i][m].value() * l[j][m].value();
            }
            s1[i][j] += r;
            s2[i][j] += r * r;
          }
        }
      }
      for (int i = 1; i < k; i++) {
        for (int j = 0; j < i; j++) {
          String what = "LKJ(" + k + ", " + eta + ") correlation [" + i + "][" + j + "]";
          assertEquals(0.0, s1[i][j] / n, Z * Math.sqrt(m2 / n), what + ": mean");
          assertEquals(m2, s2[i][j] / n, Z * Math.sqrt((m4 - m2 * m2) / n), what + ": mean square");
        }
      }
    }
  }

  @Test
  void drawsAreCorrelationCholeskyFactors() {
    LkjCholesky d = LkjCholesky.of(5, 0.5);
    UniformRandomProvider rng = Rngs.of(3);
    for (int t = 0; t < 200; t++) {
      Real[][] l = d.sample(rng);
      for (int i = 0; i < 5; i++) {
        double norm = 0;
        for (int j = 0; j < 5; j++) {
          norm += l[i][j].value() * l[i][j].value();
          if (j > i) {
            assertEquals(0.0, l[i][j].value());
          }
        }
        assertEquals(1.0, norm, 1e-12);
        assertTrue(l[i][i].value() > 0);
      }
      assertTrue(Double.isFinite(d.logDensity(l)));
    }
    Real[][] one = LkjCholesky.of(1, 2).sample(rng);
    assertEquals(1.0, one[0][0].value());
    assertEquals(0.0, LkjCholesky.of(1, 2).logDensity(one));
  }

  /** Through the unconstrained coordinates of the factor: d/d(eta, u) of log p(L(u)) + log |J(u)|. */
  @Test
  void logDensityIsDifferentiableInTheFactorAndEta() {
    CholeskyCorrelation b = new CholeskyCorrelation(3);
    java.util.function.Function<Real[], Real> f = p -> {
      Real[] u = {p[1], p[2], p[3]};
      Real[] flat = b.forward(u);
      Real[][] l = (Real[][]) new Constraint.CorrelationCholesky(3).unflatten(flat);
      return LkjCholesky.of(3, p[0]).logProb(l).plus(b.logAbsDetJacobian(u));
    };
    for (double[] point : new double[][] {{1.5, 0.3, -0.8, 1.1}, {0.6, -1.2, 0.1, 0.4}, {4, 0, 0, 0}}) {
      assertNull(GradientCheck.mismatch(f, point, GradientCheck.TOL));
    }
  }

  @Test
  void invalidParametersAndValues() {
    DistributionException e = assertThrows(DistributionException.class, () -> LkjCholesky.of(0, 1));
    assertTrue(e.getMessage().contains("K") && e.getMessage().contains("0"), e.getMessage());
    for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      e = assertThrows(DistributionException.class, () -> LkjCholesky.of(3, eta));
      assertTrue(e.getMessage().contains("eta") && e.getMessage().contains(String.valueOf(eta)), e.getMessage());
    }
    LkjCholesky d = LkjCholesky.of(2, 2);
    assertThrows(DistributionException.class, () -> d.logDensity(new Real[][] {{Real.ONE}}));
    assertThrows(DistributionException.class, () -> d.logDensity(new Real[][] {{Real.ONE, Real.ZERO}, {Real.ONE}}));
    double inf = Double.NEGATIVE_INFINITY;
    assertEquals(inf, d.logDensity(new Real[][] {{Real.ONE, Real.ZERO}, {Real.of(0.6), Real.of(0.7)}}), "row norm");
    assertEquals(inf, d.logDensity(new Real[][] {{Real.ONE, Real.of(0.1)}, {Real.of(0.6), Real.of(0.8)}}), "upper triangle");
    assertEquals(inf, d.logDensity(new Real[][] {{Real.ONE, Real.ZERO}, {Real.of(0.6), Real.of(-0.8)}}), "diagonal sign");
  }
}
