package org.probity.vi.adev;

import org.probity.ad.Real;
import org.probity.core.Prob;

/**
 * The rest of an objective program after a random choice, already transformed by ADEV: applied
 * to a value x of the choice it gives the estimator program of E[rest | x], whose result's value
 * is an unbiased estimate of that expectation and whose gradient (one backward sweep) is an
 * unbiased estimate of its gradient. It may be applied any number of times, to any values of the
 * choice's type (ENUM applies it to every point of the support, MVD to phantom values); each
 * application runs the rest afresh, with its own randomness.
 */
@FunctionalInterface
public interface Continuation {
  /** The estimator program of the rest of the objective, given the value {@code x} of the choice. */
  Prob<Real> apply(Object x);
}
