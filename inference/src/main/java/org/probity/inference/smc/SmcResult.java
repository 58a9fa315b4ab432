package org.probity.inference.smc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.core.ZeroWeightException;
import org.probity.inference.diagnostics.Problem;
import org.probity.inference.diagnostics.Warnings;
import org.probity.random.Rngs;
import org.probity.semantics.WeightedSample;

/**
 * What a user gets back from SMC: the weighted particles' results, the log-evidence estimate
 * (unbiased on the natural scale), the effective sample size, self-normalised expectations,
 * weighted quantiles and histograms, resampling to an unweighted sample, and a summary table.
 *
 * @param <A> the model's result type
 */
public final class SmcResult<A> {
  private final Population<A> population;
  private final WeightedSample<A> sample;
  private final double[] essHistory;
  private final double[] logEvidenceHistory;

  private SmcResult(Population<A> population, WeightedSample<A> sample, double[] ess, double[] logEvidence) {
    this.population = population;
    this.sample = sample;
    this.essHistory = ess;
    this.logEvidenceHistory = logEvidence;
  }

  /**
   * The result of a finished population.
   *
   * @param population the final population, every live particle finished
   * @param <A> the result type
   * @return the result
   * @throws ZeroWeightException naming the step and sites where the particles died, if every weight is zero
   * @throws IllegalArgumentException if some live particle has not finished its program
   */
  public static <A> SmcResult<A> of(Population<A> population) {
    return of(population, new double[0], new double[0]);
  }

  /**
   * The result of a finished population with the history of its run.
   *
   * @param population the final population
   * @param essHistory the ESS after each step, before resampling (empty if not recorded)
   * @param logEvidenceHistory the running log-evidence estimate after each step (same length)
   * @param <A> the result type
   * @return the result
   * @throws ZeroWeightException naming the step and sites where the particles died, if every weight is zero
   */
  public static <A> SmcResult<A> of(Population<A> population, double[] essHistory, double[] logEvidenceHistory) {
    if (essHistory.length != logEvidenceHistory.length) {
      throw new IllegalArgumentException("SMC result: " + essHistory.length + " ESS values but "
          + logEvidenceHistory.length + " log-evidence values");
    }
    if (population.dead() || population.logEvidence() == Double.NEGATIVE_INFINITY) {
      throw new ZeroWeightException("SMC: " + population.zeroWeightReport());
    }
    List<Weighted<A>> items;
    try {
      items = population.weightedResults();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SMC result: " + e.getMessage(), e);
    }
    return new SmcResult<>(population, WeightedSample.of(items), essHistory.clone(), logEvidenceHistory.clone());
  }

  /**
   * The effective sample size after each step, before resampling (what {@link Smc#run(Prob,
   * SmcConfig, long)} records; for a result of another algorithm, only the final ESS).
   *
   * @return a copy of the ESS per step
   */
  public double[] essHistory() {
    return essHistory.length > 0 ? essHistory.clone() : new double[] {ess()};
  }

  /**
   * The running log-evidence estimate after each step (for a result of another algorithm, only
   * the final estimate); plot both with {@code Plots.series}.
   *
   * @return a copy of the log-evidence estimate per step
   */
  public double[] logEvidenceHistory() {
    return logEvidenceHistory.length > 0 ? logEvidenceHistory.clone() : new double[] {logEvidence()};
  }

  /**
   * The problems of the run ({@link Warnings#checkSmc}): an ESS that fell below 10% of the
   * particles at some step, with what to try; empty if none.
   *
   * @return the problems
   */
  public List<Problem> problems() {
    return Warnings.checkSmc(essHistory(), size());
  }

  /**
   * The final population.
   *
   * @return the final population
   */
  public Population<A> population() {
    return population;
  }

  /**
   * The weighted particles with positive weight: each finished particle's result and log weight.
   *
   * @return the particles of positive weight, in population order
   */
  public List<Weighted<A>> particles() {
    return sample.items();
  }

  /**
   * Number of particles (zero-weight ones included).
   *
   * @return the number of particles
   */
  public int size() {
    return population.size();
  }

  /**
   * Normalised weights of {@link #particles()} (a copy).
   *
   * @return the normalised weights, summing to 1
   */
  public double[] weights() {
    return sample.normalisedWeights();
  }

  /**
   * The log of the evidence estimate (the estimate itself is unbiased for the evidence).
   *
   * @return the log of the evidence estimate
   */
  public double logEvidence() {
    return population.logEvidenceEstimate();
  }

  /**
   * Kish's effective sample size of the final weights.
   *
   * @return the effective sample size, between 1 and {@link #size()}
   */
  public double ess() {
    return sample.ess();
  }

  /**
   * Self-normalised estimate of the posterior expectation of {@code f}.
   *
   * @param f a function of the result
   * @return the weighted mean of {@code f}
   */
  public double expectation(ToDoubleFunction<? super A> f) {
    return sample.expectation(f);
  }

  /**
   * Weighted posterior variance of {@code f}.
   *
   * @param f a function of the result
   * @return the weighted variance of {@code f}
   */
  public double variance(ToDoubleFunction<? super A> f) {
    return sample.variance(f);
  }

  /**
   * Weighted quantile of {@code f}: the smallest value whose cumulative weight reaches p.
   *
   * @param f a function of the result
   * @param p the probability, in [0, 1]
   * @return the weighted p-quantile of {@code f}
   */
  public double quantile(ToDoubleFunction<? super A> f, double p) {
    return sample.quantile(f, p);
  }

  /**
   * Posterior probability of each distinct result (for discrete results), in first-seen order.
   *
   * @return each distinct result's posterior probability
   */
  public Map<A, Double> histogram() {
    Map<A, Double> m = new LinkedHashMap<>();
    double[] w = sample.normalisedWeights();
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        m.merge(sample.items().get(i).value(), w[i], Double::sum);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * A weighted histogram of {@code f} with {@code bins} equal bins over [lo, hi]; mass outside is clamped to the end bins.
   *
   * @param f a function of the result
   * @param lo the lower end of the range
   * @param hi the upper end of the range, above {@code lo}
   * @param bins the number of bins, at least 1
   * @return the histogram
   */
  public Histogram histogram(ToDoubleFunction<? super A> f, double lo, double hi, int bins) {
    if (bins < 1 || !(hi > lo)) {
      throw new IllegalArgumentException("histogram: need bins >= 1 and hi > lo, got " + bins + " bins on [" + lo + ", " + hi + "]");
    }
    double[] mass = new double[bins];
    double[] w = sample.normalisedWeights();
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        double x = f.applyAsDouble(sample.items().get(i).value());
        int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
        mass[Math.max(0, Math.min(bins - 1, b))] += w[i];
      }
    }
    return new Histogram(lo, hi, mass);
  }

  /**
   * A weighted histogram of {@code f} over the range of the particles' values.
   *
   * @param f a function of the result
   * @param bins the number of bins, at least 1
   * @return the histogram
   */
  public Histogram histogram(ToDoubleFunction<? super A> f, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double[] w = sample.normalisedWeights();
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        double x = f.applyAsDouble(sample.items().get(i).value());
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    return histogram(f, lo, hi + (hi - lo) * 1e-9, bins);
  }

  /**
   * An unweighted sample of size m: systematic resampling of the final weights with a generator
   * seeded by {@code seed}.
   *
   * @param m the sample size, at least 0
   * @param seed the seed of the resampling
   * @return m results, equally weighted
   */
  public List<A> resample(int m, long seed) {
    int[] a = new SystematicResampling(sample.normalisedWeights(), m).sample(Rngs.of(seed));
    List<A> out = new ArrayList<>(m);
    for (int i : a) {
      out.add(sample.items().get(i).value());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * One summary row for {@code f}: mean, sd, 5%, 50%, 95% and the ESS.
   *
   * @param name the quantity's name in the row
   * @param f the quantity, a function of the result
   * @return the row, one line
   */
  public String summary(String name, ToDoubleFunction<? super A> f) {
    return sample.summary(name, f);
  }

  /**
   * A summary table: a header with the evidence and ESS, then one row per named quantity.
   *
   * @param quantities the named quantities, in row order
   * @return the table, several lines
   */
  public String table(Map<String, ? extends ToDoubleFunction<? super A>> quantities) {
    StringBuilder sb = new StringBuilder(toString()).append('\n');
    sb.append(String.format("%-12s %9s  %8s  %9s  %9s  %9s%n", "quantity", "mean", "sd", "5%", "50%", "95%"));
    for (Map.Entry<String, ? extends ToDoubleFunction<? super A>> e : quantities.entrySet()) {
      ToDoubleFunction<? super A> f = e.getValue();
      sb.append(String.format("%-12s %9.4f  %8.4f  %9.4f  %9.4f  %9.4f%n", e.getKey(), expectation(f),
          Math.sqrt(variance(f)), quantile(f, 0.05), quantile(f, 0.5), quantile(f, 0.95)));
    }
    return sb.toString();
  }

  /**
   * One line (particles, steps, log evidence, final ESS), the values' table
   * ({@link WeightedSample#valueTable()}), then the problems of {@link
   * #problems()}, if any, each with what to try.
   */
  @Override
  public String toString() {
    String head = String.format(Locale.ROOT, "SMC: %d particles, %d steps, log evidence %.4f, ESS %.1f", size(),
        population.step(), logEvidence(), ess());
    List<Problem> problems = problems();
    String table = sample.valueTable().stripTrailing();
    return problems.isEmpty() ? head + "\n" + table : head + "\n" + table + "\n" + Warnings.report(problems).stripTrailing();
  }

  /** A weighted histogram: equal bins on [lo, hi] with their posterior mass. */
  public record Histogram(double lo, double hi, double[] mass) {
    /** The bins as text bars, one line per bin. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      double width = (hi - lo) / mass.length;
      for (int b = 0; b < mass.length; b++) {
        sb.append(String.format("[%9.3f, %9.3f) %6.4f %s%n", lo + b * width, lo + (b + 1) * width, mass[b],
            "#".repeat((int) Math.round(mass[b] * 50))));
      }
      return sb.toString();
    }
  }
}
