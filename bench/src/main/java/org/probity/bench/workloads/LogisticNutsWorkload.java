package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.LogisticGradient;
import org.probity.bench.probity.LogisticModel;
import org.probity.inference.hmc.Hmc;
import org.probity.inference.hmc.HmcConfig;
import org.probity.inference.hmc.HmcResult;
import org.probity.inference.mcmc.HmcKernel;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;

/**
 * {@code lr-nuts}: Bayesian logistic regression (D = 5 plus intercept, Normal(0, 1) priors) by
 * NUTS with Stan's defaults, one chain of 1000 warm-up iterations and 1000 draws, as cmdstan runs
 * it: Probity's {@code Mcmc.run} with {@link HmcKernel#nuts()} on the program (named sites
 * {@code b}, {@code w[j]}, one {@code bernoulliLogitGlm} observation) against the same NUTS engine
 * ({@link Hmc#sample}) on a hand-written gradient ({@link LogisticGradient}). Both start from
 * Stan's uniform(-2, 2) rule. The row reports the minimum bulk ESS over the coefficients per
 * second and per gradient evaluation (warm-up included).
 */
public final class LogisticNutsWorkload implements Workload {
  /** Warm-up iterations. */
  public static final int WARMUP = 1000;
  /** Kept draws. */
  public static final int DRAWS = 1000;

  @Override
  public String name() {
    return "lr-nuts";
  }

  @Override
  public String algorithm() {
    return "nuts";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("N1000") : List.of("N1000", "N10000");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    LogisticData data = dataDir != null ? LogisticData.read(dataDir, n) : LogisticData.generate(n, Sizes.DATA_SEED);
    String[] names = LogisticMhWorkload.names(data.d());
    String[] columns = new String[names.length];
    columns[0] = "b";
    for (int j = 1; j < names.length; j++) {
      columns[j] = "w." + j;
    }
    LogisticModel model = new LogisticModel(data);
    LogisticGradient gradient = new LogisticGradient(data);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        McmcResult<double[]> r = Mcmc.run(model.program(), HmcKernel.nuts(), config(seed));
        return NutsRuns.probity(r, columns, names);
      }

      @Override
      public RunResult handcoded(long seed) {
        HmcResult r = Hmc.sample(gradient, HmcConfig.defaults().chains(1).threads(1).warmup(WARMUP).draws(DRAWS)
            .seed(seed));
        return NutsRuns.handcoded(r, names, null);
      }
    };
  }

  static McmcConfig config(long seed) {
    return McmcConfig.defaults().chains(1).threads(1).warmup(WARMUP).samples(DRAWS).seed(seed).progress(false);
  }
}
