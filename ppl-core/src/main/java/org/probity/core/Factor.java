package org.probity.core;

import java.util.function.Supplier;
import org.probity.ad.Real;

/** Multiplies the program's weight by exp({@code logWeight}), then continues with {@code next}. */
public record Factor<A>(Real logWeight, Supplier<? extends Prob<A>> next) implements Prob<A> {
  /** Validates the node: a NaN or +Infinity log weight is an error. */
  public Factor {
    if (Double.isNaN(logWeight.value()) || logWeight.value() == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("factor: log weight must be a number below +Infinity, got " + logWeight.value());
    }
  }
}
