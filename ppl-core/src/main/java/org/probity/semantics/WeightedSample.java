package org.probity.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.probity.core.Weighted;
import org.probity.core.ZeroWeightException;

/**
 * A weighted sample from importance sampling or SMC: values with log weights, the log-evidence
 * estimate log(mean weight), self-normalised expectations, weighted quantiles and the effective
 * sample size (Kish). All arithmetic is in log space.
 */
public final class WeightedSample<A> {
  private final List<Weighted<A>> items;
  private final double[] normalised;
  private final double logEvidence;

  private WeightedSample(List<Weighted<A>> items) {
    this.items = Collections.unmodifiableList(new ArrayList<>(items));
    double m = Double.NEGATIVE_INFINITY;
    for (Weighted<A> w : items) {
      if (Double.isNaN(w.logWeight()) || w.logWeight() == Double.POSITIVE_INFINITY) {
        throw new org.probity.core.InvalidWeightException("a sample has log weight " + w.logWeight()
            + " (value " + org.probity.core.InvalidWeightException.describe(w.value()) + "); weights must be finite or zero");
      }
      m = Math.max(m, w.logWeight());
    }
    if (m == Double.NEGATIVE_INFINITY) {
      throw new ZeroWeightException("all " + items.size() + " samples have zero weight: the observations are impossible under the proposal");
    }
    double s = 0;
    normalised = new double[items.size()];
    for (int i = 0; i < normalised.length; i++) {
      normalised[i] = Math.exp(items.get(i).logWeight() - m);
      s += normalised[i];
    }
    for (int i = 0; i < normalised.length; i++) {
      normalised[i] /= s;
    }
    logEvidence = m + Math.log(s) - Math.log(items.size());
  }

  /** A weighted sample of the given items; throws {@link ZeroWeightException} if all weights are zero. */
  @SafeVarargs
  public static <A> WeightedSample<A> of(Weighted<A>... items) {
    return new WeightedSample<>(Arrays.asList(items));
  }

  /** A weighted sample of the given items. */
  public static <A> WeightedSample<A> of(List<Weighted<A>> items) {
    return new WeightedSample<>(items);
  }

  /** The weighted values. */
  public List<Weighted<A>> items() {
    return items;
  }

  /** Number of samples. */
  public int size() {
    return items.size();
  }

  /** Normalised weights (a copy). */
  public double[] normalisedWeights() {
    return normalised.clone();
  }

  /** Estimate of the log evidence: log of the mean weight. */
  public double logEvidence() {
    return logEvidence;
  }

  /**
   * Kish's effective sample size 1 / sum w_i^2 of the normalised weights, at most the number of
   * samples (which rounding could otherwise exceed when the weights are equal).
   */
  public double ess() {
    double s = 0;
    for (double w : normalised) {
      s += w * w;
    }
    return Math.min(normalised.length, 1.0 / s);
  }

  /** Self-normalised estimate of E[f]. */
  public double expectation(ToDoubleFunction<? super A> f) {
    double s = 0;
    for (int i = 0; i < normalised.length; i++) {
      if (normalised[i] > 0) {
        s += normalised[i] * f.applyAsDouble(items.get(i).value());
      }
    }
    return s;
  }

  /** Weighted variance of f. */
  public double variance(ToDoubleFunction<? super A> f) {
    double m = expectation(f);
    return expectation(a -> {
      double d = f.applyAsDouble(a) - m;
      return d * d;
    });
  }

  /** Weighted quantile of f (the smallest value whose cumulative weight reaches p). */
  public double quantile(ToDoubleFunction<? super A> f, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("quantile: p must be in [0, 1], got " + p);
    }
    Integer[] idx = new Integer[normalised.length];
    double[] v = new double[normalised.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
      v[i] = f.applyAsDouble(items.get(i).value());
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
    double c = 0;
    for (Integer i : idx) {
      c += normalised[i];
      if (c >= p - 1e-12 && normalised[i] > 0) {
        return v[i];
      }
    }
    return v[idx[idx.length - 1]];
  }

  /** A short summary of f: mean, sd, 5%, 50%, 95% and the ESS. */
  public String summary(String name, ToDoubleFunction<? super A> f) {
    return String.format("%-12s mean %9.4f  sd %8.4f  5%% %9.4f  50%% %9.4f  95%% %9.4f  (ESS %.1f of %d)",
        name, expectation(f), Math.sqrt(variance(f)), quantile(f, 0.05), quantile(f, 0.5), quantile(f, 0.95), ess(), size());
  }
}
