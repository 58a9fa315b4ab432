package org.probity.bench;

import java.util.Arrays;

/** Small summaries over repeats: median, mean and the standard error of the mean. */
public final class Stats {
  private Stats() {
  }

  /** The median (mean of the two middle values for an even count). */
  public static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** The mean. */
  public static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  /** The standard error of the mean, sd / sqrt(n) with the n - 1 sample variance; NaN for n &lt; 2. */
  public static double standardError(double[] xs) {
    int n = xs.length;
    if (n < 2) {
      return Double.NaN;
    }
    double m = mean(xs);
    double v = 0;
    for (double x : xs) {
      v += (x - m) * (x - m);
    }
    return Math.sqrt(v / (n - 1) / n);
  }
}
