package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.LogisticLaplace;
import org.probity.bench.handcoded.LogisticRandomWalkMh;
import org.probity.bench.probity.LogisticModel;
import org.probity.bench.probity.ProbityChain;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * {@code lr-mh}: Bayesian logistic regression (D = 5 plus intercept, Normal(0, 1) priors) by
 * joint isotropic random-walk Metropolis, 10000 iterations, both chains started at the Laplace
 * mode with scale 2.38 * sqrt(mean Laplace variance / 6); the first 1000 draws are discarded.
 */
public final class LogisticMhWorkload implements Workload {
  /** Iterations per chain. */
  public static final int ITERATIONS = 10_000;
  /** Draws discarded at the start. */
  public static final int BURN_IN = 1_000;

  @Override
  public String name() {
    return "lr-mh";
  }

  @Override
  public String algorithm() {
    return "rw-mh";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("N1000") : List.of("N1000", "N10000");
  }

  /** Parameter names, intercept first. */
  static String[] names(int d) {
    String[] n = new String[d + 1];
    n[0] = "b";
    for (int j = 0; j < d; j++) {
      n[j + 1] = "w" + j;
    }
    return n;
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    LogisticData data = dataDir != null ? LogisticData.read(dataDir, n) : LogisticData.generate(n, Sizes.DATA_SEED);
    LogisticLaplace.Result laplace = LogisticLaplace.fit(data);
    double step = laplace.randomWalkScale();
    double[] init = laplace.mode();
    String[] names = names(data.d());
    LogisticModel model = new LogisticModel(data);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        ProbityChain.Result r = ProbityChain.run(model.program(), LogisticModel.init(init),
            Kernels.randomWalk(Selection.all(), step), ITERATIONS, out -> out, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), names, BURN_IN, r.acceptanceRate());
      }

      @Override
      public RunResult handcoded(long seed) {
        LogisticRandomWalkMh.Result r = LogisticRandomWalkMh.run(data, ITERATIONS, step, init, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), names, BURN_IN, r.acceptanceRate());
      }
    };
  }
}
