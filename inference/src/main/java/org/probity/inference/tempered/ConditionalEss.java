package org.probity.inference.tempered;

/**
 * The conditional effective sample size of Zhou, Johansen and Aston ("Toward automatic model
 * comparison: an adaptive sequential Monte Carlo approach", JCGS 2016, section 3.2): for normalised
 * weights W_i and incremental weights u_i = l(x_i)^delta,
 * CESS(delta) = n (sum_i W_i u_i)^2 / sum_i W_i u_i^2, in [1, n]. It measures how much the next
 * reweighting alone degrades the population, whatever its current weights, so it serves both SMC
 * (after resampling it is the ESS) and annealed importance sampling (no resampling). With
 * K(d) = log sum_i W_i l(x_i)^d, the cumulant generating function of the log likelihood under the
 * weights, log(CESS / n) = 2 K(delta) - K(2 delta), whose derivative 2 K'(delta) - 2 K'(2 delta) is
 * never positive since K is convex: CESS is non-increasing in delta and the increment reaching a
 * target is found by bisection. Computed in log space.
 */
public final class ConditionalEss {
  /** Bisection steps: the increment is found to within 2^-100 of the remaining interval. */
  private static final int STEPS = 100;

  private ConditionalEss() {
  }

  /** CESS(delta) of the population for the increment {@code delta} of its inverse temperature. */
  public static double of(TemperedPopulation<?> population, double delta) {
    int n = population.size();
    return n * Math.exp(logRatio(population, delta));
  }

  /** log[(sum W u)^2 / sum W u^2] = 2 lse(w + d L) - lse(w) - lse(w + 2 d L), over live particles. */
  private static double logRatio(TemperedPopulation<?> p, double delta) {
    int n = p.size();
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    int live = 0;
    for (int i = 0; i < n; i++) {
      if (p.dead(i)) {
        continue;
      }
      double w = p.logWeight(i);
      double l = p.trace(i).logLikelihood();
      a[live] = w + delta * l;
      b[live] = w;
      c[live] = w + 2 * delta * l;
      live++;
    }
    if (live == 0) {
      return 0.0;
    }
    return 2 * logSumExp(a, live) - logSumExp(b, live) - logSumExp(c, live);
  }

  private static double logSumExp(double[] x, int n) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, x[i]);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(x[i] - m);
    }
    return m + Math.log(s);
  }

  /**
   * The next inverse temperature of the adaptive schedule: 1 if CESS(1 - beta) is at least
   * {@code fraction * n}, else beta + delta with CESS(delta) = fraction * n, found by bisection.
   * A population whose particles are all dead goes straight to 1 (its evidence estimate is 0).
   */
  public static double nextBeta(TemperedPopulation<?> population, double fraction) {
    double beta = population.beta();
    if (beta >= 1) {
      throw new IllegalArgumentException("the population is already at inverse temperature 1");
    }
    if (population.dead()) {
      return 1.0;
    }
    double target = Math.log(fraction);
    double hi = 1.0 - beta;
    if (logRatio(population, hi) >= target) {
      return 1.0;
    }
    double lo = 0.0;
    for (int k = 0; k < STEPS && hi - lo > 0; k++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (logRatio(population, mid) >= target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    // the largest increment known to keep the CESS at the target; at least one ulp of progress
    double next = beta + lo;
    return next > beta ? Math.min(next, 1.0) : Math.nextUp(beta);
  }
}
