package org.probity.core;

import java.util.function.Function;

/**
 * A persistent (immutable, shared) stack of pending continuations, the heap-allocated stack that
 * makes interpretation a loop. Being immutable, a suspended program (node plus stack) can be
 * copied for free, as SMC does when it resamples particles.
 */
public record Cont(Function<Object, Prob<?>> head, Cont tail) {
  /** Pushes {@code k} on {@code stack} (null is the empty stack). */
  @SuppressWarnings("unchecked")
  public static Cont push(Function<?, ?> k, Cont stack) {
    return new Cont((Function<Object, Prob<?>>) k, stack);
  }
}
