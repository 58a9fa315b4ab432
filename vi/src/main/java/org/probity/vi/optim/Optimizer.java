package org.probity.vi.optim;

import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * A stochastic-gradient method that <b>ascends</b> an objective: each call moves the store's
 * unconstrained parameters along one gradient estimate. Stateful (moments, step count): one
 * instance per optimisation.
 */
public interface Optimizer {
  /** One step from the gradient estimate {@code g}. */
  void step(ParamStore store, Gradient g);

  /** The number of steps taken. */
  int steps();
}
