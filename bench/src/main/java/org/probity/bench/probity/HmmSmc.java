package org.probity.bench.probity;

import org.probity.bench.data.HmmData;
import org.probity.core.Cont;
import org.probity.core.Prob;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.inference.smc.Transform;

/**
 * {@code hmm-smc} run by Probity: the bootstrap particle filter {@code Smc.sis} with systematic
 * resampling after every observation (none after the last), and a {@link Transform#peek} before
 * each resampling that records the filtering mean E[z_t | y_0..t] from the weighted particles.
 * {@link #run} filters the state-space form of the model, {@link #runContinuations} the
 * continuation-passing form (see {@link HmmModel}).
 */
public final class HmmSmc {
  private HmmSmc() {
  }

  /** Log-evidence estimate, filtering means per step, and the deepest continuation stack any particle had. */
  public record Result(double logEvidence, double[] filteringMeans, int maxStackDepth) {
  }

  /** Runs SMC on the state-space model with {@code particles} particles from {@code seed}. */
  public static Result run(HmmData data, int particles, long seed) {
    HmmModel model = new HmmModel(data);
    double[] means = new double[data.t()];
    int[] depth = {0};
    Transform<Integer> record = Transform.peek(p -> {
      means[p.step() - 1] = p.filteringExpectation((Integer z) -> z);
      depth[0] = Math.max(depth[0], stackDepth(p.particle(0).stack()));
    });
    return filter(model.stateSpace(), data, particles, seed, record, means, depth);
  }

  /** Runs SMC on the continuation-passing model with {@code particles} particles from {@code seed}. */
  public static Result runContinuations(HmmData data, int particles, long seed) {
    HmmModel model = new HmmModel(data);
    double[] means = new double[data.t()];
    int[] depth = {0};
    Transform<Integer> record = Transform.peek(p -> {
      // the particle is suspended at a draw from the transition row of its current state, or after
      // the last observation its program has returned that state
      means[p.step() - 1] = p.expectation(q -> q.returned() ? q.value() : model.stateBefore(q.node()));
      depth[0] = Math.max(depth[0], stackDepth(p.particle(0).stack()));
    });
    return filter(model.program(), data, particles, seed, record, means, depth);
  }

  private static Result filter(Prob<Integer> program, HmmData data, int particles, long seed, Transform<Integer> record,
      double[] means, int[] depth) {
    // the peek runs after every observation, the last included (where the resampling is skipped)
    SmcResult<Integer> r = Smc.run(Smc.sis(Population.spawn(program, particles),
        record.andThen(Transform.resample(Resampler.SYSTEMATIC))), seed);
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
