package org.probity.core;

import java.util.function.Function;

/**
 * A persistent (immutable, shared) stack of pending continuations, the heap-allocated stack that
 * makes interpretation a loop. Being immutable, a suspended program (node plus stack) can be
 * copied for free, as SMC does when it resamples particles.
 *
 * <p>Each cell also carries the {@link Messenger}s active for the code that returns into it (the
 * effect handlers of the {@link Handled} nodes being run, innermost first), so a suspended program
 * keeps its handlers without a field of its own; the cell costs no more memory for it.
 *
 * @param head the continuation to apply to the next returned value
 * @param tail the rest of the stack (null: empty)
 * @param messengers the active effect handlers, innermost first (null: none)
 */
public record Cont(Function<Object, Prob<?>> head, Cont tail, PList<Messenger> messengers) {
  /** The identity continuation, the bottom frame of a part that runs under effect handlers. */
  private static final Function<Object, Prob<?>> IDENTITY = Pure::new;

  /** Pushes {@code k} on {@code stack} (null is the empty stack); the active handlers stay. */
  @SuppressWarnings("unchecked")
  public static Cont push(Function<?, ?> k, Cont stack) {
    return new Cont((Function<Object, Prob<?>>) k, stack, stack == null ? null : stack.messengers);
  }

  /** The active handlers of a stack (null: none). */
  public static PList<Messenger> messengers(Cont stack) {
    return stack == null ? null : stack.messengers;
  }

  /** A stack holding only the given handlers (null when there are none): where an independent part starts. */
  static Cont root(PList<Messenger> messengers) {
    return messengers == null ? null : new Cont(IDENTITY, null, messengers);
  }

  /** Enters the scope of {@code m}: returning into this frame leaves it. */
  static Cont enter(Messenger m, Cont stack) {
    return new Cont(IDENTITY, stack, PList.cons(m, messengers(stack)));
  }
}
