package org.probity.bijection;

import org.probity.dist.Constraint;

/**
 * Thrown by {@link Bijections#forConstraint} for a discrete support (integers, booleans, count
 * vectors, finite sets): no bijection to unconstrained real space exists. Callers that lay out
 * continuous sites test {@link Constraint#isDiscrete()} first; discrete sites are moved by
 * discrete kernels or marginalised. It extends IllegalArgumentException because bijection sits
 * below core and may not use core's exceptions.
 */
public class DiscreteSupportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The exception for {@code constraint}. */
  public DiscreteSupportException(Constraint constraint) {
    super("no bijection: discrete support " + constraint + " has no map to unconstrained real space"
        + " (move such a site with a discrete kernel, or marginalise it)");
  }
}
