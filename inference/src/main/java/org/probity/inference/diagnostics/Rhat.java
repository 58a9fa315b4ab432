package org.probity.inference.diagnostics;

/**
 * Potential scale reduction factor R-hat.
 *
 * <p>{@link #rhat} is the improved R-hat of Vehtari et al. (2021), section 4.2: the maximum of
 * the split R-hat of the rank-normalised draws (bulk) and of the rank-normalised folded draws
 * (tail), as posterior's {@code rhat}. {@link #basicRhat} is the classic (split) R-hat of Gelman
 * et al. (BDA3) without rank normalisation, as posterior's {@code rhat_basic}. Results are NaN
 * when the (transformed) draws are constant, as posterior returns NA.
 */
public final class Rhat {

  private Rhat() {}

  /**
   * Rank-normalised split R-hat, {@code max(bulk, folded tail)}.
   *
   * @param draws {@code [chain][iteration]}, at least 4 iterations per chain
   * @throws InvalidDrawsException if the draws are null, too few, ragged or non-finite
   */
  public static double rhat(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    double bulk = rhatOf(RankNormalization.zScaleUnchecked(SplitChains.splitUnchecked(x)));
    double tail = rhatOf(RankNormalization.zScaleUnchecked(
        SplitChains.splitUnchecked(Folding.foldUnchecked(x))));
    return Double.isNaN(bulk) || Double.isNaN(tail) ? Double.NaN : Math.max(bulk, tail);
  }

  /** Split R-hat without rank normalisation. */
  public static double basicRhat(double[][] draws) {
    return basicRhat(draws, true);
  }

  /** R-hat without rank normalisation; {@code split} chooses whether chains are split first. */
  public static double basicRhat(double[][] draws, boolean split) {
    double[][] x = DrawsCheck.copy(draws);
    return rhatOf(split ? SplitChains.splitUnchecked(x) : x);
  }

  /** posterior's {@code .rhat}: {@code sqrt((B/W + n - 1) / n)} with {@code B = n var(means)}. */
  static double rhatOf(double[][] x) {
    if (Moments.isConstant(x)) {
      return Double.NaN;
    }
    int m = x.length;
    int n = x[0].length;
    double[] means = new double[m];
    double withinSum = 0;
    for (int c = 0; c < m; c++) {
      means[c] = Moments.mean(x[c]);
      withinSum += Moments.variance(x[c]);
    }
    double between = n * Moments.variance(means);
    double within = withinSum / m;
    return Math.sqrt((between / within + n - 1) / n);
  }
}
