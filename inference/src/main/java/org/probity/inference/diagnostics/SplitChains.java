package org.probity.inference.diagnostics;

/**
 * Splits every chain into its first and second half, doubling the number of chains.
 *
 * <p>Split chains make R-hat and ESS sensitive to within-chain trends (Gelman et al., BDA3;
 * Vehtari et al. 2021, section 4). As in posterior's {@code .split_chains}, for an odd number of
 * iterations {@code n} the middle draw is dropped: halves are {@code [0, floor(n/2))} and
 * {@code [ceil(n/2 + 1) - 1, n)}. The output holds chain {@code c}'s first half at index {@code c}
 * and its second half at index {@code chains + c}.
 */
public final class SplitChains {

  private SplitChains() {}

  /**
   * Splits the chains of {@code draws} ({@code [chain][iteration]}).
   *
   * @throws InvalidDrawsException if the draws are null, ragged, non-finite or have fewer than 2
   *     iterations per chain
   */
  public static double[][] split(double[][] draws) {
    return splitUnchecked(DrawsCheck.copy(draws, 2));
  }

  static double[][] splitUnchecked(double[][] x) {
    int m = x.length;
    int n = x[0].length;
    int first = n / 2;
    int secondStart = (int) Math.ceil(n / 2.0 + 1) - 1;
    int second = n - secondStart;
    double[][] out = new double[2 * m][];
    for (int c = 0; c < m; c++) {
      out[c] = new double[first];
      System.arraycopy(x[c], 0, out[c], 0, first);
      out[m + c] = new double[second];
      System.arraycopy(x[c], secondStart, out[m + c], 0, second);
    }
    return out;
  }
}
