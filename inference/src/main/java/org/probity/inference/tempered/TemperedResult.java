package org.probity.inference.tempered;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.probity.core.Weighted;
import org.probity.core.ZeroWeightException;
import org.probity.inference.smc.Resampler;
import org.probity.random.Rngs;
import org.probity.semantics.WeightedSample;
import org.probity.trace.Trace;

/**
 * What tempered SMC or AIS gives back: the log-evidence estimate (unbiased on the natural scale for
 * a fixed schedule and fixed kernels), the schedule it took, the ESS, resampling and move
 * acceptance of every stage, and the final weighted particles, as traces and as the model's
 * results, with self-normalised expectations, quantiles, summaries and an unweighted resample.
 *
 * @param <A> the model's result type
 */
public final class TemperedResult<A> {
  private final TemperedPopulation<A> population;
  private final WeightedSample<Trace<A>> traces;
  private final WeightedSample<A> outputs;

  private TemperedResult(TemperedPopulation<A> population, WeightedSample<Trace<A>> traces,
      WeightedSample<A> outputs) {
    this.population = population;
    this.traces = traces;
    this.outputs = outputs;
  }

  /**
   * The result of a population at inverse temperature 1.
   *
   * @throws ZeroWeightException if every particle has zero weight (naming where the first died)
   * @throws IllegalArgumentException if the population has not reached inverse temperature 1
   */
  public static <A> TemperedResult<A> of(TemperedPopulation<A> population) {
    if (population.dead()) {
      String site = population.trace(0).zeroSite();
      throw new ZeroWeightException("tempered SMC: all " + population.size() + " particles have zero weight"
          + (site == null ? "" : "; the first died at " + site)
          + " (the likelihood is zero at every prior draw: check the data and the model's support, or use more particles)");
    }
    if (population.beta() != 1.0) {
      throw new IllegalArgumentException("tempered SMC result: the population is at inverse temperature "
          + population.beta() + ", not 1");
    }
    List<Weighted<Trace<A>>> ts = new ArrayList<>();
    List<Weighted<A>> os = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      if (!population.dead(i)) {
        Trace<A> t = population.trace(i);
        ts.add(new Weighted<>(t, population.logWeight(i)));
        os.add(new Weighted<>(t.output(), population.logWeight(i)));
      }
    }
    return new TemperedResult<>(population, WeightedSample.of(ts), WeightedSample.of(os));
  }

  /** The final population. */
  public TemperedPopulation<A> population() {
    return population;
  }

  /** The estimate of the log evidence, log p(data) (its exponential is unbiased for a fixed schedule). */
  public double logEvidence() {
    return population.logEvidenceEstimate();
  }

  /** The inverse temperatures of the stages, 0 (the prior draw) first and 1 last. */
  public double[] schedule() {
    return population.stages().stream().mapToDouble(Stage::beta).toArray();
  }

  /** Every stage's record, stage 0 (the prior draw) first. */
  public List<Stage> stages() {
    return population.stages();
  }

  /** The number of stages after the prior draw. */
  public int stageCount() {
    return population.stages().size() - 1;
  }

  /** The final particles with positive weight: each trace (of the model) and its log weight. */
  public List<Weighted<Trace<A>>> particles() {
    return traces.items();
  }

  /** The final weighted traces. */
  public WeightedSample<Trace<A>> traces() {
    return traces;
  }

  /** The final weighted results of the model. */
  public WeightedSample<A> outputs() {
    return outputs;
  }

  /** The number of particles (zero-weight ones included). */
  public int size() {
    return population.size();
  }

  /** Kish's effective sample size of the final weights. */
  public double ess() {
    return outputs.ess();
  }

  /** Self-normalised estimate of the posterior expectation of {@code f} of the model's result. */
  public double expectation(ToDoubleFunction<? super A> f) {
    return outputs.expectation(f);
  }

  /** Weighted posterior variance of {@code f}. */
  public double variance(ToDoubleFunction<? super A> f) {
    return outputs.variance(f);
  }

  /** Weighted quantile of {@code f}. */
  public double quantile(ToDoubleFunction<? super A> f, double p) {
    return outputs.quantile(f, p);
  }

  /** Self-normalised estimate of the posterior expectation of {@code f} of the trace. */
  public double traceExpectation(ToDoubleFunction<? super Trace<A>> f) {
    return traces.expectation(f);
  }

  /** One summary row for {@code f}: mean, sd, 5%, 50%, 95% and the ESS. */
  public String summary(String name, ToDoubleFunction<? super A> f) {
    return outputs.summary(name, f);
  }

  /** An unweighted sample of size m of the results: systematic resampling of the final weights. */
  public List<A> resample(int m, long seed) {
    int[] a = Resampler.SYSTEMATIC.ancestors(outputs.normalisedWeights(), m).sample(Rngs.of(seed));
    List<A> out = new ArrayList<>(m);
    for (int i : a) {
      out.add(outputs.items().get(i).value());
    }
    return Collections.unmodifiableList(out);
  }

  /** A summary table: the header line, then mean, sd and quantiles of each named quantity. */
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

  /** The stages as a table: beta, ESS, resampled, running log evidence, acceptance, step size, divergences. */
  public String stageTable() {
    StringBuilder sb = new StringBuilder(String.format("%5s  %10s  %8s  %9s  %12s  %10s  %9s  %5s%n", "stage", "beta",
        "ESS", "resampled", "log Z(beta)", "acceptance", "step size", "div"));
    for (Stage s : population.stages()) {
      sb.append(String.format("%5d  %10.6f  %8.1f  %9s  %12.4f  %10.3f  %9.4f  %5d%n", s.index(), s.beta(), s.ess(),
          s.resampled() ? "yes" : "no", s.logEvidence(), s.acceptance(), s.stepSize(), s.divergences()));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return String.format("tempered SMC: %d particles, %d stages, log evidence %.4f, final ESS %.1f", size(),
        stageCount(), logEvidence(), ess());
  }
}
