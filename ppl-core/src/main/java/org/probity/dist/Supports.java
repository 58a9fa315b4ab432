package org.probity.dist;

import java.util.function.DoublePredicate;

/**
 * The support tests the distributions' differentiable densities make on a value, as shared
 * predicates for {@link org.probity.ad.Real#test}: a test is recorded as a guard on a recording
 * tape, where reading the value would make the recording unreplayable.
 */
final class Supports {
  static final DoublePredicate NEGATIVE = v -> v < 0;
  static final DoublePredicate NOT_POSITIVE = v -> v <= 0;
  static final DoublePredicate OUTSIDE_UNIT = v -> v < 0 || v > 1;
  static final DoublePredicate ZERO = v -> v == 0;

  private Supports() {
  }
}
