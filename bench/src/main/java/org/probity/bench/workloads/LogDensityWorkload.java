package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.LogDensityFunction;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.EightSchoolsGradient;
import org.probity.bench.handcoded.LogisticGradient;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.bench.probity.LogisticModel;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;

/**
 * {@code logdensity}: evaluations of the log density and its gradient, what NUTS spends its time
 * on: the model's {@link LogDensity} (the program run on a reverse-mode tape, log-Jacobians
 * included) against a hand-written Java gradient of the same density ({@link LogisticGradient},
 * {@link EightSchoolsGradient}), at the same {@value #POINTS} points near the posterior (cycled),
 * the number of evaluations per run chosen per size so that a run lasts tens of milliseconds.
 * Sizes: logistic regression on lr_n1000 and lr_n10000 (the likelihood one
 * {@code bernoulliLogitGlm} node), non-centred eight schools (ten sites, eight observations).
 * The row's {@code gradients_per_second} is evaluations / median seconds.
 */
public final class LogDensityWorkload implements Workload {
  /** The number of distinct points evaluated. */
  public static final int POINTS = 64;

  @Override
  public String name() {
    return "logdensity";
  }

  @Override
  public String algorithm() {
    return "gradient";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("lr-N1000", "eight-schools-J8") : List.of("lr-N1000", "lr-N10000", "eight-schools-J8");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    LogDensityFunction probity;
    LogDensityFunction handcoded;
    double scale;
    int evaluations;
    if (size.startsWith("lr-")) {
      int n = Sizes.get(size.substring(3), 'N');
      LogisticData data = dataDir != null ? LogisticData.read(dataDir, n) : LogisticData.generate(n, Sizes.DATA_SEED);
      probity = LogDensity.of(new LogisticModel(data).program());
      handcoded = new LogisticGradient(data);
      scale = 0.5;
      evaluations = n >= 10_000 ? 400 : 4000;
    } else {
      EightSchoolsData data = dataDir != null ? EightSchoolsData.read(dataDir) : EightSchoolsData.classic();
      probity = LogDensity.of(new EightSchoolsModel(data).program());
      handcoded = new EightSchoolsGradient(data);
      scale = 1;
      evaluations = 500_000;
    }
    if (probity.dimension() != handcoded.dimension()) {
      throw new IllegalStateException("the two densities have dimensions " + probity.dimension() + " and "
          + handcoded.dimension());
    }
    int dim = probity.dimension();
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        return run(probity, seed);
      }

      @Override
      public RunResult handcoded(long seed) {
        return run(handcoded, seed);
      }

      private RunResult run(LogDensityFunction f, long seed) {
        double[][] points = points(seed);
        double[] gradient = new double[dim];
        double sum = 0;
        for (int e = 0; e < evaluations; e++) {
          sum += f.logDensityAndGradient(points[e % POINTS], gradient);
          sum += gradient[e % dim];
        }
        if (!Double.isFinite(sum)) {
          throw new IllegalStateException("a log density or gradient was not finite");
        }
        return new RunResult(Double.NaN, Map.of(), null, Map.of("gradients", (double) evaluations));
      }

      private double[][] points(long seed) {
        UniformRandomProvider rng = Rngs.of(seed);
        double[][] p = new double[POINTS][dim];
        for (double[] q : p) {
          for (int i = 0; i < dim; i++) {
            q[i] = scale * (2 * rng.nextDouble() - 1);
          }
        }
        return p;
      }
    };
  }
}
