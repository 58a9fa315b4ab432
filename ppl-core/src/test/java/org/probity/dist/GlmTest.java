package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.ad.Tape;
import org.probity.random.Rngs;

/**
 * The GLM likelihoods ({@link NormalIdGlm}, {@link PoissonLogGlm}) agree with the sum of the
 * per-row log densities of {@link Normal} and {@link PoissonLog} (1e-10 relative) and with their
 * own double fast path; their gradients agree with the sum of the per-row gradients built node
 * by node (1e-9 relative; finite differences are in {@link RealParameterGradientTest}); each is
 * one tape node; draws have the model's mean (5 standard errors over 200 rows x 200 draws).
 */
class GlmTest {
  static final int N = 200;
  static final int P = 3;

  static DMatrixRMaj design(UniformRandomProvider r) {
    DMatrixRMaj x = new DMatrixRMaj(N, P);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = 2 * r.nextDouble() - 1;
    }
    return x;
  }

  static double eta(DMatrixRMaj x, int i, double a, double[] b) {
    double e = a;
    for (int j = 0; j < P; j++) {
      e += x.get(i, j) * b[j];
    }
    return e;
  }

  @Test
  void normalIdGlmIsTheSumOfItsRowsAsOneNode() {
    UniformRandomProvider r = Rngs.of(31);
    DMatrixRMaj x = design(r);
    double a = 0.4;
    double[] b = {1.2, -0.7, 0.3};
    double s = 0.8;
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      y[i] = eta(x, i, a, b) + s * (2 * r.nextDouble() - 1);
    }
    Tape t = new Tape();
    Real av = t.variable(a);
    Real[] bv = t.variables(b);
    Real sv = t.variable(s);
    int before = t.size();
    Real fused = NormalIdGlm.of(x, av, bv, sv).logProb(y);
    assertEquals(before + 1, t.size(), "one node");
    Real sum = Real.ZERO;
    for (int i = 0; i < N; i++) {
      Real e = av;
      for (int j = 0; j < P; j++) {
        e = e.plus(bv[j].times(x.get(i, j)));
      }
      sum = sum.plus(Normal.of(e, sv).logProb(Real.of(y[i])));
    }
    assertEquals(sum.value(), fused.value(), 1e-10 * Math.abs(sum.value()));
    assertEquals(fused.value(), NormalIdGlm.of(x, a, b, s).logDensity(y), 1e-10 * Math.abs(sum.value()));
    Real[] all = {av, bv[0], bv[1], bv[2], sv};
    double[] g1 = t.gradient(fused, all);
    double[] g2 = t.gradient(sum, all);
    for (int k = 0; k < all.length; k++) {
      assertEquals(g2[k], g1[k], 1e-9 * (1 + Math.abs(g2[k])), "d/dtheta" + k);
    }
  }

  @Test
  void poissonLogGlmIsTheSumOfItsRowsAsOneNode() {
    UniformRandomProvider r = Rngs.of(32);
    DMatrixRMaj x = design(r);
    double a = 0.9;
    double[] b = {1.1, -0.6, 0.4};
    int[] y = PoissonLogGlm.of(x, a, b).sample(r);
    Tape t = new Tape();
    Real av = t.variable(a);
    Real[] bv = t.variables(b);
    int before = t.size();
    Real fused = PoissonLogGlm.of(x, av, bv).logProb(y);
    assertEquals(before + 1, t.size(), "one node");
    Real sum = Real.ZERO;
    for (int i = 0; i < N; i++) {
      Real e = av;
      for (int j = 0; j < P; j++) {
        e = e.plus(bv[j].times(x.get(i, j)));
      }
      sum = sum.plus(PoissonLog.of(e).logProb(y[i]));
    }
    assertEquals(sum.value(), fused.value(), 1e-10 * Math.abs(sum.value()));
    assertEquals(fused.value(), PoissonLogGlm.of(x, a, b).logDensity(y), 1e-10 * Math.abs(sum.value()));
    double sumPoisson = 0;
    for (int i = 0; i < N; i++) {
      sumPoisson += Poisson.of(Math.exp(eta(x, i, a, b))).logPmf(y[i]);
    }
    assertEquals(sumPoisson, fused.value(), 1e-10 * Math.abs(sumPoisson));
    Real[] all = {av, bv[0], bv[1], bv[2]};
    double[] g1 = t.gradient(fused, all);
    double[] g2 = t.gradient(sum, all);
    for (int k = 0; k < all.length; k++) {
      assertEquals(g2[k], g1[k], 1e-9 * (1 + Math.abs(g2[k])), "d/dtheta" + k);
    }
  }

  @Test
  void drawsHaveTheModelsMean() {
    UniformRandomProvider r = Rngs.of(33);
    DMatrixRMaj x = design(r);
    double a = 0.5;
    double[] b = {0.8, -0.4, 0.6};
    int draws = 200;
    double sumNormal = 0;
    double sumCount = 0;
    double meanNormal = 0;
    double meanCount = 0;
    for (int i = 0; i < N; i++) {
      meanNormal += eta(x, i, a, b);
      meanCount += Math.exp(eta(x, i, a, b));
    }
    for (int d = 0; d < draws; d++) {
      for (double v : NormalIdGlm.of(x, a, b, 1.5).sample(r)) {
        sumNormal += v;
      }
      for (int v : PoissonLogGlm.of(x, a, b).sample(r)) {
        sumCount += v;
      }
    }
    // totals over N rows and `draws` draws: variance N draws sigma^2 (normal), draws sum rate (Poisson)
    assertEquals(draws * meanNormal, sumNormal, 5 * Math.sqrt(N * draws * 1.5 * 1.5));
    assertEquals(draws * meanCount, sumCount, 5 * Math.sqrt(draws * meanCount));
  }

  @Test
  void poissonLogGlmIsFiniteForExtremeLinearPredictors() {
    DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1}, {-1}});
    // eta = -800 and -1000, where exp(eta) underflows to 0 (Poisson.of(exp(eta)) is refused):
    // 2 (-800) - 0 - log 2! + 0 (-1000) - 0 - log 0!, and d/dalpha = sum (y_i - e^eta_i) = 2
    Tape t = new Tape();
    Real alpha = t.variable(-900);
    Real lp = PoissonLogGlm.of(x, alpha, new Real[] {Real.of(100)}).logProb(new int[] {2, 0});
    assertEquals(-1600 - Math.log(2), lp.value(), 1e-12);
    assertEquals(2, t.gradient(lp, new Real[] {alpha})[0], 1e-12);
    assertEquals(-1600 - Math.log(2), PoissonLog.of(-800).logPmf(2) + PoissonLog.of(-1000).logPmf(0), 1e-12);
    // eta = 800: 3 (800) - e^800 is -inf in double, not NaN
    assertEquals(Double.NEGATIVE_INFINITY, PoissonLogGlm.of(x, 0, 800).logDensity(new int[] {3, 0}));
    assertEquals(Double.NEGATIVE_INFINITY, PoissonLogGlm.of(x, 0, 1).logDensity(new int[] {-1, 0}));
  }

  @Test
  void badShapesAndParametersAreRefusedNamingTheGlm() {
    DMatrixRMaj x = new DMatrixRMaj(3, 2);
    DistributionException cols = assertThrows(DistributionException.class, () -> NormalIdGlm.of(x, 0, new double[] {1}, 1));
    assertTrue(cols.getMessage().startsWith("NormalIdGlm: parameter beta"), cols.getMessage());
    DistributionException sigma = assertThrows(DistributionException.class, () -> NormalIdGlm.of(x, 0, new double[] {1, 2}, -1));
    assertTrue(sigma.getMessage().contains("sigma") && sigma.getMessage().contains("-1.0"), sigma.getMessage());
    DistributionException rows = assertThrows(DistributionException.class, () -> PoissonLogGlm.of(x, 0, 1, 2).logDensity(new int[] {1, 2}));
    assertTrue(rows.getMessage().startsWith("PoissonLogGlm: the observations have length 2"), rows.getMessage());
    assertThrows(DistributionException.class, () -> PoissonLogGlm.of(x, Double.NaN, 1, 2));
  }
}
