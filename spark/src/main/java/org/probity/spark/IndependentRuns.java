package org.probity.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.core.Prob;
import org.probity.run.Runner;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.random.Rngs;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.WeightedSample;

/**
 * Independent SMC or importance-sampling runs of one model: run r is seeded with
 * {@code Rngs.childSeed(seed, r)}, so its numbers are those of the same call on one machine. Many
 * independent runs give the spread of the evidence estimate and a pooled estimate
 * ({@link #pooledLogEvidence}).
 */
public final class IndependentRuns {
  private IndependentRuns() {
  }

  /** {@code runs} bootstrap particle filters ({@code Smc.run(model, particles, childSeed(seed, r))}). */
  public static <A> List<RunSummary> smc(Runner runner, ModelFactory<A> model, int particles, int runs, long seed,
      Map<String, Statistic<A>> statistics) {
    LinkedHashMap<String, Statistic<A>> stats = new LinkedHashMap<>(statistics);
    return runner.run("SMC run", seed, runs, (s, r) -> {
      SmcResult<A> res = Smc.run(model.build(), particles, Rngs.childSeed(s, r));
      double[] means = new double[stats.size()];
      double[] sds = new double[stats.size()];
      int j = 0;
      for (Statistic<A> f : stats.values()) {
        means[j] = res.expectation(f);
        sds[j++] = Math.sqrt(res.variance(f));
      }
      return new RunSummary(r, res.logEvidence(), res.ess(), new ArrayList<>(stats.keySet()), means, sds);
    });
  }

  /** {@code runs} likelihood-weighting runs ({@code ImportanceSampling.run(model, samples, childSeed(seed, r))}). */
  public static <A> List<RunSummary> importance(Runner runner, ModelFactory<A> model, int samples, int runs, long seed,
      Map<String, Statistic<A>> statistics) {
    LinkedHashMap<String, Statistic<A>> stats = new LinkedHashMap<>(statistics);
    return runner.run("importance-sampling run", seed, runs, (s, r) -> {
      Prob<A> m = model.build();
      WeightedSample<A> res = ImportanceSampling.run(m, samples, Rngs.childSeed(s, r));
      double[] means = new double[stats.size()];
      double[] sds = new double[stats.size()];
      int j = 0;
      for (Statistic<A> f : stats.values()) {
        means[j] = res.expectation(f);
        sds[j++] = Math.sqrt(res.variance(f));
      }
      return new RunSummary(r, res.logEvidence(), res.ess(), new ArrayList<>(stats.keySet()), means, sds);
    });
  }

  /**
   * The pooled estimate of log p(y) from independent runs of equal size: the log of the mean of
   * their (unbiased) evidence estimates, computed in log space.
   */
  public static double pooledLogEvidence(List<RunSummary> runs) {
    double max = Double.NEGATIVE_INFINITY;
    for (RunSummary r : runs) {
      max = Math.max(max, r.logEvidence());
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (RunSummary r : runs) {
      s += Math.exp(r.logEvidence() - max);
    }
    return max + Math.log(s / runs.size());
  }
}
