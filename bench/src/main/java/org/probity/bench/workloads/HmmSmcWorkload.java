package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.HmmData;
import org.probity.bench.handcoded.HmmBootstrapFilter;
import org.probity.bench.probity.HmmSmc;
import org.probity.random.Rngs;

/**
 * {@code hmm-smc}: the 3-state Gaussian HMM filtered by the bootstrap particle filter with
 * systematic resampling after every observation; sizes {@code T<steps>-P<particles>}. Reports the
 * log evidence and the filtering means E[z_t | y_0..t] (their average over t and the last one).
 * {@code hmm-smc} writes the model with the state-space combinator, {@code hmm-smc-cps} in
 * continuation-passing style (the same algorithm on the same data; see {@code HmmModel}).
 */
public final class HmmSmcWorkload implements Workload {
  private final boolean continuations;

  /** The workload on the state-space form of the model ({@code hmm-smc}). */
  public HmmSmcWorkload() {
    this(false);
  }

  /** {@code continuations}: the continuation-passing form ({@code hmm-smc-cps}) instead. */
  public HmmSmcWorkload(boolean continuations) {
    this.continuations = continuations;
  }

  @Override
  public String name() {
    return continuations ? "hmm-smc-cps" : "hmm-smc";
  }

  @Override
  public String algorithm() {
    return "smc-systematic";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("T100-P100", "T100-P1000", "T1000-P1000")
        : List.of("T100-P100", "T100-P1000", "T1000-P100", "T1000-P1000", "T1000-P10000");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int t = Sizes.get(size, 'T');
    int p = Sizes.get(size, 'P');
    HmmData data = dataDir != null ? HmmData.read(dataDir, t) : HmmData.generate(t, Sizes.DATA_SEED);
    if (data.t() != t) {
      throw new IllegalArgumentException("hmm data for " + size + " has T = " + data.t());
    }
    double exact = data.exactLogEvidence();
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        HmmSmc.Result r = continuations ? HmmSmc.runContinuations(data, p, seed) : HmmSmc.run(data, p, seed);
        return RunResult.smc(r.logEvidence(), means(r.filteringMeans()),
            Map.of("exact_log_evidence", exact, "max_stack_depth", (double) r.maxStackDepth()));
      }

      @Override
      public RunResult handcoded(long seed) {
        HmmBootstrapFilter.Result r = HmmBootstrapFilter.run(data, p, Rngs.of(seed));
        return RunResult.smc(r.logEvidence(), means(r.filteringMeans()), Map.of("exact_log_evidence", exact));
      }
    };
  }

  static Map<String, Double> means(double[] filtering) {
    double s = 0;
    for (double v : filtering) {
      s += v;
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("filter_mean_avg", s / filtering.length);
    m.put("filter_mean_last", filtering[filtering.length - 1]);
    return m;
  }
}
