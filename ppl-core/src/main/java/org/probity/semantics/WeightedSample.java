package org.probity.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Weighted;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Constraint;
import org.probity.dist.Distribution;
import org.probity.dist.Empirical;

/**
 * A weighted sample from importance sampling or SMC: values with log weights, the log-evidence
 * estimate log(mean weight), self-normalised expectations, weighted quantiles and histograms and
 * the effective sample size (Kish). All arithmetic is in log space.
 *
 * <p>It is also a {@link Distribution} of its values, the weighted empirical distribution, for
 * nested inference (a model that reasons about another model's posterior): sampling draws a
 * value with probability its normalised weight, and the log density of a value is the log of the
 * normalised weight of the items equal to it (negative infinity for any other value, so observing
 * a continuous value the sample does not hold has zero density).
 */
public final class WeightedSample<A> implements Distribution<A> {
  private final List<Weighted<A>> items;
  private final double[] normalised;
  private final double logEvidence;
  private volatile Empirical<A> empirical; // the distribution view, built on first use

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

  /**
   * A weighted sample of the given items.
   *
   * @param items the values with their log weights
   * @param <A> the value type
   * @return the sample
   * @throws ZeroWeightException if all weights are zero
   */
  @SafeVarargs
  public static <A> WeightedSample<A> of(Weighted<A>... items) {
    return new WeightedSample<>(Arrays.asList(items));
  }

  /**
   * A weighted sample of the given items.
   *
   * @param items the values with their log weights
   * @param <A> the value type
   * @return the sample
   * @throws ZeroWeightException if all weights are zero
   */
  public static <A> WeightedSample<A> of(List<Weighted<A>> items) {
    return new WeightedSample<>(items);
  }

  /**
   * The weighted values.
   *
   * @return the items (unmodifiable)
   */
  public List<Weighted<A>> items() {
    return items;
  }

  /**
   * Number of samples.
   *
   * @return the number of items
   */
  public int size() {
    return items.size();
  }

  /**
   * Normalised weights.
   *
   * @return a copy of the normalised weights
   */
  public double[] normalisedWeights() {
    return normalised.clone();
  }

  /**
   * Estimate of the log evidence: log of the mean weight.
   *
   * @return the log evidence estimate
   */
  public double logEvidence() {
    return logEvidence;
  }

  /**
   * Kish's effective sample size 1 / sum w_i^2 of the normalised weights, at most the number of
   * samples (which rounding could otherwise exceed when the weights are equal).
   *
   * @return the effective sample size
   */
  public double ess() {
    double s = 0;
    for (double w : normalised) {
      s += w * w;
    }
    return Math.min(normalised.length, 1.0 / s);
  }

  /**
   * Self-normalised estimate of E[f].
   *
   * @param f a function of the value
   * @return its weighted mean
   */
  public double expectation(ToDoubleFunction<? super A> f) {
    double s = 0;
    for (int i = 0; i < normalised.length; i++) {
      if (normalised[i] > 0) {
        s += normalised[i] * f.applyAsDouble(items.get(i).value());
      }
    }
    return s;
  }

  /**
   * Weighted variance of f.
   *
   * @param f a function of the value
   * @return its weighted variance
   */
  public double variance(ToDoubleFunction<? super A> f) {
    double m = expectation(f);
    return expectation(a -> {
      double d = f.applyAsDouble(a) - m;
      return d * d;
    });
  }

  /**
   * Weighted quantile of f (the smallest value whose cumulative weight reaches p).
   *
   * @param f a function of the value
   * @param p the probability, in [0, 1]
   * @return the quantile
   */
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

  /**
   * The weighted histogram of the values: each distinct value (arrays by content) with its total
   * normalised weight, in the order first reached (as {@code SmcResult.histogram()}).
   *
   * @return the values and their masses (unmodifiable)
   */
  public Map<A, Double> histogram() {
    Empirical<A> e = asDistribution();
    Map<A, Double> m = new LinkedHashMap<>();
    double[] p = e.probabilities();
    for (int i = 0; i < p.length; i++) {
      m.put(e.values().get(i), p[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * A weighted histogram of {@code f} with {@code bins} equal bins over [lo, hi]; mass outside
   * the range is counted in the end bins.
   *
   * @param f the quantity
   * @param lo the left end
   * @param hi the right end, above lo
   * @param bins the number of bins, at least 1
   * @return the histogram
   */
  public Histogram histogram(ToDoubleFunction<? super A> f, double lo, double hi, int bins) {
    if (bins < 1 || !(hi > lo)) {
      throw new IllegalArgumentException("histogram: need bins >= 1 and hi > lo, got " + bins + " bins on [" + lo + ", " + hi + "]");
    }
    double[] mass = new double[bins];
    for (int i = 0; i < normalised.length; i++) {
      if (normalised[i] > 0) {
        double x = f.applyAsDouble(items.get(i).value());
        int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
        mass[Math.max(0, Math.min(bins - 1, b))] += normalised[i];
      }
    }
    return new Histogram(lo, hi, mass);
  }

  /**
   * A weighted histogram of {@code f} with {@code bins} equal bins over the range of the values
   * of positive weight.
   *
   * @param f the quantity
   * @param bins the number of bins, at least 1
   * @return the histogram
   */
  public Histogram histogram(ToDoubleFunction<? super A> f, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < normalised.length; i++) {
      if (normalised[i] > 0) {
        double x = f.applyAsDouble(items.get(i).value());
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    return histogram(f, lo, hi + (hi - lo) * 1e-9, bins);
  }

  // ---- the weighted empirical distribution (nested inference) ----

  /**
   * The weighted empirical distribution of the values (distinct values, arrays by content, with
   * their total normalised weights); this sample itself is the same distribution.
   *
   * @return the distribution over the values
   */
  public Empirical<A> asDistribution() {
    Empirical<A> e = empirical;
    if (e == null) {
      List<A> vs = new ArrayList<>(items.size());
      double[] ws = new double[items.size()];
      int n = 0;
      for (int i = 0; i < normalised.length; i++) {
        if (normalised[i] > 0) { // a zero-weight run has no value
          vs.add(items.get(i).value());
          ws[n++] = normalised[i];
        }
      }
      e = Empirical.ofWeights(vs, Arrays.copyOf(ws, n));
      empirical = e;
    }
    return e;
  }

  /** Draws a value with probability its normalised weight. */
  @Override
  public A sample(UniformRandomProvider rng) {
    return asDistribution().sample(rng);
  }

  /** The log of the normalised weight of the value (negative infinity when the sample does not hold it). */
  @Override
  public Real logProb(A x) {
    return asDistribution().logProb(x);
  }

  @Override
  public double logDensity(A x) {
    return asDistribution().logDensity(x);
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  @Override
  public List<A> enumerateSupport() {
    return asDistribution().values();
  }

  @Override
  public Constraint support() {
    return new Constraint.Enumerated();
  }

  @Override
  public String name() {
    return String.format("WeightedSample(%d items, ESS %.1f)", items.size(), ess());
  }

  /**
   * A summary for printing (JShell shows it): the number of samples, the ESS and the log
   * evidence, then {@link #valueTable()}, then a warning with what to try if the ESS is below 10%
   * of the samples.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "WeightedSample: %,d samples, ESS %s (%s%%), log evidence %s%n", size(), Rounded.of(ess()),
        Rounded.of(100 * ess() / size()), Rounded.decimals(logEvidence)));
    sb.append(valueTable());
    if (size() >= 10 && ess() < 0.1 * size()) {
      sb.append(String.format(Locale.ROOT, "Warning: the ESS is %s%% of the %,d samples: the weights degenerated and"
          + " these estimates rest on a few samples.%n   Try: more samples, a proposal closer to the posterior"
          + " (ImportanceSampling.withProposal), SMC (Smc.run) or MCMC (Mcmc.run).%n", Rounded.of(100 * ess() / size()),
          size()));
    }
    return sb.toString();
  }

  /**
   * The values as a table: for numbers ({@code Real}, {@code Number}) one row of mean, sd and
   * the 5%, 50% and 95% quantiles; for other values the probability of each distinct value, the
   * ten most probable first; numbers to four significant digits.
   *
   * @return the table, ending in a newline
   */
  public String valueTable() {
    boolean numeric = true;
    for (int i = 0; i < normalised.length && numeric; i++) {
      Object v = items.get(i).value();
      numeric = normalised[i] == 0 || v instanceof Real || v instanceof Number;
    }
    if (numeric) {
      ToDoubleFunction<A> f = a -> a instanceof Real r ? r.value() : ((Number) a).doubleValue();
      return String.format(Locale.ROOT, "  %-10s %-10s %-10s %-10s %-10s%n  %-10s %-10s %-10s %-10s %-10s%n",
          "mean", "sd", "5%", "50%", "95%", Rounded.of(expectation(f)), Rounded.of(Math.sqrt(variance(f))),
          Rounded.of(quantile(f, 0.05)), Rounded.of(quantile(f, 0.5)), Rounded.of(quantile(f, 0.95)));
    }
    List<Map.Entry<A, Double>> rows = new ArrayList<>(histogram().entrySet());
    rows.sort(Map.Entry.<A, Double>comparingByValue().reversed());
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-30s %s%n", "value", "probability"));
    for (int i = 0; i < Math.min(10, rows.size()); i++) {
      sb.append(String.format(Locale.ROOT, "  %-30s %s%n",
          org.probity.core.InvalidWeightException.describe(rows.get(i).getKey()), Rounded.of(rows.get(i).getValue())));
    }
    if (rows.size() > 10) {
      sb.append(String.format(Locale.ROOT, "  and %d more values%n", rows.size() - 10));
    }
    return sb.toString();
  }

  /**
   * A short summary of f: mean, sd, 5%, 50%, 95% and the ESS.
   *
   * @param name the quantity's name
   * @param f a function of the value
   * @return one line of text
   */
  public String summary(String name, ToDoubleFunction<? super A> f) {
    return String.format("%-12s mean %9.4f  sd %8.4f  5%% %9.4f  50%% %9.4f  95%% %9.4f  (ESS %.1f of %d)",
        name, expectation(f), Math.sqrt(variance(f)), quantile(f, 0.05), quantile(f, 0.5), quantile(f, 0.95), ess(), size());
  }
}
