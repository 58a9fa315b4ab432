package org.probity.bench.probity;

import org.probity.bench.data.HmmData;
import org.probity.core.Cont;
import org.probity.inference.smc.Particle;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.inference.smc.Transform;

/**
 * {@code hmm-smc} run by Probity: the bootstrap particle filter {@code Smc.sis} with systematic
 * resampling after every observation (none after the last), and a {@link Transform#peek} before
 * each resampling that records the filtering mean E[z_t | y_0..t] from the weighted particles.
 */
public final class HmmSmc {
  private HmmSmc() {
  }

  /** Log-evidence estimate, filtering means per step, and the deepest continuation stack any particle had. */
  public record Result(double logEvidence, double[] filteringMeans, int maxStackDepth) {
  }

  /** Runs SMC with {@code particles} particles from {@code seed}. */
  public static Result run(HmmData data, int particles, long seed) {
    HmmModel model = new HmmModel(data);
    double[] means = new double[data.t()];
    int[] depth = {0};
    Transform<Integer> record = Transform.peek(p -> {
      double[] w = p.normalisedWeights();
      double sz = 0;
      for (int i = 0; i < w.length; i++) {
        sz += w[i] * model.stateAt(p.particle(i).suspendedAt());
      }
      means[p.step() - 1] = sz;
      depth[0] = Math.max(depth[0], stackDepth(p.particle(0).stack()));
    });
    SmcResult<Integer> r = Smc.run(Smc.sis(Population.spawn(model.program(), particles),
        record.andThen(Transform.resample(Resampler.SYSTEMATIC))), seed);
    // the last step is not transformed: every particle has finished, its value is the final state
    means[data.t() - 1] = r.expectation(Integer::doubleValue);
    return new Result(r.logEvidence(), means, depth[0]);
  }

  private static int stackDepth(Cont c) {
    int n = 0;
    for (; c != null; c = c.tail()) {
      n++;
    }
    return n;
  }
}
