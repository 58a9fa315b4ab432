package org.probity.inference.tempered;

import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Trace;

/**
 * The MCMC moves of tempered SMC: at each stage, after reweighting to inverse temperature beta and
 * resampling, every live particle's trace is moved by a kernel that leaves the tempered target
 * gamma_beta(x) = p(x) l(x)^beta invariant. {@link #prepare} sees the whole population first, so a
 * move may tune itself from it (HMC: a metric from the particles' spread, the step size from the
 * previous stage's acceptance); the particles are then moved independently.
 *
 * <p>{@link #kernel} makes any MCMC kernel on traces a move: it is applied to the trace of the
 * tempered program {@code Handlers.scale(model, beta)}, whose density is exactly gamma_beta, so
 * every MH kernel targets it. {@link #nuts} and {@link #hmc} are the gradient moves.
 */
@FunctionalInterface
public interface Move {
  /**
   * The move of every particle of {@code population} (at its inverse temperature), which the
   * algorithm then applies to each live particle's trace.
   */
  <A> ParticleMove<A> prepare(Prob<A> model, TemperedPopulation<A> population);

  /** Single-site lightweight MH over every address ({@code Kernels.mh()}) on the tempered target. */
  static Move mh() {
    return kernel(Kernels.mh());
  }

  /**
   * Any MCMC kernel on traces, applied to the tempered program's traces. The kernel must not
   * depend on the model's result type (as the kernels of {@link Kernels} do not) and must be fixed:
   * an adapting kernel would share its state between particles.
   */
  static Move kernel(Kernel<?> kernel) {
    return new KernelMove(kernel);
  }

  /**
   * The No-U-Turn sampler on the unconstrained continuous choices (the discrete ones are held),
   * with a diagonal metric from the particles' variances and the step size adapted from stage to
   * stage towards a mean acceptance statistic of 0.8 ({@link HamiltonianMove}).
   */
  static HamiltonianMove nuts() {
    return HamiltonianMove.nuts();
  }

  /** Static HMC with {@code leapfrogSteps} steps per transition, otherwise as {@link #nuts}. */
  static HamiltonianMove hmc(int leapfrogSteps) {
    return HamiltonianMove.hmc(leapfrogSteps);
  }

  /** The move of one particle at one stage: a program drawing the moved trace. */
  @FunctionalInterface
  interface ParticleMove<A> {
    /**
     * {@code moves} transitions from {@code trace} (a trace of the untempered model of positive
     * density), as a program whose randomness is sample nodes: the moved trace, again of the
     * untempered model, and the transitions' statistics.
     */
    Prob<Moved<A>> apply(Trace<A> trace, int moves);

    /** The step size this move uses (NaN when it has none). */
    default double stepSize() {
      return Double.NaN;
    }
  }

  /**
   * A moved particle.
   *
   * @param trace the trace after the moves, of the untempered model
   * @param acceptance the mean acceptance over the moves (see {@link Stage#acceptance})
   * @param divergences the number of divergent transitions
   */
  record Moved<A>(Trace<A> trace, double acceptance, int divergences) {
  }
}
