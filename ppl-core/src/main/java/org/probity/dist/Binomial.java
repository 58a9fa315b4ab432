package org.probity.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.probity.ad.Real;

/**
 * The binomial distribution: successes in n independent trials with success probability p.
 * Sampled by the table lookup of Marsaglia, Tsang and Wang (2004) (Commons RNG), built once; when
 * that table cannot be built (very large n) by Knuth's beta-splitting recursion (TAOCP vol. 2,
 * 3.4.1), which is exact.
 */
public final class Binomial implements Discrete {
  private final int n;
  private final Real p;
  private final double logNFactorial;
  private volatile SharedStateDiscreteSampler table;
  private volatile boolean noTable;

  private Binomial(int n, Real p) {
    if (n < 0) {
      throw new DistributionException("Binomial: parameter n must be non-negative, got " + n);
    }
    DistributionException.probability("Binomial", "p", p.value());
    this.n = n;
    this.p = p;
    this.logNFactorial = Special.logGamma(n + 1.0);
  }

  /** Binomial(n, p). */
  public static Binomial of(int n, double p) {
    return new Binomial(n, Real.of(p));
  }

  /** Binomial(n, p) with a differentiable probability. */
  public static Binomial of(int n, Real p) {
    return new Binomial(n, p);
  }

  /** The number of trials. */
  public int n() {
    return n;
  }

  /** The success probability. */
  public Real p() {
    return p;
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    double pv = p.value();
    if (pv == 0 || n == 0) {
      return 0;
    }
    if (pv == 1) {
      return n;
    }
    SharedStateDiscreteSampler t = table;
    if (t == null && !noTable) {
      try {
        t = MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, pv);
        table = t;
      } catch (IllegalArgumentException tooLarge) {
        noTable = true;
      }
    }
    if (t != null) {
      return t.withUniformRandomProvider(rng).sample();
    }
    return splitting(rng, n, pv);
  }

  /** Exact binomial variate by recursive splitting on a beta order statistic. */
  static int splitting(UniformRandomProvider rng, int n, double p) {
    int offset = 0;
    while (n > 64) {
      int a = 1 + n / 2;
      int b = n + 1 - a;
      double x = ChengBetaSampler.of(rng, a, b).sample();
      if (x >= p) {
        n = a - 1;
        p = p / x;
      } else {
        offset += a;
        n = b - 1;
        p = (p - x) / (1 - x);
      }
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (rng.nextDouble() < p) {
        k++;
      }
    }
    return offset + k;
  }

  @Override
  public Real logProb(Integer k) {
    if (k < 0 || k > n) {
      return Real.NEGATIVE_INFINITY;
    }
    if (!p.isVariable()) {
      return Real.of(logPmf(k));
    }
    double logChoose = logNFactorial - Special.logGamma(k + 1.0) - Special.logGamma(n - k + 1.0);
    return Beta.xLogY(Real.of(k), p).plus(Beta.xLogY(Real.of(n - k), p.rminus(1))).plus(logChoose);
  }

  @Override
  public double logPmf(int k) {
    if (k < 0 || k > n) {
      return Double.NEGATIVE_INFINITY;
    }
    double pv = p.value();
    double logChoose = logNFactorial - Special.logGamma(k + 1.0) - Special.logGamma(n - k + 1.0);
    double a = k == 0 ? 0 : k * Math.log(pv);
    double b = k == n ? 0 : (n - k) * Math.log1p(-pv);
    return logChoose + a + b;
  }

  @Override
  public double mean() {
    return n * p.value();
  }

  @Override
  public double variance() {
    return n * p.value() * (1 - p.value());
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return n;
  }

  @Override
  public String toString() {
    return "Binomial(" + n + ", " + p + ")";
  }
}
