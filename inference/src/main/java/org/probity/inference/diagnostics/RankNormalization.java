package org.probity.inference.diagnostics;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Rank normalisation: pooled fractional ranks mapped through the normal quantile function.
 *
 * <p>Vehtari et al. (2021), equation (14): with average ranks {@code r} over all {@code S} draws
 * of all chains, {@code z = Phi^-1((r - 3/8) / (S - 2 * 3/8 + 1))} (Blom's offset), as posterior's
 * {@code z_scale} and {@code backtransform_ranks} compute it.
 */
public final class RankNormalization {

  private static final double BLOM_OFFSET = 3.0 / 8.0;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private RankNormalization() {}

  /**
   * Average ranks (1-based, ties get the mean of their positions) over all chains pooled, as R's
   * {@code rank(x, ties.method = "average")}.
   */
  public static double[][] ranks(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws, 1);
    return DrawsCheck.reshape(ranks(DrawsCheck.flatten(x)), x.length);
  }

  /** Rank-normalised draws, same shape as the input. */
  public static double[][] zScale(double[][] draws) {
    return zScaleUnchecked(DrawsCheck.copy(draws, 1));
  }

  static double[][] zScaleUnchecked(double[][] x) {
    double[] r = ranks(DrawsCheck.flatten(x));
    double denominator = r.length - 2 * BLOM_OFFSET + 1;
    for (int i = 0; i < r.length; i++) {
      r[i] = STANDARD_NORMAL.inverseCumulativeProbability((r[i] - BLOM_OFFSET) / denominator);
    }
    return DrawsCheck.reshape(r, x.length);
  }

  static double[] ranks(double[] x) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    double[] ranks = new double[x.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = average;
      }
      i = j + 1;
    }
    return ranks;
  }
}
