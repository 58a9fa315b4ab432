package org.probity.trace;

import org.probity.core.Address;
import org.probity.dist.Distribution;

/**
 * One random choice of a {@link Trace}: the address, the distribution it was drawn from in that
 * run, the value, and the value's log density under that distribution.
 */
public record Choice(Address address, Distribution<?> dist, Object value, double logDensity) {
  @Override
  public String toString() {
    return address + " ~ " + dist.name() + " = " + Values.describe(value) + "  (log density " + logDensity + ")";
  }
}
