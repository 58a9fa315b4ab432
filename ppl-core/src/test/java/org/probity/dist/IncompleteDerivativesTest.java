package org.probity.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The shape derivatives behind implicit reparameterisation ({@link IncompleteGamma},
 * {@link IncompleteBeta}) against two independent references computed with Commons Numbers and
 * Commons Statistics: a Richardson-extrapolated central difference (truncation error O(h^6)) of
 * the regularised incomplete gamma / beta function in the shape, from whichever tail is smaller
 * (so the difference keeps its relative precision), within 1e-8 relative; and the same
 * difference of the inverse CDF at fixed probability u, dx/dtheta = d F^-1(u; theta) / dtheta,
 * within 1e-6 relative plus the difference's own rounding, 10 ulp(x) / h (Commons' inverse CDFs
 * are accurate to about an ulp; near an end point of the support x carries few significant
 * digits of its distance to it). The grid spans shapes from 0.05 to 1000 and probabilities from 1e-6 to
 * 1 - 1e-6.
 */
class IncompleteDerivativesTest {
  private static final double[] US = {1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6};

  /** Richardson-extrapolated central difference of g at x with relative step 1e-3. */
  static double derivative(DoubleUnaryOperator g, double x) {
    double h = 1e-3 * Math.max(Math.abs(x), 1e-3);
    double d1 = (g.applyAsDouble(x + h) - g.applyAsDouble(x - h)) / (2 * h);
    double d2 = (g.applyAsDouble(x + h / 2) - g.applyAsDouble(x - h / 2)) / h;
    double d4 = (g.applyAsDouble(x + h / 4) - g.applyAsDouble(x - h / 4)) / (h / 2);
    double r1 = (4 * d2 - d1) / 3;
    double r2 = (4 * d4 - d2) / 3;
    return (16 * r2 - r1) / 15;
  }

  private static void close(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, rel * Math.abs(expected) + 1e-300, what);
  }

  /**
   * As {@link #close} for a difference of inverse-CDF values near x: a rounding of one ulp of x
   * in each of the six evaluations becomes an absolute error of at most about 10 ulp(x) / h in
   * the extrapolated difference (h the step of {@link #derivative} at theta).
   */
  private static void closeQuantile(double expected, double actual, double x, double theta, String what) {
    double h = 1e-3 * Math.max(Math.abs(theta), 1e-3);
    assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 10 * Math.ulp(x) / h, what);
  }

  @Test
  void gammaShapeDerivativeOfTheCdf() {
    for (double a : new double[] {0.05, 0.3, 1, 2.5, 10, 100, 1000}) {
      for (double u : US) {
        double x = GammaDistribution.of(a, 1).inverseCumulativeProbability(u);
        boolean lower = u < 0.5;
        double fd = lower ? derivative(s -> RegularizedGamma.P.value(s, x), a) : -derivative(s -> RegularizedGamma.Q.value(s, x), a);
        close(fd, IncompleteGamma.dPda(a, x), 1e-8, "dP/da at a=" + a + ", x=" + x);
      }
    }
  }

  @Test
  void gammaImplicitDerivativeIsTheDerivativeOfTheInverseCdf() {
    for (double a : new double[] {0.05, 0.3, 1, 2.5, 10, 100, 1000}) {
      for (double u : US) {
        double x = GammaDistribution.of(a, 1).inverseCumulativeProbability(u);
        double fd = derivative(s -> GammaDistribution.of(s, 1).inverseCumulativeProbability(u), a);
        closeQuantile(fd, IncompleteGamma.implicitShapeDerivative(a, x), x, a, "dx/da at a=" + a + ", u=" + u);
      }
    }
  }

  @Test
  void betaShapeDerivativesOfTheCdf() {
    double[] shapes = {0.2, 1, 3.5, 50};
    for (double a : shapes) {
      for (double b : shapes) {
        for (double u : US) {
          double x = BetaDistribution.of(a, b).inverseCumulativeProbability(u);
          double y = 1 - x;
          double[] g = IncompleteBeta.shapeDerivatives(a, b, x, y);
          boolean lower = u < 0.5;
          double fa = lower ? derivative(s -> RegularizedBeta.value(x, s, b), a) : -derivative(s -> RegularizedBeta.value(y, b, s), a);
          double fb = lower ? derivative(s -> RegularizedBeta.value(x, a, s), b) : -derivative(s -> RegularizedBeta.value(y, s, a), b);
          close(fa, g[0], 1e-8, "dI/da at a=" + a + ", b=" + b + ", x=" + x);
          close(fb, g[1], 1e-8, "dI/db at a=" + a + ", b=" + b + ", x=" + x);
        }
      }
    }
  }

  @Test
  void betaImplicitDerivativesAreTheDerivativesOfTheInverseCdf() {
    double[] shapes = {0.2, 1, 3.5, 50};
    for (double a : shapes) {
      for (double b : shapes) {
        for (double u : US) {
          double x = BetaDistribution.of(a, b).inverseCumulativeProbability(u);
          double[] g = IncompleteBeta.implicitShapeDerivatives(a, b, x, 1 - x);
          double fa = derivative(s -> BetaDistribution.of(s, b).inverseCumulativeProbability(u), a);
          double fb = derivative(s -> BetaDistribution.of(a, s).inverseCumulativeProbability(u), b);
          closeQuantile(fa, g[0], x, a, "dx/da at a=" + a + ", b=" + b + ", u=" + u);
          closeQuantile(fb, g[1], x, b, "dx/db at a=" + a + ", b=" + b + ", u=" + u);
        }
      }
    }
  }

  @Test
  void studentTDegreesOfFreedomDerivativeIsTheDerivativeOfTheInverseCdf() {
    for (double nu : new double[] {0.7, 2.5, 9, 60}) {
      for (double u : US) {
        double t = TDistribution.of(nu).inverseCumulativeProbability(u);
        double fd = derivative(s -> TDistribution.of(s).inverseCumulativeProbability(u), nu);
        closeQuantile(fd, StudentT.implicitNuDerivative(nu, t), t, nu, "dt/dnu at nu=" + nu + ", u=" + u);
      }
    }
  }
}
