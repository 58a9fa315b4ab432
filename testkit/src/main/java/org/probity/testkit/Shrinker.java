package org.probity.testkit;

import java.util.List;

/**
 * Proposes simpler variants of a failing case, simplest first; the property runner keeps the
 * first variant that still fails and repeats (greedy shrinking to a local minimum, as in
 * QuickCheck). Every candidate must be strictly smaller by some well-founded measure, so
 * shrinking terminates.
 *
 * @param <T> the type of the cases
 */
@FunctionalInterface
public interface Shrinker<T> {
  /** Simpler variants of {@code value} (possibly none). */
  List<T> shrink(T value);

  /** The shrinker that proposes nothing. */
  static <T> Shrinker<T> none() {
    return v -> List.of();
  }
}
