package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.ad.Real;

/**
 * Every density integrates to 1 (adaptive Simpson, {@link Simpson}, to 1e-8 absolute; 1e-6 for
 * the two-dimensional integrals) and every pmf sums to 1 within 1e-10 (over the support, or
 * until the remaining tail is below 1e-12).
 */
class NormalisationTest {
  private static final double TOL = 1e-8;

  @TestFactory
  Stream<DynamicTest> densitiesIntegrateToOne() {
    return Cases.continuous().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Continuous d = c.dist();
      double total = integrateDensity(d, x -> 1.0);
      assertEquals(1.0, total, TOL, c.name());
    }));
  }

  /**
   * The integral of g(x) f(x) over the support; a density that is infinite at a finite lower end
   * (shape below 1) is integrated after the substitution x = lo + u^4, which removes the
   * singularity.
   */
  static double integrateDensity(Continuous d, java.util.function.DoubleUnaryOperator g) {
    double lo = d.supportLowerBound();
    double hi = d.supportUpperBound();
    if (Double.isFinite(lo) && d.logDensity(lo) == Double.POSITIVE_INFINITY) {
      double uHi = Double.isFinite(hi) ? Math.pow(hi - lo, 0.25) : Double.POSITIVE_INFINITY;
      return Simpson.integrate(u -> {
        if (u == 0) {
          return 0;
        }
        double x = lo + u * u * u * u;
        return 4 * u * u * u * g.applyAsDouble(x) * Math.exp(d.logDensity(x));
      }, 0, uHi, 1e-11);
    }
    return Simpson.integrate(x -> g.applyAsDouble(x) * Math.exp(d.logDensity(x)), lo, hi, 1e-11);
  }

  @TestFactory
  Stream<DynamicTest> pmfsSumToOne() {
    return Cases.discrete().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      Discrete d = c.dist();
      double s = 0;
      int k = (int) d.supportLowerBound();
      int hi = (int) Math.min(d.supportUpperBound(), Integer.MAX_VALUE - 1);
      for (; k <= hi && (d.hasFiniteSupport() || 1 - s >= 1e-12) && k < 10_000_000; k++) {
        s += Math.exp(d.logPmf(k));
      }
      assertEquals(1.0, s, 1e-10, c.name() + " summed to k=" + k);
    }));
  }

  @Test
  void dirichletIntegratesOverTheSimplex() {
    Dirichlet two = Dirichlet.of(2.5, 1.5);
    assertEquals(1.0, Simpson.integrate(x -> Math.exp(two.logDensity(Real.of(x, 1 - x))), 0, 1, 1e-11), TOL);
    Dirichlet three = Dirichlet.of(2, 3, 1.5);
    double total = Simpson.integrate(x -> Simpson.integrate(
        y -> Math.exp(three.logDensity(Real.of(x, y, Math.max(0, 1 - x - y)))), 0, 1 - x, 1e-9), 0, 1, 1e-8);
    assertEquals(1.0, total, 1e-6);
  }

  @Test
  void mvNormalIntegratesOverThePlane() {
    MvNormal d = MvNormal.of(new double[] {0.5, -1}, new double[][] {{1, 0.6}, {0.6, 2}});
    double total = Simpson.integrate(x -> Simpson.integrate(
        y -> Math.exp(d.logDensity(Real.of(x, y))), -15, 15, 1e-10), -12, 13, 1e-9);
    assertEquals(1.0, total, 1e-6);
  }

  @Test
  void multinomialSumsToOneOverItsEnumeratedSupport() {
    Multinomial m = Multinomial.of(5, 0.2, 0.5, 0.3);
    List<int[]> support = m.enumerateSupport();
    double s = 0;
    for (int[] k : support) {
      s += Math.exp(m.logDensity(k));
    }
    assertEquals(1.0, s, 1e-12);
    assertTrue(m.hasFiniteSupport());
  }
}
