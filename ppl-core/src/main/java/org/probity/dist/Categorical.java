package org.probity.dist;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.ad.Reals;

/**
 * The categorical distribution over {0, ..., K-1} with probabilities p. Built from
 * probabilities (which must sum to 1 within 1e-9), from unnormalised log weights (logits,
 * normalised with log-sum-exp; Stan's {@code categorical_logit}) or from unnormalised weights;
 * the {@link Real} forms ({@link #ofProbabilities(Real...)}, {@link #ofLogits(Real...)},
 * {@link #ofWeights(Real...)}) make the log mass differentiable in them, one tape node per
 * evaluation. Sampling and {@link #logPmf} read precomputed doubles in every form.
 */
public final class Categorical implements Discrete {
  /** How the Real parameters map to probabilities (the form of their log-mass gradient). */
  private enum Form { PROBABILITIES, LOGITS, WEIGHTS }

  private final double[] p;
  private final double[] logP;
  private final double[] cdf;
  private final Real[] params; // null when no parameter is a tape node
  private final Form form;
  private final double weightSum;

  private Categorical(double[] p) {
    this(p, logs(p), null, Form.PROBABILITIES, 1);
  }

  private Categorical(double[] p, double[] logP, Real[] params, Form form, double weightSum) {
    this.p = p;
    this.logP = logP;
    this.cdf = new double[p.length];
    double c = 0;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      cdf[i] = c;
    }
    cdf[p.length - 1] = 1.0;
    this.params = params != null && anyVariable(params) ? params.clone() : null;
    this.form = form;
    this.weightSum = weightSum;
  }

  private static double[] logs(double[] p) {
    double[] l = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      l[i] = Math.log(p[i]);
    }
    return l;
  }

  private static boolean anyVariable(Real[] xs) {
    for (Real x : xs) {
      if (x.isVariable()) {
        return true;
      }
    }
    return false;
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
    return fromLogits(logWeights, null);
  }

  /**
   * Categorical with probabilities p, differentiable in them: the log mass of k is log p_k,
   * with gradient 1 / p_k in p_k alone (the probabilities must already sum to 1 within 1e-9, so
   * build them to do so, e.g. as a simplex or with the last as 1 minus the others).
   */
  public static Categorical ofProbabilities(Real... p) {
    double[] v = Real.values(p);
    Categorical values = of(v);
    return new Categorical(values.p, values.logP, p, Form.PROBABILITIES, 1);
  }

  /** Categorical with the given probabilities (the same as {@link #of(double...)}). */
  public static Categorical ofProbabilities(double... p) {
    return of(p);
  }

  /**
   * Categorical with probabilities softmax(logits) (Stan's {@code categorical_logit}): log mass
   * logits_k - log sum exp(logits), with gradient delta_jk - p_j in logit j; stable for any finite
   * logits (some may be negative infinity; not all).
   */
  public static Categorical ofLogits(Real... logits) {
    return fromLogits(Real.values(logits), logits);
  }

  // softmax by log-sum-exp; logits (the Real parameters) may be null for the double path
  private static Categorical fromLogits(double[] logWeights, Real[] logits) {
    int k = logWeights.length;
    if (k == 0) {
      throw new DistributionException("Categorical: log weights must not be empty");
    }
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      if (Double.isNaN(logWeights[i]) || logWeights[i] == Double.POSITIVE_INFINITY) {
        throw new DistributionException("Categorical: log weight [" + i + "] must be a number below +Infinity, got " + logWeights[i]);
      }
      m = Math.max(m, logWeights[i]);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      throw new DistributionException("Categorical: all " + logWeights.length + " weights are zero");
    }
    double[] p = new double[k];
    double s = 0;
    for (int i = 0; i < k; i++) {
      p[i] = Math.exp(logWeights[i] - m);
      s += p[i];
    }
    for (int i = 0; i < k; i++) {
      p[i] /= s;
    }
    if (logits == null) {
      return new Categorical(p);
    }
    // logits_k - lse rather than log p_k: finite even where p_k underflows
    double lse = m + Math.log(s);
    double[] logP = new double[k];
    for (int i = 0; i < k; i++) {
      logP[i] = logWeights[i] - lse;
    }
    return new Categorical(p, logP, logits, Form.LOGITS, 1);
  }

  /** Categorical with probabilities softmax(logits) (the same as {@link #ofLogWeights}). */
  public static Categorical ofLogits(double... logits) {
    return fromLogits(logits, null);
  }

  /**
   * Categorical proportional to non-negative weights w (not all zero): log mass log w_k - log
   * sum w, with gradient delta_jk / w_k - 1 / sum w in weight j.
   */
  public static Categorical ofWeights(Real... weights) {
    int k = weights.length;
    if (k == 0) {
      throw new DistributionException("Categorical: weights must not be empty");
    }
    double s = 0;
    for (int i = 0; i < k; i++) {
      double w = weights[i].value();
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new DistributionException("Categorical: weight [" + i + "] must be finite and non-negative, got " + w);
      }
      s += w;
    }
    if (!(s > 0)) {
      throw new DistributionException("Categorical: all " + k + " weights are zero");
    }
    double[] p = new double[k];
    double[] logP = new double[k];
    double logS = Math.log(s);
    for (int i = 0; i < k; i++) {
      double w = weights[i].value();
      p[i] = w / s;
      logP[i] = Math.log(w) - logS;
    }
    return new Categorical(p, logP, weights, Form.WEIGHTS, s);
  }

  /** Categorical proportional to non-negative weights (not all zero). */
  public static Categorical ofWeights(double... weights) {
    return ofWeights(Real.of(weights));
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

  /** The log mass, one tape node whose parents are the Real parameters when any is on a tape. */
  @Override
  public Real logProb(Integer k) {
    if (params == null || k < 0 || k >= p.length || logP[k] == Double.NEGATIVE_INFINITY) {
      return Real.of(logPmf(k));
    }
    int n = p.length;
    switch (form) {
      case PROBABILITIES:
        return Reals.node(new Real[] {params[k]}, logP[k], new double[] {1 / p[k]});
      case LOGITS: {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
          d[j] = (j == k ? 1 : 0) - p[j];
        }
        return Reals.node(params, logP[k], d);
      }
      default: {
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
          d[j] = -1 / weightSum;
        }
        d[k] += 1 / params[k].value();
        return Reals.node(params, logP[k], d);
      }
    }
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
