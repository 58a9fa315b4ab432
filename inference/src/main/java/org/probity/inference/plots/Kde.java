package org.probity.inference.plots;

import java.util.Arrays;

/** Gaussian kernel density estimation with Silverman's rule-of-thumb bandwidth. */
final class Kde {
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private Kde() {
  }

  /** {@code 0.9 min(sd, IQR / 1.34) n^(-1/5)} (Silverman 1986, eq. 3.31); 1 for constant data. */
  static double silverman(double[] x) {
    int n = x.length;
    double mean = Arrays.stream(x).average().orElse(0);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
    return spread > 0 ? 0.9 * spread * Math.pow(n, -0.2) : 1;
  }

  /** The density estimate at each grid point. */
  static double[] estimate(double[] x, double h, double[] grid) {
    double[] out = new double[grid.length];
    for (int g = 0; g < grid.length; g++) {
      double sum = 0;
      for (double v : x) {
        double z = (grid[g] - v) / h;
        sum += Math.exp(-0.5 * z * z);
      }
      out[g] = sum * INV_SQRT_2PI / (x.length * h);
    }
    return out;
  }

  private static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
