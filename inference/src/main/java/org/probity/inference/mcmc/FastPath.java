package org.probity.inference.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Prob;
import org.probity.trace.Trace;

/**
 * A kernel's fixed-structure fast path ({@link FastRandomWalk}, {@link FastProposal}) on a chain
 * state held as a flat run ({@link FlatState}): a step that draws exactly what the kernel's
 * program draws, and the kernel's general path for the rest of a step whose run changed structure.
 */
interface FastPath<A> {
  /** What a fast step did. */
  enum Outcome { MOVED, STAYED, CHANGED }

  /** One step; on {@link Outcome#CHANGED} what was drawn is kept for {@link #rest}. */
  Outcome step(UniformRandomProvider rng);

  /** The general path's rest of the step that reported {@link Outcome#CHANGED}, from x (this state's trace). */
  Prob<Trace<A>> rest(Trace<A> x);

  /**
   * The fast path of the same kernel on another state (after a step changed the structure), or
   * null when the kernel must take its general path there.
   */
  FastPath<A> restart(FlatState<A> state);

  /** Brings the chain's flat run up to date where steps kept the state elsewhere ({@link StagedWalk}). */
  default void settle() {
  }
}
