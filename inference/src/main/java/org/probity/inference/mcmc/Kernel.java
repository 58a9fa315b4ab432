package org.probity.inference.mcmc;

import org.probity.trace.Trace;

import org.probity.core.Prob;

/**
 * A Markov transition kernel on traces, as a program: {@code apply(trace)} is a {@code Prob} of
 * the next trace whose own randomness (which site, the proposal, the accept/reject coin) consists
 * of sample steps of the same monad. Kernels therefore compose with ordinary monadic bind, run
 * under the Sampler, and on finite models their transition law can be enumerated exactly by the
 * Enumerator (the kernel-as-program view of Scibior, Kammar and Ghahramani, ICFP 2018).
 *
 * <p>A kernel that rejects returns the very trace it was given (the same object), which the chain
 * runner counts as a rejection. Kernels that adapt (random-walk step sizes) keep per-chain state:
 * {@link #forChain} gives each chain its own copy and {@link #endWarmup} freezes it.
 */
@FunctionalInterface
public interface Kernel<A> {
  /** The next trace, as a program. */
  Prob<Trace<A>> apply(Trace<A> trace);

  /** A copy for one chain (stateless kernels return themselves). */
  default Kernel<A> forChain() {
    return this;
  }

  /**
   * Called by the chain runner at the end of warm-up: stop adapting. By default the kernel's
   * counts ({@link #stats}), if it keeps any, start their after-warm-up totals.
   */
  default void endWarmup() {
    KernelStats s = stats();
    if (s != null) {
      s.endWarmup();
    }
  }

  /**
   * The kernels this one is made of, flattened (a cycle or mixture lists its parts' parts); a
   * kernel that is no combination lists itself. The chain runner looks through them for parts
   * that need more than {@link #forChain}/{@link #endWarmup} (the Hamiltonian kernels' warm-up
   * schedule and per-draw sampler statistics).
   */
  default java.util.List<Kernel<A>> parts() {
    return java.util.List.of(this);
  }

  /**
   * Checks, before a chain starts, that this kernel can move the chain's initial trace: a
   * selection that names no address of the model, a Gibbs site the model does not reach, or a
   * random walk with no continuous site fails here with an error listing the model's addresses,
   * instead of running a chain that never moves. The chain runner calls it on every part
   * ({@link #parts}) with each chain's initial trace.
   *
   * @throws org.probity.core.ProbityException naming what is missing
   */
  default void validate(Trace<A> initial) {
  }

  /**
   * This chain copy's counts of steps, moves and rejections by cause, or null when the kernel does
   * not count (templates, combinations, and kernels that keep no counts).
   */
  default KernelStats stats() {
    return null;
  }

  /** This kernel, then {@code next}. */
  default Kernel<A> then(Kernel<A> next) {
    return Kernels.cycle(this, next);
  }
}
