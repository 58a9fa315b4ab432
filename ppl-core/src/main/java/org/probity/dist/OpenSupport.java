package org.probity.dist;

/**
 * Keeps draws in the open support of a distribution. A sampler working in double precision can
 * return a bound itself: {@code Gamma(0.001, 0.001)} underflows to exactly 0.0 on about half its
 * draws, {@code Beta(0.01, 0.01)} rounds to 0 or 1 on a third, {@code InverseGamma} overflows
 * to infinity, and a uniform of a wide interval rounds up to its upper bound. At such a bound the
 * density is often infinite or zero, and an unconstrained transform (log, logit) is infinite. So
 * a draw on or beyond a bound is moved to the nearest representable interior value
 * ({@code Math.nextUp(lower)}, {@code Math.nextDown(upper)}): the law changes by at most the mass
 * of the sub-normal interval next to the bound, which double precision cannot represent anyway.
 */
final class OpenSupport {
  private OpenSupport() {
  }

  /** {@code x} moved into the open interval (lo, hi) when it lies on or beyond a bound; NaN stays NaN. */
  static double inside(double x, double lo, double hi) {
    if (x <= lo) {
      double up = Math.nextUp(lo);
      return up < hi ? up : x;
    }
    if (x >= hi) {
      double down = Math.nextDown(hi);
      return down > lo ? down : x;
    }
    return x;
  }

  /** {@code x} moved into the open half line (0, infinity). */
  static double positive(double x) {
    return inside(x, 0.0, Double.POSITIVE_INFINITY);
  }

  /** {@code x} moved into the open unit interval (0, 1). */
  static double unit(double x) {
    return inside(x, 0.0, 1.0);
  }
}
