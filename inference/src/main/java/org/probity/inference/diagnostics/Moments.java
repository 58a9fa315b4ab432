package org.probity.inference.diagnostics;

/** Sample mean, variance and standard deviation computed as R does (two-pass, n - 1). */
final class Moments {

  private Moments() {}

  /** Mean with R's second-pass correction of the rounding error. */
  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double m = s / x.length;
    double r = 0;
    for (double v : x) {
      r += v - m;
    }
    return m + r / x.length;
  }

  /** Unbiased sample variance; NaN for fewer than two values (R's {@code var}). */
  static double variance(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      double d = v - m;
      s += d * d;
    }
    return s / (x.length - 1);
  }

  static double sd(double[] x) {
    return Math.sqrt(variance(x));
  }

  /** posterior's {@code should_return_NA} for finite input: max - min below machine epsilon. */
  static boolean isConstant(double[] x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return Math.abs(hi - lo) < Math.ulp(1.0);
  }

  static boolean isConstant(double[][] x) {
    return isConstant(DrawsCheck.flatten(x));
  }
}
