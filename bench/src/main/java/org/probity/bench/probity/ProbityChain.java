package org.probity.bench.probity;

import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Chain;
import org.probity.inference.mcmc.Kernel;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * A single MH chain driven the way the chain runner ({@code Mcmc}) drives a Probity kernel: start
 * from the trace that replays the model at given values, then one {@link Chain#step} per
 * iteration (which takes the fixed-structure fast path by itself where the model allows it),
 * recording a vector of parameters from each state's output. This loop adds nothing to
 * {@code Mcmc}'s but the recording.
 */
public final class ProbityChain {
  private ProbityChain() {
  }

  /** Draws (iterations x parameters) and the acceptance rate. */
  public record Result(double[][] draws, double acceptanceRate) {
  }

  /** Runs {@code iterations} kernel steps from the trace of {@code model} at {@code init}. */
  public static <A> Result run(Prob<A> model, Map<Address, ?> init, Kernel<A> kernel, int iterations,
      Function<? super A, double[]> record, UniformRandomProvider rng) {
    Kernel<A> k = kernel.forChain();
    k.endWarmup();
    Trace<A> t = Traces.replay(model, init);
    if (t.logJoint() == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("the initial values have zero density: " + t.zeroSite());
    }
    double[][] draws = new double[iterations][];
    int accepted = 0;
    Chain<A> chain = Chain.of(k, t);
    for (int it = 0; it < iterations; it++) {
      if (chain.step(rng)) {
        accepted++;
      }
      draws[it] = record.apply(chain.output());
    }
    return new Result(draws, accepted / (double) iterations);
  }
}
