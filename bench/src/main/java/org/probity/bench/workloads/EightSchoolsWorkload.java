package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.handcoded.EightSchoolsRandomWalkMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.bench.probity.ProbityChain;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Selection;
import org.probity.random.Rngs;

/**
 * {@code eight-schools}: the non-centred model on the classic data by joint isotropic random-walk
 * Metropolis on (mu, log tau, theta_tilde) with scale {@value #SCALE}, 20000 iterations from
 * mu = 0, tau = 1, theta_tilde = 0; the first 2000 draws are discarded.
 */
public final class EightSchoolsWorkload implements Workload {
  /** Iterations per chain. */
  public static final int ITERATIONS = 20_000;
  /** Draws discarded at the start. */
  public static final int BURN_IN = 2_000;
  /** The random-walk scale on the unconstrained scale. */
  public static final double SCALE = 0.5;

  @Override
  public String name() {
    return "eight-schools";
  }

  @Override
  public String algorithm() {
    return "rw-mh";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return List.of("J8");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    EightSchoolsData data = dataDir != null ? EightSchoolsData.read(dataDir) : EightSchoolsData.classic();
    String[] names = new String[2 + data.j()];
    names[0] = "mu";
    names[1] = "tau";
    for (int j = 0; j < data.j(); j++) {
      names[2 + j] = "theta_tilde" + j;
    }
    String[] main = {"mu", "tau"};
    EightSchoolsModel model = new EightSchoolsModel(data);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        ProbityChain.Result r = ProbityChain.run(model.program(),
            EightSchoolsModel.init(0, 1, new double[data.j()]), Kernels.randomWalk(Selection.all(), SCALE),
            ITERATIONS, out -> out, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), main, BURN_IN, r.acceptanceRate());
      }

      @Override
      public RunResult handcoded(long seed) {
        RandomWalkMetropolis.Result r = EightSchoolsRandomWalkMh.run(data, EightSchoolsRandomWalkMh.defaultInit(data),
            ITERATIONS, SCALE, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), main, BURN_IN, r.acceptanceRate());
      }
    };
  }
}
