package org.probity.inference.mcmc;

import org.probity.trace.FixedRun;
import org.probity.trace.Trace;

/**
 * A chain's state on the fixed-structure fast path: the current run and a spare buffer of the
 * same structure for proposals, shared by the fast paths of every kernel of a cycle, so a move
 * accepted by one is the state the next one starts from.
 */
final class FlatState<A> {
  FixedRun<A> current;
  FixedRun<A> spare;

  private FlatState(FixedRun<A> current) {
    this.current = current;
    this.spare = current.copy();
  }

  /** The state at a trace (its structure is the one the runs are checked against). */
  static <A> FlatState<A> of(Trace<A> t) {
    return new FlatState<>(FixedRun.of(t));
  }

  /**
   * Re-runs the model into the spare buffer with the values {@code given} by position (null: keep
   * the current one) and, if the run kept the structure, makes it the current state.
   *
   * @return whether the run kept the structure (false: the state is unchanged)
   */
  boolean moveTo(Object[] given) {
    if (!spare.rerun(current, given)) {
      return false;
    }
    accept();
    return true;
  }

  /** The spare buffer, holding the proposal's run, becomes the current state. */
  void accept() {
    FixedRun<A> old = current;
    current = spare;
    spare = old;
  }

  Trace<A> trace() {
    return current.trace();
  }

  A output() {
    return current.output();
  }

  double logJoint() {
    return current.logJoint();
  }
}
