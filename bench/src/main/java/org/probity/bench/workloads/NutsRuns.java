package org.probity.bench.workloads;

import java.util.function.DoubleUnaryOperator;
import org.probity.bench.api.RunResult;
import org.probity.inference.hmc.HmcChain;
import org.probity.inference.hmc.HmcResult;
import org.probity.inference.hmc.Transition;
import org.probity.inference.mcmc.McmcResult;

/** One-chain NUTS runs of both systems as bench results, with the gradient count for ESS per gradient. */
final class NutsRuns {
  private NutsRuns() {
  }

  /** Probity's chain: the named columns, the mean accept_stat and the gradient evaluations. */
  static RunResult probity(McmcResult<?> r, String[] columns, String[] names) {
    double[][] x = new double[columns.length][];
    for (int j = 0; j < columns.length; j++) {
      x[j] = r.column(columns[j])[0]; // as a user reads Probity's draws, by column
    }
    double accept = mean(r.draws().samplerStat("accept_stat__")[0]);
    return withGradients(RunResult.mcmcColumns(x, names, 0, accept), r.gradientEvaluations()[0]);
  }

  /** The engine's chain on the hand-written gradient; coordinates mapped to the constrained scale where given. */
  static RunResult handcoded(HmcResult r, String[] names, DoubleUnaryOperator[] constrain) {
    HmcChain chain = r.chain(0);
    double[][] x = chain.draws();
    if (constrain != null) {
      for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
          if (constrain[j] != null) {
            row[j] = constrain[j].applyAsDouble(row[j]);
          }
        }
      }
    }
    double accept = chain.transitions().stream().mapToDouble(Transition::acceptStat).average().orElse(Double.NaN);
    return withGradients(RunResult.mcmc(x, names, 0, accept), chain.gradientEvaluations());
  }

  private static RunResult withGradients(RunResult r, long gradients) {
    java.util.Map<String, Double> extra = new java.util.LinkedHashMap<>(r.extra());
    extra.put("gradients", (double) gradients);
    return new RunResult(r.logEvidence(), r.means(), r.chains(), extra);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
