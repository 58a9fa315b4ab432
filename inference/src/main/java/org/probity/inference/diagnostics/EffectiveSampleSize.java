package org.probity.inference.diagnostics;

/**
 * Effective sample size (ESS) of MCMC draws.
 *
 * <p>Multi-chain autocorrelations from FFT autocovariances combined with the between-chain
 * variance, truncated by Geyer's initial positive sequence and smoothed by the initial monotone
 * sequence (Geyer 1992; Vehtari et al. 2021, section 3.2), following posterior's {@code .ess}
 * exactly, including its tau-hat lower bound {@code 1 / log10(S)} which caps ESS at
 * {@code S log10(S)} for antithetic chains. Variants as in posterior: bulk (rank-normalised split
 * chains), tail (minimum over the 5% and 95% quantile indicators), basic (split, untransformed),
 * mean, sd and quantile. Results are NaN where posterior returns NA (constant or too short
 * transformed draws).
 */
public final class EffectiveSampleSize {

  private EffectiveSampleSize() {}

  /** Bulk ESS: ESS of rank-normalised split chains. */
  public static double essBulk(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    return essOf(RankNormalization.zScaleUnchecked(SplitChains.splitUnchecked(x)));
  }

  /** Tail ESS: minimum of the quantile ESS at 5% and 95%. */
  public static double essTail(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    return nanMin(quantileEss(x, 0.05), quantileEss(x, 0.95));
  }

  /** ESS of the split draws without rank normalisation. */
  public static double essBasic(double[][] draws) {
    return essBasic(draws, true);
  }

  /** ESS without rank normalisation; {@code split} chooses whether chains are split first. */
  public static double essBasic(double[][] draws, boolean split) {
    double[][] x = DrawsCheck.copy(draws);
    return essOf(split ? SplitChains.splitUnchecked(x) : x);
  }

  /** ESS for the mean (posterior's {@code ess_mean}; same as {@link #essBasic(double[][])}). */
  public static double essMean(double[][] draws) {
    return essBasic(draws, true);
  }

  /** ESS for the standard deviation: ESS of split {@code |x - mean(x)|}. */
  public static double essSd(double[][] draws) {
    double[][] x = DrawsCheck.copy(draws);
    double mean = Moments.mean(DrawsCheck.flatten(x));
    double[][] dev = new double[x.length][x[0].length];
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        dev[c][i] = Math.abs(x[c][i] - mean);
      }
    }
    return essOf(SplitChains.splitUnchecked(dev));
  }

  /** ESS for the {@code p}-quantile: ESS of split indicators {@code x <= quantile(x, p)}. */
  public static double essQuantile(double[][] draws, double p) {
    InvalidProbabilityException.check(p);
    return quantileEss(DrawsCheck.copy(draws), p);
  }

  static double quantileEss(double[][] x, double p) {
    if (Moments.isConstant(x)) {
      return Double.NaN;
    }
    int total = x.length * x[0].length;
    double prob = p == 1.0 ? (total - 0.5) / total : p;
    double q = Quantiles.pooledQuantile(x, prob);
    double[][] indicator = new double[x.length][x[0].length];
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        indicator[c][i] = x[c][i] <= q ? 1.0 : 0.0;
      }
    }
    return essOf(SplitChains.splitUnchecked(indicator));
  }

  /**
   * ESS of chains as given (no splitting or transformation): posterior's {@code .ess}.
   *
   * @param chains {@code [chain][iteration]}
   * @return the ESS, or NaN for fewer than 3 iterations or constant draws
   */
  public static double ess(double[][] chains) {
    return essOf(DrawsCheck.copy(chains, 1));
  }

  static double essOf(double[][] x) {
    int m = x.length;
    int n = x[0].length;
    if (n < 3 || Moments.isConstant(x)) {
      return Double.NaN;
    }
    double[] acovMeans = new double[n];
    double[] chainMeans = new double[m];
    for (int c = 0; c < m; c++) {
      double[] acov = Autocovariance.fft(x[c]);
      for (int k = 0; k < n; k++) {
        acovMeans[k] += acov[k];
      }
      chainMeans[c] = Moments.mean(x[c]);
    }
    for (int k = 0; k < n; k++) {
      acovMeans[k] /= m;
    }
    double meanVar = acovMeans[0] * n / (n - 1);
    double varPlus = meanVar * (n - 1) / n;
    if (m > 1) {
      varPlus += Moments.variance(chainMeans);
    }
    // rho[k] is the autocorrelation at lag k (posterior's rho_hat_t[k + 1]).
    double[] rho = new double[n];
    int t = 0;
    double rhoEven = 1;
    rho[t] = rhoEven;
    double rhoOdd = 1 - (meanVar - acovMeans[t + 1]) / varPlus;
    rho[t + 1] = rhoOdd;
    // Geyer's initial positive sequence: stop when a pair sum turns negative.
    while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
      t += 2;
      rhoEven = 1 - (meanVar - acovMeans[t]) / varPlus;
      rhoOdd = 1 - (meanVar - acovMeans[t + 1]) / varPlus;
      if (rhoEven + rhoOdd >= 0) {
        rho[t] = rhoEven;
        rho[t + 1] = rhoOdd;
      }
    }
    int maxT = t;
    // Improves estimation for antithetic chains (posterior keeps a positive last even lag).
    if (rhoEven > 0) {
      rho[maxT] = rhoEven;
    }
    // Geyer's initial monotone sequence.
    t = 0;
    while (t <= maxT - 4) {
      t += 2;
      if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
        rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
        rho[t + 1] = rho[t];
      }
    }
    double total = (double) m * n;
    // R's sum(rho_hat_t[1:max_t]) includes lag 0 alone when max_t == 0 (1:0 is c(1, 0)).
    double sum = 0;
    for (int k = 0; k < Math.max(maxT, 1); k++) {
      sum += rho[k];
    }
    double tau = -1 + 2 * sum + rho[maxT];
    double tauBound = 1 / Math.log10(total);
    if (tau < tauBound) {
      tau = tauBound;
    }
    return total / tau;
  }

  private static double nanMin(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
  }
}
