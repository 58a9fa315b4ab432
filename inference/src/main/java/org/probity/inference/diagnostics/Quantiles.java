package org.probity.inference.diagnostics;

import java.util.Arrays;

/**
 * Sample quantiles of type 7 (R's default, Hyndman and Fan 1996), median and MAD.
 *
 * <p>With {@code h = 1 + (n - 1) p} on sorted draws (1-based) the quantile is
 * {@code (1 - f) x[floor(h)] + f x[ceil(h)]}, {@code f = h - floor(h)}, exactly as R's
 * {@code quantile.default}, which posterior's {@code quantile2} calls. Draws of all chains are
 * pooled.
 */
public final class Quantiles {

  /** Consistency constant of R's {@code mad} for the normal distribution. */
  public static final double MAD_CONSTANT = 1.4826;

  private Quantiles() {}

  /** Type-7 quantile of all draws pooled. */
  public static double quantile(double[][] draws, double p) {
    return quantile(DrawsCheck.flatten(DrawsCheck.copy(draws, 1)), p);
  }

  /** Type-7 quantile of a sample (any order). */
  public static double quantile(double[] sample, double p) {
    InvalidProbabilityException.check(p);
    double[][] checked = DrawsCheck.copy(new double[][] {sample}, 1);
    double[] sorted = checked[0];
    Arrays.sort(sorted);
    return sortedQuantile(sorted, p);
  }

  /** Median of all draws pooled. */
  public static double median(double[][] draws) {
    return medianOf(DrawsCheck.flatten(DrawsCheck.copy(draws, 1)));
  }

  /** Median absolute deviation about the median, scaled by {@link #MAD_CONSTANT}. */
  public static double mad(double[][] draws) {
    double[] x = DrawsCheck.flatten(DrawsCheck.copy(draws, 1));
    double median = medianOf(x);
    double[] deviations = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      deviations[i] = Math.abs(x[i] - median);
    }
    return MAD_CONSTANT * medianOf(deviations);
  }

  /** R's {@code median}: middle value, or the mean of the two middle values. */
  static double medianOf(double[] x) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int half = (n + 1) / 2;
    if (n % 2 == 1) {
      return sorted[half - 1];
    }
    return Moments.mean(new double[] {sorted[half - 1], sorted[half]});
  }

  /** Type-7 quantile of already sorted values, in R's order of floating-point operations. */
  static double sortedQuantile(double[] sorted, double p) {
    int n = sorted.length;
    double index = 1 + Math.max(n - 1, 0) * p;
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    double q = sorted[lo - 1];
    if (index > lo && sorted[hi - 1] != q) {
      double h = index - lo;
      q = (1 - h) * q + h * sorted[hi - 1];
    }
    return q;
  }

  static double pooledQuantile(double[][] x, double p) {
    double[] sorted = DrawsCheck.flatten(x);
    Arrays.sort(sorted);
    return sortedQuantile(sorted, p);
  }
}
