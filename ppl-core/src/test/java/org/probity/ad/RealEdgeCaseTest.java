package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Edge cases of the scalar ops: pow at 0, the tails of the logistic family, infinities. */
class RealEdgeCaseTest {

  static double d(Function<Real, Real> f, double x) {
    return Grad.grad(xs -> f.apply(xs[0]), new double[] {x}).gradient()[0];
  }

  @Test
  void powAtZero() {
    assertEquals(0.0, d(x -> x.pow(2), 0.0));
    assertEquals(1.0, d(x -> x.pow(1), 0.0));
    assertEquals(0.0, d(x -> x.pow(0), 0.0));
    assertEquals(1.0, Real.of(0).pow(0).value());
    assertEquals(Double.POSITIVE_INFINITY, d(x -> x.pow(0.5), 0.0));
    // x^y at (0, 2): both partials 0 (no NaN from 0 * log 0)
    double[] g = Grad.grad(xs -> xs[0].pow(xs[1]), new double[] {0.0, 2.0}).gradient();
    assertEquals(0.0, g[0]);
    assertEquals(0.0, g[1]);
    // x^y at (2, 0): d/dx = 0, d/dy = log 2
    g = Grad.grad(xs -> xs[0].pow(xs[1]), new double[] {2.0, 0.0}).gradient();
    assertEquals(0.0, g[0]);
    assertEquals(Math.log(2), g[1], 1e-15);
  }

  @Test
  void logisticTailsKeepRelativeAccuracy() {
    // logistic'(x) = e^-|x| / (1 + e^-|x|)^2; the naive s (1 - s) is exactly 0 at x = 40
    for (double x : new double[] {-40, 40, -700}) {
      double e = Math.exp(-Math.abs(x));
      double exact = e / ((1 + e) * (1 + e));
      assertEquals(exact, d(Real::logistic, x), 1e-14 * exact, "logistic' at " + x);
    }
    assertEquals(0.0, d(Real::logistic, 800));
    assertEquals(0.0, d(Real::logistic, -800));
    assertEquals(1.0, Real.of(800).logistic().value());
    assertEquals(0.0, Real.of(-800).logistic().value());
  }

  @Test
  void softplusFamilyAtLargeMagnitude() {
    assertEquals(800.0, Real.of(800).log1pExp().value());
    assertEquals(1.0, d(Real::log1pExp, 800));
    assertEquals(0.0, Real.of(-800).log1pExp().value());
    assertEquals(0.0, d(Real::log1pExp, -800));
    assertEquals(Math.exp(-40), Real.of(-40).log1pExp().value(), 1e-14 * Math.exp(-40));
    assertEquals(-800.0, Real.of(-800).logLogistic().value());
    assertEquals(1.0, d(Real::logLogistic, -800));
    assertEquals(-Math.exp(-40), Real.of(40).logLogistic().value(), 1e-14 * Math.exp(-40));
    assertEquals(Math.exp(-40), d(Real::logLogistic, 40), 1e-14 * Math.exp(-40));
    assertEquals(0.0, d(Real::logLogistic, 800));
  }

  @Test
  void logLogisticIsOneNode() {
    Tape t = new Tape();
    Real x = t.variable(1.0);
    x.logLogistic();
    assertEquals(2, t.size());
  }

  @Test
  void log1mExpNearZeroAndFarAway() {
    assertEquals(Math.log(1e-10), Real.of(-1e-10).log1mExp().value(), 1e-9);
    assertEquals(-Math.exp(-40), Real.of(-40).log1mExp().value(), 1e-14 * Math.exp(-40));
    assertTrue(Double.isNaN(Real.of(0.5).log1mExp().value()));
    // logDiffExp(a, -inf) = a with derivative (1, 0)
    double[] g = Grad.grad(xs -> xs[0].logDiffExp(Real.NEGATIVE_INFINITY.plus(xs[1].times(0))), new double[] {1.5, 0}).gradient();
    assertEquals(1.0, g[0]);
    assertEquals(1.5, Real.of(1.5).logDiffExp(Real.NEGATIVE_INFINITY).value());
  }

  @Test
  void logSumExpWithInfinities() {
    double[] g = Grad.grad(xs -> Reals.logSumExp(xs[0], Real.NEGATIVE_INFINITY), new double[] {0.3}).gradient();
    assertEquals(1.0, g[0]);
    assertEquals(Double.NEGATIVE_INFINITY, Reals.logSumExp(Real.NEGATIVE_INFINITY, Real.NEGATIVE_INFINITY).value());
    Grad.ValueAndGradient vg = Grad.grad(xs -> Reals.logSumExp(xs[0], xs[1]), new double[] {Double.POSITIVE_INFINITY, 1.0});
    assertEquals(Double.POSITIVE_INFINITY, vg.value());
    assertEquals(1.0, vg.gradient()[0]);
    assertEquals(0.0, vg.gradient()[1]);
    vg = Grad.grad(Reals::logSumExp, new double[] {1.0, Double.POSITIVE_INFINITY, 2.0});
    assertEquals(Double.POSITIVE_INFINITY, vg.value());
    assertEquals(1.0, vg.gradient()[1]);
    assertEquals(0.0, vg.gradient()[0]);
  }

  @Test
  void constantsNeverTouchATape() {
    Real c = Real.of(2).times(Real.of(3)).exp().log1pExp();
    assertFalse(c.isVariable());
    assertEquals(-1, c.index());
    assertFalse(Reals.sum(Real.of(1, 2, 3)).isVariable());
  }

  @Test
  void gradientOfAConstantOutputIsZero() {
    Grad.ValueAndGradient vg = Grad.grad(xs -> Real.of(5), new double[] {1, 2});
    assertEquals(0.0, vg.gradient()[0]);
    assertEquals(0.0, vg.gradient()[1]);
  }

  @Test
  void allocationLightGradientAgreesWithGrad() {
    Function<Real[], Real> f = xs -> xs[0].times(xs[1]).sin().plus(xs[1].exp());
    double[] x = {0.4, -0.7};
    double[] out = new double[2];
    double v = Grad.gradient(f, x, out);
    Grad.ValueAndGradient vg = Grad.grad(f, x);
    assertEquals(vg.value(), v);
    assertEquals(vg.gradient()[0], out[0]);
    assertEquals(vg.gradient()[1], out[1]);
    assertEquals(v, Grad.value(f, x));
    assertThrows(IllegalArgumentException.class, () -> Grad.gradient(f, x, new double[3]));
  }

  @Test
  void hessianVectorProductOfAQuadratic() {
    // f = x0^2 x1 + 3 x1^2: H = [[2 x1, 2 x0], [2 x0, 6]]
    Function<Real[], Real> f = xs -> xs[0].square().times(xs[1]).plus(xs[1].square().times(3));
    double[] hv = Grad.hessianVectorProduct(f, new double[] {1.5, -2}, new double[] {1, 2}, 1e-5);
    assertEquals(2 * -2 * 1 + 2 * 1.5 * 2, hv[0], 1e-8);
    assertEquals(2 * 1.5 * 1 + 6 * 2, hv[1], 1e-8);
  }

  @Test
  void theCheckerRejectsAWrongPartial() {
    // a node whose recorded partial is off by 1e-3: the property tests' checker must flag it
    Function<Real[], Real> wrong = xs -> Reals.node(xs, xs[0].value() * xs[0].value(), new double[] {2 * xs[0].value() + 1e-3});
    assertNotNull(GradientCheck.mismatch(wrong, new double[] {0.7}, GradientCheck.TOL));
    Function<Real[], Real> right = xs -> Reals.node(xs, xs[0].value() * xs[0].value(), new double[] {2 * xs[0].value()});
    assertEquals(null, GradientCheck.mismatch(right, new double[] {0.7}, GradientCheck.TOL));
  }

  @Test
  void likelihoodArgumentChecks() {
    Real[] m = Real.of(0, 0);
    assertThrows(DomainException.class, () -> Reals.normalLogLikelihood(new double[] {1, 2}, m, Real.of(0)));
    assertThrows(IllegalArgumentException.class, () -> Reals.normalLogLikelihood(new double[] {1}, m, Real.of(1)));
    DomainException e = assertThrows(DomainException.class,
        () -> Reals.bernoulliLogitLogLikelihood(new int[] {1, 2}, m));
    assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
  }
}
