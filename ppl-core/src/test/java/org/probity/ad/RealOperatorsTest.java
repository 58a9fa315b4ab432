package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.probity.ad.Reals.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The operators that let models read like their mathematics (oneMinus, rdiv, inverse, logit,
 * inverseLogit, normalCdf, and the static forms of Reals): their values against plain Java and
 * their derivatives against central finite differences.
 */
class RealOperatorsTest {

  private static void check(String what, Function<Real, Real> f, double x, double expected) {
    assertEquals(expected, f.apply(Real.of(x)).value(), 1e-14 * Math.max(1, Math.abs(expected)), what + " at " + x);
    Function<Real[], Real> g = xs -> f.apply(xs[0]);
    assertNull(GradientCheck.mismatch(g, new double[] {x}, GradientCheck.TOL), what + " gradient at " + x);
  }

  @Test
  void valuesAndGradients() {
    for (double x : new double[] {0.05, 0.3, 0.5, 0.9}) {
      check("oneMinus", Real::oneMinus, x, 1 - x);
      check("Reals.oneMinus", Reals::oneMinus, x, 1 - x);
      check("rdiv", r -> r.rdiv(3), x, 3 / x);
      check("inverse", Real::inverse, x, 1 / x);
      check("logit", Real::logit, x, Math.log(x / (1 - x)));
      check("Reals.logit", Reals::logit, x, Math.log(x / (1 - x)));
    }
    for (double x : new double[] {-6, -1.3, 0, 0.7, 5}) {
      check("inverseLogit", Real::inverseLogit, x, 1 / (1 + Math.exp(-x)));
      check("Reals.inverseLogit", Reals::inverseLogit, x, 1 / (1 + Math.exp(-x)));
      check("exp", Reals::exp, x, Math.exp(x));
      check("square", Reals::square, x, x * x);
      check("abs", Reals::abs, x == 0 ? 0.1 : x, Math.abs(x == 0 ? 0.1 : x));
    }
    for (double x : new double[] {0.2, 1.5, 7}) {
      check("log", Reals::log, x, Math.log(x));
      check("sqrt", Reals::sqrt, x, Math.sqrt(x));
      check("pow", r -> pow(r, 2.5), x, Math.pow(x, 2.5));
      check("log1p", Reals::log1p, x, Math.log1p(x));
    }
  }

  @Test
  void normalCdfIsAccurateInBothTails() {
    // reference values of Phi: Phi(0) = 1/2, Phi(1.96) = 0.9750021048517795, Phi(-10) = 7.619853024160527e-24
    assertEquals(0.5, Real.of(0).normalCdf().value(), 1e-16);
    assertEquals(0.9750021048517795, Real.of(1.96).normalCdf().value(), 1e-15);
    assertEquals(7.619853024160527e-24, normalCdf(Real.of(-10)).value(), 1e-37);
    for (double x : new double[] {-3, -0.4, 0, 1.2, 2.5}) {
      Function<Real[], Real> g = xs -> xs[0].normalCdf();
      assertNull(GradientCheck.mismatch(g, new double[] {x}, GradientCheck.TOL), "Phi' at " + x);
    }
  }

  @Test
  void meanIsOneNode() {
    Real m = mean(Real.of(1, 2, 6));
    assertEquals(3.0, m.value(), 0.0);
    double[] g = Grad.grad(xs -> mean(xs), new double[] {1, 2, 6}).gradient();
    assertEquals(List.of(1.0 / 3, 1.0 / 3, 1.0 / 3), List.of(g[0], g[1], g[2]));
    assertThrows(IllegalArgumentException.class, () -> mean());
  }
}
