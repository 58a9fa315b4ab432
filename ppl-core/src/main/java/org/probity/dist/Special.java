package org.probity.dist;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * Special functions over {@link Real} used by the distributions' CDFs: the standard normal CDF
 * and its inverse (via Commons Numbers erfc), and differentiable wrappers of two-argument
 * special functions whose derivative in the argument is known in closed form. The derivative in
 * a shape parameter, which has no closed form, comes from {@link IncompleteGamma} and
 * {@link IncompleteBeta} for the incomplete gamma and beta functions (about 1e-11 relative),
 * and elsewhere (Student t's degrees of freedom) from a fourth-order central difference
 * ({@link #shapeNode}, error about 1e-10 relative).
 */
final class Special {
  static final double SQRT2 = Math.sqrt(2.0);
  static final double LOG_PI = Math.log(Math.PI);
  static final double LOG2 = Math.log(2.0);

  private Special() {
  }

  /** Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2 as a differentiable node. */
  static Real phi(Real z) {
    double v = 0.5 * Erfc.value(-z.value() / SQRT2);
    return Reals.node(new Real[] {z}, v, new double[] {stdNormalDensity(z.value())});
  }

  /** Standard normal survival 1 - Phi(z), accurate in the upper tail. */
  static Real phiUpper(Real z) {
    double v = 0.5 * Erfc.value(z.value() / SQRT2);
    return Reals.node(new Real[] {z}, v, new double[] {-stdNormalDensity(z.value())});
  }

  static double stdNormalDensity(double z) {
    return Math.exp(-0.5 * z * z - Normal.HALF_LOG_TWO_PI);
  }

  /** The standard normal quantile Phi^-1(p) = -sqrt 2 erfc^-1(2p). */
  static double phiInverse(double p) {
    return -SQRT2 * InverseErfc.value(2 * p);
  }

  /** log Gamma for doubles. */
  static double logGamma(double x) {
    return LogGamma.value(x);
  }

  /**
   * The regularised incomplete gamma P(a, y) (or Q(a, y) = 1 - P when {@code upper}) as a node in
   * the shape a (derivative from the differentiated series or continued fraction of
   * {@link IncompleteGamma}, about 1e-11 relative) and y > 0 (derivative +-y^(a-1) e^-y /
   * Gamma(a)); the CDF and survival of {@link Gamma} (y = rate x) and {@link InverseGamma} (y =
   * scale / x, tails swapped).
   */
  static Real regularizedGamma(Real a, Real y, boolean upper) {
    double yv = y.value();
    double av = a.value();
    // d/dy P(a, y) = y^(a-1) e^-y / Gamma(a); dQ/dy = -that
    double dy = Math.exp((av - 1) * Math.log(yv) - yv - logGamma(av));
    double v = upper ? RegularizedGamma.Q.value(av, yv) : RegularizedGamma.P.value(av, yv);
    double da = a.isVariable() ? IncompleteGamma.dPda(av, yv) : 0;
    return Reals.node(new Real[] {a, y}, v, new double[] {upper ? -da : da, upper ? -dy : dy});
  }

  /**
   * A node for f(s, y) where s is a shape parameter (derivative by central differences) and y
   * the argument with known derivative dfdy.
   */
  static Real shapeNode(Real s, Real y, DoubleBinaryOperator f, double dfdy) {
    double sv = s.value();
    double yv = y.value();
    double v = f.applyAsDouble(sv, yv);
    double ds = 0;
    if (s.isVariable()) {
      ds = derivative(t -> f.applyAsDouble(t, yv), sv);
    }
    return Reals.node(new Real[] {s, y}, v, new double[] {ds, dfdy});
  }

  /** Fourth-order central difference of g at a positive parameter x. */
  static double derivative(DoubleUnaryOperator g, double x) {
    double h = 1e-3 * Math.min(1.0, x) * Math.max(1.0, Math.abs(x));
    double f1 = g.applyAsDouble(x + h) - g.applyAsDouble(x - h);
    double f2 = g.applyAsDouble(x + 2 * h) - g.applyAsDouble(x - 2 * h);
    return (8 * f1 - f2) / (12 * h);
  }

  /**
   * Inverts a continuous CDF numerically: brackets p between points of the support (expanding
   * geometrically where the support is unbounded), then safeguarded Newton–bisection to double
   * precision.
   */
  static double invert(ContinuousCdf d, double p) {
    checkProbability(d, p);
    double lo = d.supportLowerBound();
    double hi = d.supportUpperBound();
    if (p == 0) {
      return lo;
    }
    if (p == 1) {
      return hi;
    }
    double a = lo;
    double b = hi;
    double m = d.mean();
    double s = Math.sqrt(d.variance());
    double start = Double.isFinite(m) ? m : 0;
    double step = Double.isFinite(s) && s > 0 ? s : 1;
    if (Double.isFinite(lo) && start <= lo) {
      start = lo + step;
    }
    if (Double.isFinite(hi) && start >= hi) {
      start = hi - step;
    }
    if (Double.isInfinite(a)) {
      a = start - step;
      while (d.cdf(a) > p) {
        step *= 2;
        a = start - step;
      }
    }
    if (Double.isInfinite(b)) {
      step = Double.isFinite(s) && s > 0 ? s : 1;
      b = Math.max(start, a) + step;
      while (d.cdf(b) < p) {
        step *= 2;
        b = Math.max(start, a) + step;
      }
    }
    double x = 0.5 * (a + b);
    for (int i = 0; i < 300 && b - a > 1e-15 * Math.max(1, Math.abs(x)); i++) {
      double f = d.cdf(x) - p;
      if (f == 0) {
        return x;
      }
      if (f < 0) {
        a = x;
      } else {
        b = x;
      }
      double dens = Math.exp(d.logDensity(x));
      double nx = x - f / dens;
      x = dens > 0 && nx > a && nx < b ? nx : 0.5 * (a + b);
    }
    return x;
  }

  static void checkProbability(Distribution<?> d, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new DistributionException(d.name() + ": inverse CDF argument p must be in [0, 1], got " + p);
    }
  }

  /** log(1 + e^x), stable in both tails. */
  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** The logistic sigmoid 1 / (1 + e^-x), accurate in both tails. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }
}
