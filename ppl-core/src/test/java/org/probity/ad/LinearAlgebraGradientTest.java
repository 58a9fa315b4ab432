package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.random.Rngs;

/**
 * Every differentiable linear-algebra operation ({@link Cholesky}, {@link Triangular},
 * {@link Matrices}, {@link GpCovariance}) against Richardson-extrapolated finite differences
 * ({@link GradientCheck#mismatch}, relative tolerance {@link GradientCheck#TOL} = 1e-6) at seeded
 * random well-conditioned inputs of sizes 1 to 8: the scalar checked is a fixed random weighting
 * sum_k w_k out_k of every output, so every output's adjoint is exercised. Values are checked
 * against EJML and against their defining identities (L L^T = Sigma, A x = b).
 */
class LinearAlgebraGradientTest {
  private static final int[] SIZES = {1, 2, 3, 5, 8};

  /** A named scalar function of a parameter vector, with its point. */
  record Case(String name, Function<Real[], Real> f, double[] point) {
  }

  private static double[] gaussians(UniformRandomProvider r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * r.nextDouble() - 1;
    }
    return v;
  }

  /** An SPD matrix M M^T + d I, as its packed lower triangle. */
  private static double[] spdLower(UniformRandomProvider r, int d) {
    double[] m = gaussians(r, d * d);
    double[] out = new double[d * (d + 1) / 2];
    for (int i = 0, k = 0; i < d; i++) {
      for (int j = 0; j <= i; j++, k++) {
        double s = i == j ? d : 0;
        for (int c = 0; c < d; c++) {
          s += m[i * d + c] * m[j * d + c];
        }
        out[k] = s;
      }
    }
    return out;
  }

  /** A well-conditioned triangle (diagonal in [1.5, 2.5]) packed row by row. */
  private static double[] triangle(UniformRandomProvider r, int d, boolean lower) {
    double[] out = new double[d * (d + 1) / 2];
    for (int i = 0, k = 0; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++, k++) {
        out[k] = i == j ? 1.5 + r.nextDouble() : 0.6 * (2 * r.nextDouble() - 1);
      }
    }
    return out;
  }

  /** A symmetric matrix sharing one node per pair, from a packed lower triangle at p[off..]. */
  static Real[][] symmetric(Real[] p, int off, int d) {
    Real[][] a = new Real[d][d];
    for (int i = 0, k = off; i < d; i++) {
      for (int j = 0; j <= i; j++, k++) {
        a[i][j] = p[k];
        a[j][i] = p[k];
      }
    }
    return a;
  }

  /** A triangular matrix (zeros elsewhere) from a packed triangle at p[off..]. */
  static Real[][] triangular(Real[] p, int off, int d, boolean lower) {
    Real[][] a = new Real[d][d];
    for (Real[] row : a) {
      java.util.Arrays.fill(row, Real.ZERO);
    }
    for (int i = 0, k = off; i < d; i++) {
      int from = lower ? 0 : i;
      int to = lower ? i : d - 1;
      for (int j = from; j <= to; j++, k++) {
        a[i][j] = p[k];
      }
    }
    return a;
  }

  static Real[] slice(Real[] p, int off, int n) {
    Real[] s = new Real[n];
    System.arraycopy(p, off, s, 0, n);
    return s;
  }

  static Real[][] rows(Real[] p, int off, int n, int m) {
    Real[][] a = new Real[n][m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(p, off + i * m, a[i], 0, m);
    }
    return a;
  }

  /** sum_k w_k out_k over every entry of a matrix, weights from a seeded generator. */
  static Real weigh(Real[][] out, long seed) {
    UniformRandomProvider r = Rngs.of(seed);
    List<Real> xs = new ArrayList<>();
    List<Double> ws = new ArrayList<>();
    for (Real[] row : out) {
      for (Real x : row) {
        xs.add(x);
        ws.add(2 * r.nextDouble() - 1);
      }
    }
    return Reals.dot(xs.toArray(new Real[0]), ws.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static Real weigh(Real[] out, long seed) {
    return weigh(new Real[][] {out}, seed);
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] c = new double[n];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, c, k, p.length);
      k += p.length;
    }
    return c;
  }

  static List<Case> cases() {
    List<Case> cs = new ArrayList<>();
    UniformRandomProvider r = Rngs.of(20240611);
    for (int d : SIZES) {
      int t = d * (d + 1) / 2;
      double[] spd = spdLower(r, d);
      cs.add(new Case("cholesky d=" + d, p -> weigh(Cholesky.factor(symmetric(p, 0, d)), 1), spd));
      cs.add(new Case("logDeterminant(cholesky) d=" + d, p -> Cholesky.logDeterminant(Cholesky.factor(symmetric(p, 0, d))), spd));
      double[] lo = triangle(r, d, true);
      double[] up = triangle(r, d, false);
      double[] b = gaussians(r, d);
      double[] bm = gaussians(r, d * 3);
      cs.add(new Case("solveLower vector d=" + d, p -> weigh(Triangular.solveLower(triangular(p, 0, d, true), slice(p, t, d)), 2), concat(lo, b)));
      cs.add(new Case("solveLower matrix d=" + d, p -> weigh(Triangular.solveLower(triangular(p, 0, d, true), rows(p, t, d, 3)), 3), concat(lo, bm)));
      cs.add(new Case("solveUpper vector d=" + d, p -> weigh(Triangular.solveUpper(triangular(p, 0, d, false), slice(p, t, d)), 4), concat(up, b)));
      cs.add(new Case("solveUpper matrix d=" + d, p -> weigh(Triangular.solveUpper(triangular(p, 0, d, false), rows(p, t, d, 3)), 5), concat(up, bm)));
      cs.add(new Case("solveLowerTransposed vector d=" + d,
          p -> weigh(Triangular.solveLowerTransposed(triangular(p, 0, d, true), slice(p, t, d)), 6), concat(lo, b)));
      cs.add(new Case("solveLowerTransposed matrix d=" + d,
          p -> weigh(Triangular.solveLowerTransposed(triangular(p, 0, d, true), rows(p, t, d, 3)), 7), concat(lo, bm)));
      cs.add(new Case("logDeterminant d=" + d, p -> Cholesky.logDeterminant(triangular(p, 0, d, true)), lo));
      cs.add(new Case("quadFormInverse d=" + d, p -> Cholesky.quadFormInverse(triangular(p, 0, d, true), slice(p, t, d)), concat(lo, b)));
      double[] a = gaussians(r, d * d);
      cs.add(new Case("quadForm d=" + d, p -> Matrices.quadForm(rows(p, 0, d, d), slice(p, d * d, d)), concat(a, b)));
      double[] rect = gaussians(r, (d + 1) * d);
      cs.add(new Case("matVec (d+1) x d, d=" + d, p -> weigh(Matrices.matVec(rows(p, 0, d + 1, d), slice(p, (d + 1) * d, d)), 8), concat(rect, b)));
      cs.add(new Case("lowerMatVec d=" + d, p -> weigh(Matrices.lowerMatVec(triangular(p, 0, d, true), slice(p, t, d)), 9), concat(lo, b)));
      double[] bb = gaussians(r, d * 2);
      cs.add(new Case("multiply (d+1) x d by d x 2, d=" + d,
          p -> weigh(Matrices.multiply(rows(p, 0, d + 1, d), rows(p, (d + 1) * d, d, 2)), 10), concat(rect, bb)));
      cs.add(new Case("addDiagonal d=" + d, p -> weigh(Matrices.addDiagonal(rows(p, 0, d, d), p[d * d]), 11), concat(a, new double[] {0.7})));
      double[] x = gaussians(r, d);
      cs.add(new Case("gpExpQuadCov(double[]) d=" + d, p -> weigh(GpCovariance.gpExpQuadCov(x, p[0], p[1]), 12), new double[] {1.3, 0.8}));
      double[][] pts = {gaussians(r, 2), gaussians(r, 2), gaussians(r, 2)};
      cs.add(new Case("gpExpQuadCov(double[][]) d=3x2", p -> weigh(GpCovariance.gpExpQuadCov(pts, p[0], p[1]), 13), new double[] {0.9, 1.4}));
      cs.add(new Case("gpExpQuadCov(Real[]) d=" + d, p -> weigh(GpCovariance.gpExpQuadCov(slice(p, 2, d), p[0], p[1]), 14), concat(new double[] {1.1, 0.7}, x)));
      // the GP marginal likelihood, every operation chained: y ~ N(0, K(x; alpha, rho) + sigma^2 I)
      double[] y = gaussians(r, d);
      cs.add(new Case("GP marginal likelihood d=" + d, p -> gpLogLikelihood(x, y, p[0], p[1], p[2]), new double[] {1.2, 0.6, 0.4}));
      // blocks with constant inputs (not on the tape) next to variable ones
      Real[][] constLower = triangular(Real.of(lo), 0, d, true);
      cs.add(new Case("solveLower, constant matrix d=" + d, p -> weigh(Triangular.solveLower(constLower, p), 16), b));
      cs.add(new Case("matVec, constant matrix d=" + d, p -> weigh(Matrices.matVec(Matrices.of(new double[][] {b, x}), p), 17), b));
      cs.add(new Case("cholesky, constant off-diagonal d=" + d, p -> {
        Real[][] sigma = symmetric(Real.of(spd), 0, d);
        for (int i = 0; i < d; i++) {
          sigma[i][i] = p[i];
        }
        return weigh(Cholesky.factor(sigma), 18);
      }, diagonal(spd, d)));
      // MvNormal-style composition: mean + L z with a factor from a real covariance
      cs.add(new Case("lowerMatVec(cholesky(Sigma), z) d=" + d,
          p -> weigh(Matrices.lowerMatVec(Cholesky.factor(symmetric(p, 0, d)), slice(p, t, d)), 15), concat(spd, b)));
    }
    return cs;
  }

  private static double[] diagonal(double[] packedLower, int d) {
    double[] g = new double[d];
    for (int i = 0; i < d; i++) {
      g[i] = packedLower[i * (i + 1) / 2 + i];
    }
    return g;
  }

  static Real gpLogLikelihood(double[] x, double[] y, Real alpha, Real rho, Real sigma) {
    Real[][] k = Matrices.addDiagonal(GpCovariance.gpExpQuadCov(x, alpha, rho), sigma.square());
    Real[][] l = Cholesky.factor(k);
    return Cholesky.quadFormInverse(l, Real.of(y)).plus(Cholesky.logDeterminant(l)).plus(x.length * Math.log(2 * Math.PI)).times(-0.5);
  }

  @TestFactory
  Stream<DynamicTest> reverseModeMatchesFiniteDifferences() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      assertNull(GradientCheck.mismatch(c.f(), c.point(), GradientCheck.TOL), c.name());
      double[] g = Grad.grad(c.f(), c.point()).gradient();
      boolean nonZero = false;
      for (double v : g) {
        nonZero |= v != 0;
      }
      assertTrue(nonZero, c.name() + ": every derivative is zero, the check would be vacuous");
    }));
  }

  @Test
  void choleskyMatchesEjmlAndReconstructsTheMatrix() {
    UniformRandomProvider r = Rngs.of(5);
    for (int d : SIZES) {
      double[] spd = spdLower(r, d);
      Real[][] sigma = symmetric(Real.of(spd), 0, d);
      Real[][] l = Cholesky.factor(sigma);
      DMatrixRMaj a = new DMatrixRMaj(Matrices.values(sigma));
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
      assertTrue(chol.decompose(a.copy()));
      DMatrixRMaj le = chol.getT(null);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          assertEquals(le.get(i, j), l[i][j].value(), 1e-12 * d, "L[" + i + "][" + j + "]");
          double s = 0;
          for (int k = 0; k < d; k++) {
            s += l[i][k].value() * l[j][k].value();
          }
          assertEquals(sigma[i][j].value(), s, 1e-12 * d * d, "(L L^T)[" + i + "][" + j + "]");
        }
      }
      DMatrixRMaj inv = new DMatrixRMaj(d, d);
      CommonOps_DDRM.invert(a, inv);
      double[] x = gaussians(r, d);
      double q = 0;
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          q += x[i] * inv.get(i, j) * x[j];
        }
      }
      assertEquals(q, Cholesky.quadFormInverse(l, Real.of(x)).value(), 1e-10 * (1 + Math.abs(q)));
      assertEquals(Math.log(CommonOps_DDRM.det(a)), Cholesky.logDeterminant(l).value(), 1e-10 * d);
    }
  }

  @Test
  void triangularSolvesSatisfyTheirEquations() {
    UniformRandomProvider r = Rngs.of(6);
    int d = 6;
    Real[][] lo = triangular(Real.of(triangle(r, d, true)), 0, d, true);
    Real[][] up = triangular(Real.of(triangle(r, d, false)), 0, d, false);
    Real[] b = Real.of(gaussians(r, d));
    Real[] x1 = Triangular.solveLower(lo, b);
    Real[] x2 = Triangular.solveUpper(up, b);
    Real[] x3 = Triangular.solveLowerTransposed(lo, b);
    for (int i = 0; i < d; i++) {
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < d; j++) {
        s1 += lo[i][j].value() * x1[j].value();
        s2 += up[i][j].value() * x2[j].value();
        s3 += lo[j][i].value() * x3[j].value();
      }
      assertEquals(b[i].value(), s1, 1e-12);
      assertEquals(b[i].value(), s2, 1e-12);
      assertEquals(b[i].value(), s3, 1e-12);
    }
  }

  @Test
  void constantsNeverTouchATape() {
    Real[][] sigma = {{Real.of(2), Real.of(0.5)}, {Real.of(0.5), Real.of(1)}};
    Real[][] l = Cholesky.factor(sigma);
    assertFalse(l[1][0].isVariable());
    assertFalse(Triangular.solveLower(l, Real.of(1, 2))[1].isVariable());
    assertFalse(GpCovariance.gpExpQuadCov(new double[] {0, 1}, Real.of(1), Real.of(1))[0][1].isVariable());
  }

  @Test
  void blockInputsGetAdjointsOnlyThroughUsedOutputs() {
    Tape tape = new Tape();
    Real[] p = tape.variables(new double[] {4, 1, 3});
    Real[][] l = Cholesky.factor(new Real[][] {{p[0], p[1]}, {p[1], p[2]}});
    // only L[0][0] = sqrt(Sigma00) is used: the other entries get no adjoint
    double[] g = tape.gradient(l[0][0].times(3), p);
    assertEquals(3 * 0.5 / 2, g[0], 1e-15);
    assertEquals(0, g[1]);
    assertEquals(0, g[2]);
    // no output used at all: a block whose outputs have zero adjoints is skipped
    Real other = p[2].square();
    assertEquals(6, tape.gradient(other, p)[2], 0);
  }

  @Test
  void badMatricesAreRefusedWithTheOffendingValue() {
    DomainException notPd = assertThrows(DomainException.class,
        () -> Cholesky.factor(new Real[][] {{Real.of(1), Real.of(2)}, {Real.of(2), Real.of(1)}}));
    assertTrue(notPd.getMessage().contains("pivot 1"), notPd.getMessage());
    DomainException asym = assertThrows(DomainException.class,
        () -> Cholesky.factor(new Real[][] {{Real.of(1), Real.of(0.2)}, {Real.of(0.3), Real.of(1)}}));
    assertTrue(asym.getMessage().contains("0.3"), asym.getMessage());
    DomainException zero = assertThrows(DomainException.class,
        () -> Triangular.solveLower(new Real[][] {{Real.of(0)}}, new Real[] {Real.of(1.0)}));
    assertTrue(zero.getMessage().contains("[0][0]"), zero.getMessage());
    assertThrows(DomainException.class, () -> GpCovariance.gpExpQuadCov(new double[] {0, 1}, Real.of(1), Real.of(-1)));
  }
}
