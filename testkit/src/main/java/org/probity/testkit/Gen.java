package org.probity.testkit;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A seeded generator of test cases: the same generator state and size always give the same case
 * (Claessen and Hughes, "QuickCheck", ICFP 2000, without the type-class machinery).
 *
 * @param <T> the type of the generated cases
 */
@FunctionalInterface
public interface Gen<T> {
  /** Generates one case; {@code size} (at least 1) bounds how large it may be. */
  T generate(UniformRandomProvider rng, int size);

  /** The cases of this generator transformed by {@code f}. */
  default <U> Gen<U> map(Function<? super T, ? extends U> f) {
    return (rng, size) -> f.apply(generate(rng, size));
  }
}
