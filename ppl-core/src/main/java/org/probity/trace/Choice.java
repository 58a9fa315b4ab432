package org.probity.trace;

import org.probity.core.Address;
import org.probity.dist.Deterministic;
import org.probity.dist.Distribution;

/**
 * One random choice of a {@link Trace}: the address, the distribution it was drawn from in that
 * run, the value, and the value's log density under that distribution.
 */
public record Choice(Address address, Distribution<?> dist, Object value, double logDensity) {
  /**
   * Whether this is a deterministic site ({@link Deterministic}): recorded, but not a random
   * choice, so no kernel moves it and every re-run recomputes its value.
   *
   * @return true for a deterministic site
   */
  public boolean isDeterministic() {
    return dist instanceof Deterministic;
  }

  @Override
  public String toString() {
    return address + " ~ " + dist.name() + " = " + Values.describe(value) + "  (log density " + logDensity + ")";
  }
}
