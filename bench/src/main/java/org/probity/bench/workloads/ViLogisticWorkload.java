package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.LogisticMeanFieldAdvi;
import org.probity.bench.probity.LogisticModel;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.vi.guides.AutoGuide;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;

/**
 * {@code vi-lr-elbo}: mean-field ADVI on Bayesian logistic regression (D = 5 plus intercept,
 * Normal(0, 1) priors): {@value #STEPS} steps of one reparameterised ELBO gradient estimate and an
 * Adam(0.05) update, from mu = 0, sigma = 0.1. Probity: {@code AutoGuide.meanField} on the
 * model's {@code LogDensity} (the {@code lr-mh} model, one GLM observation) and
 * {@code Optimize.maximize}; the baseline writes the same estimator's gradient by hand. Reports
 * the mean ELBO estimate over the last 500 steps and the fitted means.
 */
public final class ViLogisticWorkload implements Workload {
  /** Optimisation steps per run. */
  public static final int STEPS = 5000;
  /** Adam's learning rate. */
  public static final double LR = 0.05;

  @Override
  public String name() {
    return "vi-lr-elbo";
  }

  @Override
  public String algorithm() {
    return "advi-meanfield-adam";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return List.of("N1000");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    LogisticData data = dataDir != null ? LogisticData.read(dataDir, n) : LogisticData.generate(n, Sizes.DATA_SEED);
    AutoGuide guide = AutoGuide.meanField(LogDensity.of(new LogisticModel(data).program()), "q");
    String[] names = LogisticMhWorkload.names(data.d());
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        ParamStore store = new ParamStore(seed);
        Optimize.Result r = Optimize.maximize(guide.elbo(), store, Optimize.Config.of(STEPS).optimizer(Adam.of(LR))
            .progress(false).seed(seed));
        return result(r.objective(), store.value("q.loc"), names);
      }

      @Override
      public RunResult handcoded(long seed) {
        LogisticMeanFieldAdvi.Result r = LogisticMeanFieldAdvi.run(data, STEPS, LR, Rngs.of(seed));
        return result(r.elbo(), r.mu(), names);
      }
    };
  }

  static RunResult result(double[] trace, double[] mu, String[] names) {
    Map<String, Double> means = new LinkedHashMap<>();
    double s = 0;
    for (int t = trace.length - 500; t < trace.length; t++) {
      s += trace[t];
    }
    means.put("elbo", s / 500);
    for (int j = 0; j < names.length; j++) {
      means.put("mu_" + names[j], mu[j]);
    }
    return RunResult.smc(Double.NaN, means, Map.of());
  }
}
