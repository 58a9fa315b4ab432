package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.handcoded.EightSchoolsRandomWalkMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
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
        McmcResult<?> r = run(model, seed);
        double[][] columns = {r.column("mu")[0], r.column("tau")[0]}; // as a user reads Probity's draws, by column
        return RunResult.mcmcColumns(columns, main, BURN_IN, r.acceptanceRates()[0]);
      }

      @Override
      public RunResult handcoded(long seed) {
        RandomWalkMetropolis.Result r = EightSchoolsRandomWalkMh.run(data, EightSchoolsRandomWalkMh.defaultInit(data),
            ITERATIONS, SCALE, Rngs.of(seed));
        return RunResult.mcmc(r.draws(), main, BURN_IN, r.acceptanceRate());
      }
    };
  }

  /**
   * Probity's chain as a user runs it: {@code Mcmc.run} with the random walk, one chain from mu = 0,
   * tau = 1, theta_tilde = 0, every iteration kept (the burn-in is discarded from the draws after).
   */
  public static McmcResult<?> run(EightSchoolsModel model, long seed) {
    return Mcmc.run(model.program(), Kernels.randomWalk(Selection.all(), SCALE), McmcConfig.defaults().chains(1)
        .threads(1).warmup(0).samples(ITERATIONS).inits(EightSchoolsModel.init(0, 1, new double[model.schools()]))
        .seed(seed).progress(false));
  }

  /** The draws of (mu, tau, theta_tilde...) by iteration. */
  public static double[][] draws(McmcResult<?> r, int schools) {
    double[][] columns = new double[2 + schools][];
    columns[0] = r.column("mu")[0];
    columns[1] = r.column("tau")[0];
    for (int j = 0; j < schools; j++) {
      columns[2 + j] = r.column("theta_tilde." + (j + 1))[0];
    }
    double[][] x = new double[columns[0].length][columns.length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < columns.length; k++) {
        x[i][k] = columns[k][i];
      }
    }
    return x;
  }
}
