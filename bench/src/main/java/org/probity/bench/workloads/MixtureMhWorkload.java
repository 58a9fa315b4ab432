package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.MixtureData;
import org.probity.bench.handcoded.MixtureRandomWalkMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.MixtureModel;
import org.probity.bench.probity.ProbityChain;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * {@code gmm-mh}: the 1-D mixture of 3 Gaussians (known sigma, z marginalised, w = g / sum(g) with
 * g ~ Gamma(alpha, 1), ordered means) by joint isotropic random-walk Metropolis on (log g, mu) with
 * scale {@value #SCALE}, 10000 iterations from equal weights and means at data quantiles; the first
 * 2000 draws are discarded.
 *
 * <p>MH rather than SMC over the data points: without rejuvenation moves (not yet in Probity's SMC)
 * SMC over data points is importance sampling of (w, mu) from the prior, which degenerates on 500
 * points, so it would compare two useless estimates.
 */
public final class MixtureMhWorkload implements Workload {
  /** Iterations per chain. */
  public static final int ITERATIONS = 10_000;
  /** Draws discarded at the start. */
  public static final int BURN_IN = 2_000;
  /** The random-walk scale on the unconstrained scale. */
  public static final double SCALE = 0.08;

  @Override
  public String name() {
    return "gmm-mh";
  }

  @Override
  public String algorithm() {
    return "rw-mh";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return List.of("N500");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    MixtureData data = dataDir != null ? MixtureData.read(dataDir, n) : MixtureData.generate(n, Sizes.DATA_SEED);
    int k = data.k();
    String[] names = new String[2 * k];
    for (int c = 0; c < k; c++) {
      names[c] = "w" + c;
      names[k + c] = "mu" + c;
    }
    double[] init = MixtureRandomWalkMh.defaultInit(data);
    MixtureModel model = new MixtureModel(data);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        ProbityChain.Result r = ProbityChain.run(model.program(), MixtureModel.init(init, k),
            Kernels.randomWalk(Selection.all(), SCALE), ITERATIONS, out -> out, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), names, BURN_IN, r.acceptanceRate());
      }

      @Override
      public RunResult handcoded(long seed) {
        RandomWalkMetropolis.Result r = MixtureRandomWalkMh.run(data, init, ITERATIONS, SCALE, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), names, BURN_IN, r.acceptanceRate());
      }
    };
  }
}
