package org.probity.bench.probity;

import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernel;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.semantics.Sampler;

/**
 * A single MH chain driven the way a chain runner drives a Probity kernel: start from the trace
 * that replays the model at given values, then {@code trace = Sampler.run(kernel.apply(trace))}
 * for each iteration, recording a vector of parameters from each trace. (The mcmc branch has no
 * chain runner yet; this loop adds nothing but the recording.)
 */
public final class ProbityChain {
  private ProbityChain() {
  }

  /** Draws (iterations x parameters) and the acceptance rate. */
  public record Result(double[][] draws, double acceptanceRate) {
  }

  /** Runs {@code iterations} kernel steps from the trace of {@code model} at {@code init}. */
  public static <A> Result run(Prob<A> model, Map<Address, ?> init, Kernel<A> kernel, int iterations,
      Function<Trace<A>, double[]> record, UniformRandomProvider rng) {
    Kernel<A> k = kernel.forChain();
    k.endWarmup();
    Trace<A> t = Traces.replay(model, init);
    if (t.logJoint() == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("the initial values have zero density: " + t.zeroSite());
    }
    double[][] draws = new double[iterations][];
    int accepted = 0;
    for (int it = 0; it < iterations; it++) {
      Trace<A> next = Sampler.run(k.apply(t), rng).value();
      if (next != t) {
        accepted++;
      }
      t = next;
      draws[it] = record.apply(t);
    }
    return new Result(draws, accepted / (double) iterations);
  }
}
