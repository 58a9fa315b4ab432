package org.probity.bijection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.GradientCheck;
import org.probity.ad.Real;
import org.probity.random.Rngs;

/**
 * Properties of every bijection at random points from a seeded generator:
 * <ul>
 *   <li>round trips: inverse(forward(u)) = u and forward(inverse(y)) = y for valid y drawn
 *       independently of the bijection, within {@value #ROUND_TRIP} (relative to 1 + |entry|);
 *   <li>log |det J| equals the log-determinant of the numerically differentiated Jacobian of the
 *       map onto the free coordinates (the first K - 1 simplex entries; the strictly lower
 *       triangle, row-major, of a correlation Cholesky factor) within {@value #LOG_DET_TOL};
 *   <li>the tape gradients of the log-Jacobian and of every forward coordinate match finite
 *       differences ({@link GradientCheck#TOL});
 *   <li>outputs satisfy the constraint.
 * </ul>
 */
class BijectionPropertyTest {
  static final int POINTS = 30;
  static final double ROUND_TRIP = 1e-9;
  static final double LOG_DET_TOL = 1e-7;

  /** A bijection under test, its free-coordinate selector, a constraint check and valid values. */
  record Case(Bijection b, UnaryOperator<double[]> free, Consumer<double[]> constraint,
              Function<UniformRandomProvider, double[]> valid) {
  }

  static double[] gaussian(UniformRandomProvider r, int n, double scale) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(r);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * g.sample();
    }
    return x;
  }

  static List<Case> cases() {
    List<Case> cs = new ArrayList<>();
    UnaryOperator<double[]> all = y -> y;
    cs.add(new Case(new Identity(), all, y -> assertTrue(Double.isFinite(y[0])), r -> gaussian(r, 1, 10)));
    cs.add(new Case(new Positive(), all, y -> assertTrue(y[0] > 0, "positive"), r -> new double[] {Math.exp(gaussian(r, 1, 2)[0])}));
    cs.add(new Case(new LowerBounded(-3.5), all, y -> assertTrue(y[0] > -3.5, "above -3.5"),
        r -> new double[] {-3.5 + Math.exp(gaussian(r, 1, 2)[0])}));
    cs.add(new Case(new UpperBounded(2.0), all, y -> assertTrue(y[0] < 2.0, "below 2"),
        r -> new double[] {2.0 - Math.exp(gaussian(r, 1, 2)[0])}));
    cs.add(new Case(new Interval(-1.5, 4.0), all, y -> assertTrue(y[0] > -1.5 && y[0] < 4.0, "inside (-1.5, 4)"),
        r -> new double[] {-1.5 + 5.5 * (0.001 + 0.998 * r.nextDouble())}));
    for (int k : new int[] {1, 2, 3, 5}) {
      cs.add(new Case(new Simplex(k), y -> Arrays.copyOf(y, k - 1), BijectionPropertyTest::assertSimplex, r -> dirichlet(r, k)));
    }
    for (int k : new int[] {1, 2, 4}) {
      cs.add(new Case(new Ordered(k), all, BijectionPropertyTest::assertIncreasing, r -> {
        double[] x = gaussian(r, k, 3);
        Arrays.sort(x);
        return x;
      }));
    }
    for (int k : new int[] {1, 2, 3, 4}) {
      cs.add(new Case(new CholeskyCorrelation(k), y -> strictLower(y, k), y -> assertCholeskyCorrelation(y, k),
          r -> randomCorrelationCholesky(r, k)));
    }
    for (int k : new int[] {1, 2, 4}) {
      cs.add(new Case(new PositiveOrdered(k), all, y -> {
        assertTrue(y[0] > 0, "positive");
        assertIncreasing(y);
      }, r -> {
        double[] x = gaussian(r, k, 2);
        for (int i = 0; i < k; i++) {
          x[i] = Math.exp(x[i]);
        }
        Arrays.sort(x);
        return x;
      }));
    }
    for (int k : new int[] {1, 2, 3}) {
      cs.add(new Case(new CholeskyCovariance(k), y -> lowerWithDiagonal(y, k), y -> assertCholeskyCovariance(y, k),
          r -> randomCovarianceCholesky(r, k)));
      cs.add(new Case(new CovarianceMatrix(k), y -> lowerWithDiagonal(y, k), y -> assertCovariance(y, k),
          r -> randomCovariance(r, k).data.clone()));
    }
    cs.add(new Case(Bijections.elementwise(new Interval(0, 1), 3), all,
        y -> Arrays.stream(y).forEach(v -> assertTrue(v > 0 && v < 1)), r -> new double[] {0.2 + 0.6 * r.nextDouble(), r.nextDouble() * 0.9 + 0.05, 0.5}));
    cs.add(new Case(Bijections.blockwise(List.of(new Positive(), new Simplex(3), new Identity())),
        y -> new double[] {y[0], y[1], y[2], y[4]},
        y -> {
          assertTrue(y[0] > 0);
          assertSimplex(Arrays.copyOfRange(y, 1, 4));
        },
        r -> {
          double[] s = dirichlet(r, 3);
          return new double[] {Math.exp(gaussian(r, 1, 1)[0]), s[0], s[1], s[2], gaussian(r, 1, 3)[0]};
        }));
    return cs;
  }

  static double[] dirichlet(UniformRandomProvider r, int k) {
    double[] x = new double[k];
    double s = 0;
    for (int i = 0; i < k; i++) {
      x[i] = -Math.log(1 - r.nextDouble()) + 1e-3;
      s += x[i];
    }
    for (int i = 0; i < k; i++) {
      x[i] /= s;
    }
    return x;
  }

  static double[] strictLower(double[] l, int k) {
    double[] f = new double[k * (k - 1) / 2];
    int m = 0;
    for (int i = 1; i < k; i++) {
      for (int j = 0; j < i; j++) {
        f[m++] = l[i * k + j];
      }
    }
    return f;
  }

  /** The lower triangle, diagonal included, row-major: the free coordinates of a covariance matrix or its factor. */
  static double[] lowerWithDiagonal(double[] m, int k) {
    double[] f = new double[k * (k + 1) / 2];
    int at = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        f[at++] = m[i * k + j];
      }
    }
    return f;
  }

  /** B B^T + 0.1 I for Gaussian B, a random covariance matrix (independent of the bijection). */
  static DMatrixRMaj randomCovariance(UniformRandomProvider r, int k) {
    DMatrixRMaj b = new DMatrixRMaj(k, k, true, gaussian(r, k * k, 1));
    DMatrixRMaj a = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransB(b, b, a);
    for (int i = 0; i < k; i++) {
      a.add(i, i, 0.1);
    }
    return a;
  }

  /** The Cholesky factor of a random covariance matrix, via EJML. */
  static double[] randomCovarianceCholesky(UniformRandomProvider r, int k) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
    assertTrue(chol.decompose(randomCovariance(r, k)));
    return chol.getT(null).data.clone();
  }

  static void assertCholeskyCovariance(double[] l, int k) {
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        assertEquals(0.0, l[i * k + j], "upper triangle is zero");
      }
      assertTrue(l[i * k + i] > 0, "positive diagonal");
    }
  }

  /** Symmetric, and positive definite by EJML's Cholesky decomposition. */
  static void assertCovariance(double[] s, int k) {
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        assertEquals(s[i * k + j], s[j * k + i], 0.0, "symmetric");
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
    assertTrue(chol.decompose(new DMatrixRMaj(k, k, true, s.clone())), "positive definite: " + Arrays.toString(s));
  }

  /** Cholesky factor of D^-1/2 (B B^T + I) D^-1/2 for Gaussian B, via EJML (independent of the bijection). */
  static double[] randomCorrelationCholesky(UniformRandomProvider r, int k) {
    DMatrixRMaj b = new DMatrixRMaj(k, k, true, gaussian(r, k * k, 1));
    DMatrixRMaj a = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransB(b, b, a);
    for (int i = 0; i < k; i++) {
      a.add(i, i, 1.0);
    }
    DMatrixRMaj c = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c.set(i, j, a.get(i, j) / Math.sqrt(a.get(i, i) * a.get(j, j)));
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, true);
    assertTrue(chol.decompose(c));
    return chol.getT(null).data.clone();
  }

  static void assertSimplex(double[] x) {
    double s = 0;
    for (double v : x) {
      assertTrue(v > 0, "simplex entries positive: " + Arrays.toString(x));
      s += v;
    }
    assertEquals(1.0, s, 1e-12, "simplex sums to 1");
  }

  static void assertIncreasing(double[] x) {
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i] > x[i - 1], "strictly increasing: " + Arrays.toString(x));
    }
  }

  static void assertCholeskyCorrelation(double[] l, int k) {
    for (int i = 0; i < k; i++) {
      double norm = 0;
      for (int j = 0; j < k; j++) {
        double v = l[i * k + j];
        if (j > i) {
          assertEquals(0.0, v, "upper triangle is zero");
        }
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-12, "row " + i + " has unit norm");
      assertTrue(l[i * k + i] > 0, "positive diagonal");
    }
  }

  /** log |det| of the central-difference Jacobian (Richardson-extrapolated) of u -> free(forward(u)). */
  static double numericLogDet(Case c, double[] u) {
    int n = u.length;
    if (n == 0) {
      return 0.0;
    }
    DMatrixRMaj jac = new DMatrixRMaj(n, n);
    for (int j = 0; j < n; j++) {
      double h = 1e-3 * Math.max(1, Math.abs(u[j]));
      double[] d1 = diff(c, u, j, h);
      double[] d2 = diff(c, u, j, h / 2);
      for (int i = 0; i < n; i++) {
        jac.set(i, j, (4 * d2[i] - d1[i]) / 3);
      }
    }
    return Math.log(Math.abs(CommonOps_DDRM.det(jac)));
  }

  static double[] diff(Case c, double[] u, int j, double h) {
    double[] p = u.clone();
    double[] m = u.clone();
    p[j] += h;
    m[j] -= h;
    double[] fp = c.free().apply(c.b().forward(p));
    double[] fm = c.free().apply(c.b().forward(m));
    double[] d = new double[fp.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (fp[i] - fm[i]) / (2 * h);
    }
    return d;
  }

  static void assertClose(double[] expected, double[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      assertEquals(e, actual[i], tol * (1 + Math.abs(e)), () -> what + ": " + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyBijection() {
    return cases().stream().map(c -> {
      Bijection b = c.b();
      long seed = Rngs.mix64(b.toString().hashCode());
      int n = b.unconstrainedDimension();
      return DynamicContainer.dynamicContainer(b.toString(), Stream.of(
          DynamicTest.dynamicTest("inverse(forward(u)) = u", () -> {
            UniformRandomProvider r = Rngs.of(seed);
            for (int t = 0; t < POINTS; t++) {
              double[] u = gaussian(r, n, 1.5);
              assertClose(u, b.inverse(b.forward(u)), ROUND_TRIP, b + " round trip from " + Arrays.toString(u));
            }
          }),
          DynamicTest.dynamicTest("forward(inverse(y)) = y for valid y", () -> {
            UniformRandomProvider r = Rngs.of(seed + 1);
            for (int t = 0; t < POINTS; t++) {
              double[] y = c.valid().apply(r);
              assertClose(y, b.forward(b.inverse(y)), ROUND_TRIP, b + " round trip from " + Arrays.toString(y));
            }
          }),
          DynamicTest.dynamicTest("log|det J| matches the numeric Jacobian", () -> {
            UniformRandomProvider r = Rngs.of(seed + 2);
            for (int t = 0; t < POINTS; t++) {
              double[] u = gaussian(r, n, 1.5);
              double analytic = b.logAbsDetJacobian(Real.of(u)).value();
              double numeric = numericLogDet(c, u);
              assertEquals(numeric, analytic, LOG_DET_TOL * (1 + Math.abs(numeric)), () -> b + " at " + Arrays.toString(u));
            }
          }),
          DynamicTest.dynamicTest("tape gradients of log|det J| and forward match finite differences", () -> {
            UniformRandomProvider r = Rngs.of(seed + 3);
            for (int t = 0; t < POINTS; t++) {
              double[] u = gaussian(r, n, 1.5);
              assertNull(GradientCheck.mismatch(b::logAbsDetJacobian, u, GradientCheck.TOL), () -> b + " log-Jacobian");
              for (int i = 0; i < b.constrainedDimension(); i++) {
                int idx = i;
                assertNull(GradientCheck.mismatch(x -> b.forward(x)[idx], u, GradientCheck.TOL), () -> b + " forward[" + idx + "]");
              }
            }
          }),
          DynamicTest.dynamicTest("outputs satisfy the constraint; fused forward agrees", () -> {
            UniformRandomProvider r = Rngs.of(seed + 4);
            for (int t = 0; t < POINTS; t++) {
              double[] u = gaussian(r, n, 2.5);
              double[] y = b.forward(u);
              assertEquals(b.constrainedDimension(), y.length);
              c.constraint().accept(y);
              Bijection.Constrained fc = b.forwardWithLogJacobian(Real.of(u));
              assertClose(y, Real.values(fc.value()), 0, "forwardWithLogJacobian value");
              assertEquals(b.logAbsDetJacobian(Real.of(u)).value(), fc.logAbsDetJacobian().value(), 1e-12);
            }
          })));
    });
  }
}
