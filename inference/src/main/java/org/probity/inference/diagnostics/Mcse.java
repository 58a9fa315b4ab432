package org.probity.inference.diagnostics;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Monte Carlo standard errors of posterior mean, standard deviation and quantiles.
 *
 * <p>As posterior 1.4.0 computes them (Vehtari et al. 2021, section 4.4): {@code mcse_mean =
 * sd / sqrt(ess_mean)}; {@code mcse_sd} by the delta method on the centred squared draws with
 * their mean-ESS; {@code mcse_quantile(p)} from the central +-1 sd interval of
 * {@code Beta(ess p + 1, ess (1 - p) + 1)} mapped onto the sorted draws, halved.
 */
public final class Mcse {

  /** Normal probabilities of -1 and +1 standard deviations, as hard-coded in posterior. */
  private static final double LOWER = 0.1586553;
  private static final double UPPER = 0.8413447;

  private Mcse() {}

  /** MCSE of the mean. */
  public static double mean(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    double sd = Moments.sd(DrawsCheck.flatten(x));
    return sd / Math.sqrt(EffectiveSampleSize.essOf(SplitChains.splitUnchecked(x)));
  }

  /** MCSE of the standard deviation. */
  public static double sd(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    double mean = Moments.mean(DrawsCheck.flatten(x));
    double[][] squared = new double[x.length][x[0].length];
    double sum2 = 0;
    double sum4 = 0;
    int count = 0;
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        double d = x[c][i] - mean;
        double d2 = d * d;
        squared[c][i] = d2;
        sum2 += d2;
        sum4 += d2 * d2;
        count++;
      }
    }
    double ess = EffectiveSampleSize.essOf(SplitChains.splitUnchecked(squared));
    double expectedVar = sum2 / count;
    double varVar = (sum4 / count - expectedVar * expectedVar) / ess;
    double varSd = varVar / expectedVar / 4;
    return Math.sqrt(varSd);
  }

  /** MCSE of the {@code p}-quantile; NaN when its ESS is undefined. */
  public static double quantile(double[][] draws, double p) {
    InvalidProbabilityException.check(p);
    double[][] x = DrawsCheck.copy(draws);
    double ess = EffectiveSampleSize.quantileEss(x, p);
    if (Double.isNaN(ess)) {
      return Double.NaN;
    }
    BetaDistribution beta = BetaDistribution.of(ess * p + 1, ess * (1 - p) + 1);
    double a1 = beta.inverseCumulativeProbability(LOWER);
    double a2 = beta.inverseCumulativeProbability(UPPER);
    double[] sorted = DrawsCheck.flatten(x);
    Arrays.sort(sorted);
    int s = sorted.length;
    double th1 = sorted[(int) Math.max(Math.floor(a1 * s), 1) - 1];
    double th2 = sorted[(int) Math.min(Math.ceil(a2 * s), s) - 1];
    return (th2 - th1) / 2;
  }
}
