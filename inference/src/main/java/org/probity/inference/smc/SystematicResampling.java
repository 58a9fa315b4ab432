package org.probity.inference.smc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Systematic resampling (Kitagawa, 1996; Carpenter, Clifford and Fearnhead, 1999): one uniform
 * u0 in [0, 1) and the n evenly spaced points (u0 + j) / n, each mapped to the particle whose
 * cumulative-weight interval contains it; O(n + K) from a single draw.
 *
 * <p>The outcome is a step function of u0 that changes only where a point crosses a cumulative
 * weight, i.e. at u0 = frac(n * cum[i]); these at most K breakpoints cut [0, 1) into intervals,
 * each one outcome with probability equal to its length. That is the exact finite support the
 * Enumerator explores.
 */
public final class SystematicResampling extends ResamplingDistribution {

  /** n ancestors from the (unnormalised, non-negative) weights. */
  public SystematicResampling(double[] weights, int n) {
    super(weights, n);
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    return atOffset(rng.nextDouble());
  }

  /** The ancestors for the offset u0: points (u0 + j) / n merged with the cumulative weights, no array of points. */
  private int[] atOffset(double u0) {
    int[] a = new int[n];
    double[] c = cum;
    int last = lastPositive;
    double step = 1.0 / n;
    double start = u0 * step;
    int i = 0;
    for (int j = 0; j < n; j++) {
      // a multiplication, not (u0 + j) / n: no division per point. The points stay non-decreasing
      // and in [0, 1), and the support below evaluates this same map.
      double u = start + j * step;
      // a zero-weight particle has cum[i] == cum[i - 1] <= u, so the test skips it
      while (i < last && u >= c[i]) {
        i++;
      }
      a[j] = i;
    }
    return a;
  }

  @Override
  protected Map<List<Integer>, Double> computeSupport() {
    double[] b = new double[cum.length + 2];
    int k = 0;
    b[k++] = 0.0;
    b[k++] = 1.0;
    for (int i = 0; i < cum.length; i++) {
      double x = n * cum[i];
      double f = x - Math.floor(x);
      if (f > 0 && f < 1) {
        b[k++] = f;
      }
    }
    b = Arrays.copyOf(b, k);
    Arrays.sort(b);
    Map<List<Integer>, Double> m = newSupport();
    for (int i = 0; i + 1 < b.length; i++) {
      double len = b[i + 1] - b[i];
      if (len > 0) {
        add(m, atOffset(0.5 * (b[i] + b[i + 1])), len);
      }
    }
    return m;
  }
}
