package org.probity.inference.diagnostics;

/**
 * Autocovariance of one chain, {@code acov[k] = (1/N) sum_i (x_i - mean)(x_{i+k} - mean)}.
 *
 * <p>The FFT version follows posterior's {@code autocovariance} (Geyer 1992; Vehtari et al. 2021,
 * section 3.2): zero-pad the centred chain to at least twice its length so the circular
 * correlation equals the linear one, take {@code |FFT|^2}, invert, and rescale so that lag 0 is
 * the biased variance {@code var(x) (N - 1) / N}. The direct O(N^2) sum gives the same values up
 * to rounding and serves as a check.
 */
public final class Autocovariance {

  private Autocovariance() {}

  /** Autocovariances at lags {@code 0..N-1} computed with a radix-2 FFT. */
  public static double[] fft(double[] chain) {
    double[] x = DrawsCheck.copy(new double[][] {chain}, 1)[0];
    int n = x.length;
    double variance = Moments.variance(x);
    if (!(variance != 0) || n < 2) {
      return new double[n];
    }
    double mean = Moments.mean(x);
    int size = Integer.highestOneBit(2 * n - 1) << 1;
    double[] re = new double[size];
    double[] im = new double[size];
    for (int i = 0; i < n; i++) {
      re[i] = x[i] - mean;
    }
    Fft.transform(re, im, false);
    for (int i = 0; i < size; i++) {
      re[i] = re[i] * re[i] + im[i] * im[i];
      im[i] = 0;
    }
    Fft.transform(re, im, true);
    double[] acov = new double[n];
    double scale = variance * (n - 1) / n;
    for (int k = 0; k < n; k++) {
      acov[k] = re[k] / re[0] * scale;
    }
    return acov;
  }

  /** Autocovariances at lags {@code 0..N-1} by direct summation. */
  public static double[] direct(double[] chain) {
    double[] x = DrawsCheck.copy(new double[][] {chain}, 1)[0];
    int n = x.length;
    double[] acov = new double[n];
    if (n < 2 || Moments.variance(x) == 0) {
      return acov;
    }
    double mean = Moments.mean(x);
    double[] centred = new double[n];
    for (int i = 0; i < n; i++) {
      centred[i] = x[i] - mean;
    }
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i + k < n; i++) {
        s += centred[i] * centred[i + k];
      }
      acov[k] = s / n;
    }
    return acov;
  }
}
