package org.probity.inference.diagnostics;

/**
 * One row of a posterior summary, the default columns of posterior's {@code summarise_draws}
 * plus the MCSE of mean and sd (Vehtari et al. 2021).
 *
 * @param name quantity name, e.g. {@code mu} or {@code theta.1}
 * @param mean pooled mean
 * @param sd pooled standard deviation (n - 1)
 * @param median pooled median
 * @param mad median absolute deviation scaled by 1.4826
 * @param q5 5% type-7 quantile
 * @param q95 95% type-7 quantile
 * @param rhat rank-normalised split R-hat ({@link Rhat#rhat})
 * @param essBulk bulk ESS
 * @param essTail tail ESS
 * @param mcseMean Monte Carlo standard error of the mean
 * @param mcseSd Monte Carlo standard error of the sd
 */
public record Summary(String name, double mean, double sd, double median, double mad, double q5,
    double q95, double rhat, double essBulk, double essTail, double mcseMean, double mcseSd) {

  /**
   * Summarises one quantity.
   *
   * @param name the quantity's name
   * @param draws {@code [chain][iteration]}, at least 4 iterations per chain
   * @throws InvalidDrawsException if the draws are null, too few, ragged or non-finite
   */
  public static Summary of(String name, double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    double[] flat = DrawsCheck.flatten(x);
    return new Summary(name, Moments.mean(flat), Moments.sd(flat), Quantiles.median(x),
        Quantiles.mad(x), Quantiles.quantile(x, 0.05), Quantiles.quantile(x, 0.95),
        Rhat.rhat(x), EffectiveSampleSize.essBulk(x), EffectiveSampleSize.essTail(x),
        Mcse.mean(x), Mcse.sd(x));
  }
}
