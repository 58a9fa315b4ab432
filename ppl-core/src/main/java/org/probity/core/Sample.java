package org.probity.core;

import java.util.function.Function;
import org.probity.dist.Distribution;

/**
 * A random choice from {@code dist} at {@code address} (null for an anonymous site), followed by
 * the continuation {@code k} applied to the chosen value. Node and continuation are one object,
 * the fast path of the interpreters.
 */
public record Sample<X, A>(Address address, Distribution<X> dist, Function<? super X, ? extends Prob<A>> k)
    implements Prob<A> {
  /** Validates the node. */
  public Sample {
    if (dist == null) {
      throw new IllegalArgumentException("sample: distribution is null at " + (address == null ? "an anonymous site" : address));
    }
  }
}
