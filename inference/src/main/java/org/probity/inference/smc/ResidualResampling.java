package org.probity.inference.smc;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Residual resampling (Liu and Chen, 1998): particle i first gets floor(n * p_i) copies
 * deterministically, and the remaining R = n - sum floor(n * p_i) ancestors are drawn by
 * multinomial resampling from the residuals n * p_i - floor(n * p_i). The outcome's probability is
 * the multinomial mass of the residual counts; the support lists every residual multiset.
 */
public final class ResidualResampling extends ResamplingDistribution {
  private final int[] fixed;
  private final double[] residual;
  private final int remaining;

  /** n ancestors from the (unnormalised, non-negative) weights. */
  public ResidualResampling(double[] weights, int n) {
    super(weights, n);
    double[] p = p();
    fixed = new int[k()];
    residual = new double[k()];
    int total = 0;
    double rs = 0;
    for (int i = 0; i < k(); i++) {
      double x = n * p[i];
      fixed[i] = (int) Math.floor(x);
      total += fixed[i];
      residual[i] = x - fixed[i];
      rs += residual[i];
    }
    if (total > n) {
      // rounding made the deterministic part too large: take copies back from the largest counts
      for (int i = 0; total > n; i = (i + 1) % k()) {
        if (fixed[i] > 0) {
          fixed[i]--;
          residual[i] += 1;
          rs += 1;
          total--;
        }
      }
    }
    remaining = n - total;
    if (remaining > 0) {
      for (int i = 0; i < k(); i++) {
        residual[i] = rs > 0 ? residual[i] / rs : p[i];
      }
    }
  }

  @Override
  public int[] sample(UniformRandomProvider rng) {
    int[] c = fixed.clone();
    if (remaining > 0) {
      int[] extra = new MultinomialResampling(residual, remaining).sample(rng);
      for (int x : extra) {
        c[x]++;
      }
    }
    return fromCounts(c);
  }

  @Override
  public double logDensity(int[] a) {
    int[] c = counts(a);
    if (c == null) {
      return Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] -= fixed[i];
      if (c[i] < 0) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    return remaining == 0 ? 0.0 : multinomialLogPmf(c, residual);
  }

  @Override
  protected Map<List<Integer>, Double> computeSupport() {
    Map<List<Integer>, Double> m = newSupport();
    if (remaining == 0) {
      add(m, fromCounts(fixed), 1.0);
    } else {
      multisets(residual, remaining, fixed, m);
    }
    return m;
  }
}
