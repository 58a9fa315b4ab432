package org.probity.inference.tempered;

import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.inference.mcmc.Kernel;
import org.probity.trace.Trace;

/**
 * An MCMC kernel on traces as a tempered-SMC move: the particle's trace is re-scored as a trace of
 * the tempered program {@code Handlers.scale(model, beta)} (same choices, observations and factors
 * scaled by beta), the kernel is applied {@code moves} times to it, and the result is re-scored as
 * a trace of the model. Because the kernel re-runs the trace's own program, it leaves
 * gamma_beta invariant. A move that returns the very trace it was given counts as a rejection.
 */
final class KernelMove implements Move {
  private final Kernel<?> kernel;

  KernelMove(Kernel<?> kernel) {
    this.kernel = kernel;
  }

  /** The current trace and how many moves changed it so far. */
  private record Chain<A>(Trace<A> trace, int accepted) {
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> ParticleMove<A> prepare(Prob<A> model, TemperedPopulation<A> population) {
    Kernel<A> k = (Kernel<A>) kernel;
    Prob<A> target = TemperedSmc.tempered(model, population.beta());
    return (x, moves) -> {
      if (moves <= 0) {
        return new Pure<>(new Moved<>(x, Double.NaN, 0));
      }
      Trace<A> start = TemperedSmc.rescore(target, x);
      Prob<Chain<A>> chain = new Pure<>(new Chain<>(start, 0));
      for (int m = 0; m < moves; m++) {
        chain = chain.flatMap(c -> k.apply(c.trace()).map(y -> new Chain<>(y, c.accepted() + (y == c.trace() ? 0 : 1))));
      }
      return chain.map(c -> new Moved<>(c.trace() == start ? x : TemperedSmc.rescore(model, c.trace()),
          (double) c.accepted() / moves, 0));
    };
  }

  @Override
  public String toString() {
    return "kernel move";
  }
}
