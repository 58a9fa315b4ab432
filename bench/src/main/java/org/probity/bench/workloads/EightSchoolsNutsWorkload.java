package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.handcoded.EightSchoolsGradient;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.inference.hmc.Hmc;
import org.probity.inference.hmc.HmcConfig;
import org.probity.inference.hmc.HmcResult;
import org.probity.inference.mcmc.HmcKernel;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcResult;

/**
 * {@code eight-schools-nuts}: non-centred eight schools by NUTS with Stan's defaults, one chain of
 * 1000 warm-up iterations and 1000 draws: Probity's {@code Mcmc.run} with {@link HmcKernel#nuts()}
 * on the differentiable program ({@link EightSchoolsModel}) against the same NUTS engine on a
 * hand-written gradient ({@link EightSchoolsGradient}, tau on the log scale and mapped back).
 * The row reports the minimum bulk ESS over mu, tau and the eight theta_tilde per second and per
 * gradient evaluation.
 */
public final class EightSchoolsNutsWorkload implements Workload {
  @Override
  public String name() {
    return "eight-schools-nuts";
  }

  @Override
  public String algorithm() {
    return "nuts";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return List.of("J8");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    EightSchoolsData data = dataDir != null ? EightSchoolsData.read(dataDir) : EightSchoolsData.classic();
    String[] names = new String[2 + data.j()];
    String[] columns = new String[names.length];
    names[0] = "mu";
    names[1] = "tau";
    columns[0] = "mu";
    columns[1] = "tau";
    for (int j = 0; j < data.j(); j++) {
      names[2 + j] = "theta_tilde" + j;
      columns[2 + j] = "theta_tilde." + (j + 1);
    }
    EightSchoolsModel model = new EightSchoolsModel(data);
    EightSchoolsGradient gradient = new EightSchoolsGradient(data);
    DoubleUnaryOperator[] constrain = new DoubleUnaryOperator[names.length];
    constrain[1] = Math::exp;
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        McmcResult<?> r = Mcmc.run(model.program(), HmcKernel.nuts(), LogisticNutsWorkload.config(seed));
        return NutsRuns.probity(r, columns, names);
      }

      @Override
      public RunResult handcoded(long seed) {
        HmcResult r = Hmc.sample(gradient, HmcConfig.defaults().chains(1).threads(1)
            .warmup(LogisticNutsWorkload.WARMUP).draws(LogisticNutsWorkload.DRAWS).seed(seed));
        return NutsRuns.handcoded(r, names, constrain);
      }
    };
  }
}
