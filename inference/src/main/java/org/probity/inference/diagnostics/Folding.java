package org.probity.inference.diagnostics;

/**
 * Folds draws around their pooled median, {@code |x - median(x)|}.
 *
 * <p>Vehtari et al. (2021), section 4.2: R-hat of folded draws detects chains that differ in
 * scale (tails) rather than location; posterior's {@code fold_draws}.
 */
public final class Folding {

  private Folding() {}

  /** Folded draws, same shape as the input. */
  public static double[][] fold(double[][] draws) {
    return foldUnchecked(DrawsCheck.copy(draws, 1));
  }

  static double[][] foldUnchecked(double[][] x) {
    double median = Quantiles.medianOf(DrawsCheck.flatten(x));
    double[][] out = new double[x.length][x[0].length];
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        out[c][i] = Math.abs(x[c][i] - median);
      }
    }
    return out;
  }
}
