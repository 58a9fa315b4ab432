package org.probity.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The categorical distribution over {0, ..., K-1} with probabilities p. Built from
 * probabilities (which must sum to 1 within 1e-9) or from unnormalised log weights
 * (normalised with log-sum-exp).
 */
public final class Categorical implements Discrete {
  private final double[] p;
  private final double[] logP;
  private final double[] cdf;

  private Categorical(double[] p) {
    this.p = p;
    this.logP = new double[p.length];
    this.cdf = new double[p.length];
    double c = 0;
    for (int i = 0; i < p.length; i++) {
      logP[i] = Math.log(p[i]);
      c += p[i];
      cdf[i] = c;
    }
    cdf[p.length - 1] = 1.0;
  }

  /** Categorical with the given probabilities. */
  public static Categorical of(double... p) {
    if (p.length == 0) {
      throw new DistributionException("Categorical: probabilities p must not be empty");
    }
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0) || !Double.isFinite(p[i])) {
        throw new DistributionException("Categorical: probability p[" + i + "] must be finite and non-negative, got " + p[i]);
      }
      s += p[i];
    }
    if (Math.abs(s - 1) > 1e-9) {
      throw new DistributionException("Categorical: probabilities p must sum to 1, got sum " + s + " for " + Arrays.toString(p));
    }
    return new Categorical(p.clone());
  }

  /** Categorical proportional to exp(logWeights); throws if every weight is zero. */
  public static Categorical ofLogWeights(double... logWeights) {
    if (logWeights.length == 0) {
      throw new DistributionException("Categorical: log weights must not be empty");
    }
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logWeights.length; i++) {
      if (Double.isNaN(logWeights[i]) || logWeights[i] == Double.POSITIVE_INFINITY) {
        throw new DistributionException("Categorical: log weight [" + i + "] must be a number below +Infinity, got " + logWeights[i]);
      }
      m = Math.max(m, logWeights[i]);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      throw new DistributionException("Categorical: all " + logWeights.length + " weights are zero");
    }
    double[] p = new double[logWeights.length];
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logWeights[i] - m);
      s += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= s;
    }
    return new Categorical(p);
  }

  /** The probabilities (a copy). */
  public double[] probabilities() {
    return p.clone();
  }

  /** Number of categories K. */
  public int size() {
    return p.length;
  }

  @Override
  public Integer sample(UniformRandomProvider rng) {
    double u = rng.nextDouble();
    int n = cdf.length;
    if (n <= 16) {
      for (int i = 0; i < n - 1; i++) {
        if (u < cdf[i]) {
          return i;
        }
      }
      return n - 1;
    }
    int i = Arrays.binarySearch(cdf, u);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, n - 1);
  }

  @Override
  public double logPmf(int k) {
    return k >= 0 && k < p.length ? logP[k] : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double mean() {
    double m = 0;
    for (int i = 0; i < p.length; i++) {
      m += i * p[i];
    }
    return m;
  }

  @Override
  public double variance() {
    double m = mean();
    double v = 0;
    for (int i = 0; i < p.length; i++) {
      v += (i - m) * (i - m) * p[i];
    }
    return v;
  }

  @Override
  public double supportLowerBound() {
    return 0;
  }

  @Override
  public double supportUpperBound() {
    return p.length - 1;
  }

  @Override
  public String toString() {
    return "Categorical(" + Arrays.toString(p) + ")";
  }
}
