package org.probity.core;

import java.util.function.Supplier;
import org.probity.dist.Distribution;

/**
 * Conditioning on {@code value} having been drawn from {@code dist}: multiplies the weight by the
 * density, then continues with {@code next}. {@code address} is optional (null), for naming the
 * observation in traces and error messages.
 */
public record Observe<X, A>(Address address, Distribution<X> dist, X value, Supplier<? extends Prob<A>> next)
    implements Prob<A> {
  /** Validates the node: a distribution and an observed value are required. */
  public Observe {
    if (dist == null) {
      throw new ProbityException("observe: distribution is null" + (address == null ? "" : " at " + address));
    }
    if (value == null) {
      throw new ProbityException("observe: the observed value is null for " + Weights.briefly(dist)
          + (address == null ? "" : " at " + address) + " (a missing observation is left out of the model, not observed as null)");
    }
  }
}
