package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The Poisson distribution parameterised by its log rate eta (Stan's {@code poisson_log}):
 * log P(k) = k eta - e^eta - log k!, evaluated without forming log(e^eta), so it stays finite and
 * exact for eta far below zero (where {@code Poisson.of(Math.exp(eta))} underflows to a rate of
 * 0 and is refused) and is -e^eta to double precision for large eta. Differentiable in eta, with
 * d/deta = k - e^eta. Sampled as {@link Poisson} with rate e^eta (0 when that underflows).
 */
public final class PoissonLog implements Discrete {
  private static final int TABLE = 256;
  private static final double[] LOG_FACTORIAL = new double[TABLE];

  static {
    for (int k = 1; k < TABLE; k++) {
      LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }
  }

  private final Real eta;
  private final double rate;

  private PoissonLog(Real eta) {
    DistributionException.finite("PoissonLog", "eta", eta.value());
    this.eta = eta;
    this.rate = Math.exp(eta.value());
  }

  /** PoissonLog(eta): rate e^eta. */
  public static PoissonLog of(double eta) {
    return new PoissonLog(Real.of(eta));
  }

  /** PoissonLog(eta) with a differentiable log rate. */
  public static PoissonLog of(Real eta) {
    return new PoissonLog(eta);
  }

  /** The log rate. */
  public Real eta() {
    return eta;
  }

  /** log k! for k &gt;= 0 (a table below 256, log Gamma(k + 1) above). */
  static double logFactorial(int k) {
    return k < TABLE ? LOG_FACTORIAL[k] : Special.logGamma(k + 1.0);
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    return rate > 0 ? Poisson.draw(rng, rate, this) : 0;
  }

  @Override
  public double logPmf(int k) {
    if (k < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return k * eta.value() - rate - logFactorial(k);
  }

  @Override
  public Real logProb(Integer k) {
    if (!eta.isVariable() || k < 0) {
      return Real.of(logPmf(k));
    }
    return Reals.node(new Real[] {eta}, logPmf(k), new double[] {k - rate});
  }

  @Override
  public double mean() {
    return rate;
  }

  @Override
  public double variance() {
    return rate;
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "PoissonLog(" + eta + ")";
  }
}
