package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulliLogitGlm;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.probity.ad.Grad;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/** The GLM likelihood is the sum of its rows' BernoulliLogit log masses, as one node with the right gradient. */
class BernoulliLogitGlmTest {
  private static final int N = 40;
  private static final int P = 3;

  private static double[][] rows() {
    UniformRandomProvider rng = Rngs.of(11);
    double[][] x = new double[N][P];
    for (double[] r : x) {
      for (int j = 0; j < P; j++) {
        r[j] = 4 * rng.nextDouble() - 2;
      }
    }
    return x;
  }

  private static int[] labels() {
    UniformRandomProvider rng = Rngs.of(12);
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = rng.nextBoolean() ? 1 : 0;
    }
    return y;
  }

  private static double perRow(double[][] x, int[] y, double b, double[] w) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double eta = b;
      for (int j = 0; j < w.length; j++) {
        eta += x[i][j] * w[j];
      }
      s += BernoulliLogit.of(eta).logDensity(y[i] == 1);
    }
    return s;
  }

  @Test
  void logDensityIsTheSumOfThePerRowBernoulliLogits() {
    double[][] x = rows();
    int[] y = labels();
    DMatrixRMaj m = new DMatrixRMaj(x);
    for (double scale : new double[] {0.1, 1, 30, 400}) {
      double b = 0.3 * scale;
      double[] w = {-0.5 * scale, 1.2 * scale, 0.1 * scale};
      double expected = perRow(x, y, b, w);
      assertTrue(Double.isFinite(expected));
      BernoulliLogitGlm g = BernoulliLogitGlm.of(m, b, w);
      assertEquals(expected, g.logDensity(y), 1e-10 * (1 + Math.abs(expected)), "scale " + scale);
      assertEquals(expected, g.logProb(y).value(), 1e-10 * (1 + Math.abs(expected)), "scale " + scale);
      assertEquals(expected, bernoulliLogitGlm(x, Real.of(b), Real.of(w)).logDensity(y), 1e-10 * (1 + Math.abs(expected)));
    }
  }

  @Test
  void gradientWithRespectToInterceptAndCoefficientsMatchesCentralDifferences() {
    DMatrixRMaj m = new DMatrixRMaj(rows());
    int[] y = labels();
    double[] point = {0.4, -0.7, 1.1, 0.25};
    java.util.function.Function<Real[], Real> f = p -> BernoulliLogitGlm.of(m, p[0], new Real[] {p[1], p[2], p[3]}).logProb(y);
    Grad.ValueAndGradient ad = Grad.grad(f, point);
    double[] fd = Grad.numericGradient(f, point, 1e-6);
    for (int i = 0; i < point.length; i++) {
      assertTrue(fd[i] != 0, "vacuous check at " + i);
      assertEquals(fd[i], ad.gradient()[i], 1e-5 * (1 + Math.abs(fd[i])), "d/dp" + i);
    }
    double[] w = {point[1], point[2], point[3]};
    assertEquals(perRow(rows(), y, point[0], w), ad.value(), 1e-10 * (1 + Math.abs(ad.value())));
  }

  @Test
  void samplesLabelsAtTheLogisticRate() {
    // one row with eta = log(1/4): p = 0.2; 4000 copies, standard error 0.0063; 5 standard errors
    int n = 4000;
    DMatrixRMaj m = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      m.set(i, 0, 1.0);
    }
    int[] y = BernoulliLogitGlm.of(m, Math.log(0.25) - 0.5, 0.5).sample(Rngs.of(3));
    int s = 0;
    for (int v : y) {
      assertTrue(v == 0 || v == 1);
      s += v;
    }
    assertEquals(0.2, s / (double) n, 5 * Math.sqrt(0.2 * 0.8 / n));
  }

  @Test
  void invalidLabelsAndShapesNameTheValue() {
    DMatrixRMaj m = new DMatrixRMaj(rows());
    BernoulliLogitGlm g = BernoulliLogitGlm.of(m, 0, 1, 2, 3);
    int[] bad = labels();
    bad[7] = 2;
    for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[] {
        () -> g.logDensity(bad), () -> g.logProb(bad)}) {
      DistributionException e = assertThrows(DistributionException.class, call);
      assertTrue(e.getMessage().startsWith("BernoulliLogitGlm") && e.getMessage().contains("y[7]")
          && e.getMessage().contains("2"), e.getMessage());
    }
    DistributionException shortY = assertThrows(DistributionException.class, () -> g.logDensity(new int[] {1, 0}));
    assertTrue(shortY.getMessage().contains("length 2") && shortY.getMessage().contains(N + " rows"), shortY.getMessage());
    assertThrows(DistributionException.class, () -> g.logProb(new int[] {1, 0}));
    DistributionException cols = assertThrows(DistributionException.class, () -> BernoulliLogitGlm.of(m, 0, 1, 2));
    assertTrue(cols.getMessage().contains("coefficients") && cols.getMessage().contains("length 2")
        && cols.getMessage().contains(P + " columns"), cols.getMessage());
    DistributionException nan = assertThrows(DistributionException.class, () -> BernoulliLogitGlm.of(m, Double.NaN, 1, 2, 3));
    assertTrue(nan.getMessage().contains("intercept") && nan.getMessage().contains("NaN"), nan.getMessage());
    assertThrows(DistributionException.class, () -> bernoulliLogitGlm(new double[][] {{1, 2}, {3}}, Real.of(0), Real.of(1, 2)));
  }
}
