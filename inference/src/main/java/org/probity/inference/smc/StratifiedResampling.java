package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Stratified resampling (Kitagawa, 1996): point j is uniform on its own stratum [j/n, (j+1)/n),
 * independently, and is mapped to the particle whose cumulative-weight interval contains it;
 * O(n + K) since the points are sorted by construction.
 *
 * <p>Exactly, ancestor j is a finite choice: particle i with probability n times the length of
 * the overlap of [cum[i-1], cum[i]) with stratum j; the outcome's probability is the product over
 * j, and the support is the product of the n finite choices.
 */
public final class StratifiedResampling extends ResamplingDistribution {

  /** n ancestors from the (unnormalised, non-negative) weights. */
  public StratifiedResampling(double[] weights, int n) {
    super(weights, n);
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    double[] pts = new double[n];
    for (int j = 0; j < n; j++) {
      pts[j] = (j + rng.nextDouble()) / n;
    }
    return ancestorsOf(pts);
  }

  /** Probability that the point of stratum j falls in particle i's interval. */
  private double choice(int j, int i) {
    double lo = i == 0 ? 0.0 : cum[i - 1];
    double hi = cum[i];
    double overlap = Math.min(hi, (j + 1.0) / n) - Math.max(lo, (double) j / n);
    return overlap > 0 && p()[i] > 0 ? overlap * n : 0.0;
  }

  @Override
  public double logDensity(int[] a) {
    if (counts(a) == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += Math.log(choice(j, a[j]));
    }
    return s;
  }

  @Override
  protected Map<List<Integer>, Double> computeSupport() {
    List<List<Integer>> options = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      List<Integer> o = new ArrayList<>();
      for (int i = 0; i < k(); i++) {
        if (choice(j, i) > 0) {
          o.add(i);
        }
      }
      options.add(o);
    }
    Map<List<Integer>, Double> m = newSupport();
    int[] pos = new int[n];
    while (true) {
      int[] a = new int[n];
      double pr = 1;
      for (int j = 0; j < n; j++) {
        a[j] = options.get(j).get(pos[j]);
        pr *= choice(j, a[j]);
      }
      add(m, a, pr);
      int j = n - 1;
      while (j >= 0 && ++pos[j] == options.get(j).size()) {
        pos[j] = 0;
        j--;
      }
      if (j < 0) {
        return m;
      }
    }
  }
}
