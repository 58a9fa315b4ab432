package org.probity.core;

import java.util.List;
import java.util.function.Function;

/**
 * An independent product: the {@code parts} share no randomness and no state, so the Sampler may
 * run them in parallel (part {@code i} on a generator split from (seed, i)) and the Enumerator
 * enumerates their product. Particles, chains and plates are this node. The parts' log weights
 * add; {@code k} receives their results in order.
 *
 * <p>Anonymous sites inside part {@code i} are addressed under {@code #n[i]}, where {@code #n} is
 * this node's own positional name.
 */
public record Independent<X, A>(List<? extends Prob<X>> parts, Function<? super List<X>, ? extends Prob<A>> k)
    implements Prob<A> {
  /** Copies the parts. */
  public Independent {
    parts = List.copyOf(parts);
  }

  /**
   * The continuation of {@code node} when it is an independent product of no parts (a node that
   * costs no randomness, which inference uses to mark a suspended program and carry data in its
   * continuation), or null for any other node.
   */
  public static Function<?, ?> markerOf(Prob<?> node) {
    return node instanceof Independent<?, ?> ind && ind.parts().isEmpty() ? ind.k() : null;
  }
}
