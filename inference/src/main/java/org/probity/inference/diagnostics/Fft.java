package org.probity.inference.diagnostics;

/** In-place iterative radix-2 Cooley-Tukey FFT on separate real and imaginary arrays. */
final class Fft {

  private Fft() {}

  /** Transforms in place; {@code inverse} uses the conjugate twiddles and no 1/N scaling. */
  static void transform(double[] re, double[] im, boolean inverse) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
      int half = len / 2;
      for (int k = 0; k < half; k++) {
        double wr = Math.cos(angle * k);
        double wi = Math.sin(angle * k);
        for (int i = k; i < n; i += len) {
          int j = i + half;
          double xr = re[j] * wr - im[j] * wi;
          double xi = re[j] * wi + im[j] * wr;
          re[j] = re[i] - xr;
          im[j] = im[i] - xi;
          re[i] += xr;
          im[i] += xi;
        }
      }
    }
  }
}
