package org.probity.dist;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Simpson quadrature for the tests (independent of the main code's Gauss–Kronrod):
 * the range is first cut into 64 panels so narrow peaks are not missed, then each panel is
 * refined until Richardson's error estimate is below the tolerance. Infinite ranges are mapped
 * to finite ones by x = t/(1-t^2) or x = a + t/(1-t); the integrand is taken as 0 at the mapped
 * infinite end points (adaptive refinement absorbs the last sliver).
 */
final class Simpson {
  private Simpson() {
  }

  static double integrate(DoubleUnaryOperator f, double a, double b, double tol) {
    if (Double.isInfinite(a) && Double.isInfinite(b)) {
      return finite(t -> {
        double d = 1 - t * t;
        return d <= 0 ? 0 : nanToZero(f.applyAsDouble(t / d) * (1 + t * t) / (d * d));
      }, -1, 1, tol);
    }
    if (Double.isInfinite(b)) {
      return finite(t -> t >= 1 ? 0 : nanToZero(f.applyAsDouble(a + t / (1 - t)) / ((1 - t) * (1 - t))), 0, 1, tol);
    }
    if (Double.isInfinite(a)) {
      return finite(t -> t >= 1 ? 0 : nanToZero(f.applyAsDouble(b - t / (1 - t)) / ((1 - t) * (1 - t))), 0, 1, tol);
    }
    return finite(f, a, b, tol);
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double finite(DoubleUnaryOperator f, double a, double b, double tol) {
    int panels = 64;
    double h = (b - a) / panels;
    double total = 0;
    for (int i = 0; i < panels; i++) {
      double l = a + i * h;
      double r = i == panels - 1 ? b : l + h;
      double fl = f.applyAsDouble(l);
      double fr = f.applyAsDouble(r);
      double m = 0.5 * (l + r);
      double fm = f.applyAsDouble(m);
      total += adapt(f, l, r, fl, fm, fr, (r - l) / 6 * (fl + 4 * fm + fr), tol / panels, 0);
    }
    return total;
  }

  private static double adapt(DoubleUnaryOperator f, double a, double b, double fa, double fm, double fb, double whole, double tol, int depth) {
    double m = 0.5 * (a + b);
    double lm = 0.5 * (a + m);
    double rm = 0.5 * (m + b);
    double flm = f.applyAsDouble(lm);
    double frm = f.applyAsDouble(rm);
    double left = (m - a) / 6 * (fa + 4 * flm + fm);
    double right = (b - m) / 6 * (fm + 4 * frm + fb);
    double delta = left + right - whole;
    if (depth >= 45 || Math.abs(delta) <= 15 * tol) {
      return left + right + delta / 15;
    }
    return adapt(f, a, m, fa, flm, fm, left, tol / 2, depth + 1) + adapt(f, m, b, fm, frm, fb, right, tol / 2, depth + 1);
  }
}
