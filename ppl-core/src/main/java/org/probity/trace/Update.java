package org.probity.trace;

import java.util.Set;
import org.probity.core.Address;

/**
 * The result of re-running a program against a previous trace ({@link Traces#update}): the new
 * trace, the addresses whose values were drawn afresh from their prior, and the sum of those fresh
 * draws' log densities (the forward proposal density of the fresh choices in the acceptance ratio
 * of lightweight MH, Wingate et al. 2011).
 */
public record Update<A>(Trace<A> trace, Set<Address> fresh, double logFresh) {
  /** Copies the set. */
  public Update {
    fresh = Set.copyOf(fresh);
  }
}
